package dev.resonitelink.privacy.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resonitelink.SitePrincipal;
import dev.resonitelink.account.boundary.TestAccountBeans;
import dev.resonitelink.audit.AuditTrail;
import dev.resonitelink.audit.TestAuditTrails;
import dev.resonitelink.event.boundary.TestEventBeans;
import dev.resonitelink.link.boundary.TestLinkBeans;
import dev.resonitelink.privacy.control.Pseudonyms;
import dev.resonitelink.settings.TestSettings;
import dev.resonitelink.testing.TestDatabase;
import dev.resonitelink.webhook.boundary.Outbox;
import dev.resonitelink.webhook.boundary.TestWebhookBeans;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Deleting a user on a real database (H2 with the WAR's migrations; {@code AccountDataIT} does the same on PostgreSQL
 * through the running app): afterwards no column of any table names the user or their Resonite account, the place they
 * held goes to the first on the waitlist, and what is kept (audit entries, the event they made, the ticket they spent)
 * carries one pseudonym instead of the name.
 */
class UserErasureTest {

    static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    static final String ADA = "ada-erase";
    static final String ADA_ID = "U-Ada-Erase";

    private TestDatabase db;
    private UserErasure erasure;
    private TestLinkBeans.RecordedGrants grants;

    @BeforeEach
    void setUp() {
        db = new TestDatabase();
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        AuditTrail audit = TestAuditTrails.writingTo(db.entityManager());
        erasure = new UserErasure();
        erasure.grants = grants = new TestLinkBeans.RecordedGrants();
        Outbox outbox = TestWebhookBeans.outbox(db, clock);
        erasure.links = TestLinkBeans.accountLinks(db.entityManager(), outbox);
        erasure.attendees = TestEventBeans.attendeeErasure(db.entityManager(), audit, clock, outbox);
        erasure.outbox = outbox;
        erasure.users = TestAccountBeans.siteUsers(db.entityManager(), audit);
        erasure.audit = audit;
        erasure.key = key(db, clock);
        erasure.self = erasure;
        seed(db);
    }

    static PseudonymKey key(TestDatabase db, Clock clock) {
        PseudonymKey key = new PseudonymKey();
        key.em = db.entityManager();
        key.settings = TestSettings.defaults();
        key.self = key;
        key.clock = clock;
        return key;
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    /** Everything a user can leave behind: an account, a link, registrations, a ticket, an invite, audit entries. */
    static void seed(TestDatabase db) {
        db.update("insert into app_user (username, password_hash, created_at, origin, display_name, email, last_sign_in_at)"
                + " values ('" + ADA + "', 'PBKDF2WithHmacSHA512:1024:c2FsdA==:aGFzaA==', TIMESTAMP '2026-11-01 10:00:00',"
                + " 'local', 'Ada Erase', 'ada-erase@example.org', TIMESTAMP '2026-12-07 11:00:00')");
        db.update("insert into app_user_group (username, group_name) values ('" + ADA + "', 'user'), ('" + ADA
                + "', 'organizer')");
        db.update("insert into app_user (username, password_hash, created_at) values ('grace', 'x', TIMESTAMP '2026-11-01 10:00:00')");
        db.update("insert into account_link (id, principal, provider, resonite_id, username, icon_url, email, patreon_active,"
                + " patreon_months, patreon_tier_cents, scopes, linked_at, refreshed_at, version, refresh_token,"
                + " needs_reconsent) values ('l1', '" + ADA + "', 'resonite', '" + ADA_ID + "', 'AdaOnResonite',"
                + " 'https://assets.example/ada.webp', 'ada-erase@resonite.example', true, 7, 600,"
                + " 'openid profile email offline_access', TIMESTAMP '2026-11-02 10:00:00', TIMESTAMP '2026-12-01 10:00:00',"
                + " 3, 'sealed-refresh-token-value', false)");
        // an event she made, full with her place and grace waiting; one that is over; a ticketed one
        event(db, "evfullsoon000001", 1, 1, "2026-12-10 18:00:00", "2026-12-10 20:00:00", ADA);
        event(db, "evover0000000002", null, 1, "2026-12-01 18:00:00", "2026-12-01 20:00:00", "organizer");
        event(db, "evticket00000003", null, 1, "2026-12-11 18:00:00", "2026-12-11 20:00:00", "organizer");
        registration(db, "r1", "evfullsoon000001", ADA, ADA_ID, "REGISTERED", "2026-12-02 10:00:00", null);
        registration(db, "r2", "evfullsoon000001", "grace", "U-Grace", "WAITLISTED", "2026-12-03 10:00:00", null);
        registration(db, "r3", "evover0000000002", ADA, ADA_ID, "REGISTERED", "2026-11-20 10:00:00", null);
        registration(db, "r4", "evticket00000003", ADA, ADA_ID, "REGISTERED", "2026-12-04 10:00:00", "t1");
        db.update("insert into event_ticket (id, event_id, code_hash, created_at, redeemed_by, redeemed_at) values ('t1',"
                + " 'evticket00000003', 'ab12', TIMESTAMP '2026-12-01 10:00:00', '" + ADA + "', TIMESTAMP '2026-12-04 10:00:00')");
        db.update("insert into event_invite (id, event_id, resonite_id, username) values ('i1', 'evticket00000003', '"
                + ADA_ID + "', null), ('i2', 'evticket00000003', 'U-Grace', null)");
        db.update("insert into link_audit (id, occurred_at, principal, resonite_id, action, outcome, request_id, actor,"
                + " event_id, detail) values"
                + " ('a1', TIMESTAMP '2026-11-02 10:00:00', '" + ADA + "', '" + ADA_ID + "', 'LINK', 'LINKED', 'req1', null, null, null),"
                + " ('a2', TIMESTAMP '2026-11-03 10:00:00', 'grace', 'U-Grace', 'REG_REMOVE', 'REGISTERED', 'req2', '" + ADA
                + "', 'evfullsoon000001', 'no-show twice'),"
                + " ('a3', TIMESTAMP '2026-11-04 10:00:00', 'mallory', '" + ADA_ID + "', 'LINK', 'ALREADY_LINKED_ELSEWHERE',"
                + " 'req3', null, null, null),"
                + " ('a4', TIMESTAMP '2026-11-05 10:00:00', '" + ADA + "', '" + ADA_ID + "', 'REG_REMOVE', 'REGISTERED', 'req4',"
                + " 'organizer', 'evover0000000002', 'asked by Ada Erase herself')");
        db.update("insert into sign_in_throttle (throttle_key, failures, last_failure) values ('user:" + ADA + "', 2,"
                + " TIMESTAMP '2026-12-07 11:00:00')");
        db.update("insert into webhook_endpoint (id, url, description, event_types, enabled, secret, created_by,"
                + " created_at) values ('w1', 'https://bot.example/hook', 'Discord bot', 'link.created link.removed',"
                + " false, 'whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0', '" + ADA + "', TIMESTAMP '2026-11-05 10:00:00')");
    }

    static void event(TestDatabase db, String id, Integer capacity, int registered, String starts, String ends,
                      String createdBy) {
        db.update("insert into site_event (id, title, description, location, starts_at, ends_at, time_zone, capacity,"
                + " registered, listed, status, supporters_only, ticket_required, invite_only, created_by, created_at,"
                + " version) values ('" + id + "', 'Event " + id + "', '', 'Resonite', TIMESTAMP '" + starts + "',"
                + " TIMESTAMP '" + ends + "', 'UTC', " + capacity + ", " + registered + ", true, 'PUBLISHED', false, false,"
                + " false, '" + createdBy + "', TIMESTAMP '2026-11-01 10:00:00', 0)");
    }

    static void registration(TestDatabase db, String id, String eventId, String principal, String resoniteId,
                             String status, String queued, String ticket) {
        db.update("insert into event_registration (id, event_id, principal, registered_as, status, queued_at,"
                + " registered_at, changed_at, ticket_id, version) values ('" + id + "', '" + eventId + "', '" + principal
                + "', '" + resoniteId + "', '" + status + "', TIMESTAMP '" + queued + "', "
                + ("REGISTERED".equals(status) ? "TIMESTAMP '" + queued + "'" : "null") + ", TIMESTAMP '" + queued
                + "', " + (ticket == null ? "null" : "'" + ticket + "'") + ", 0)");
    }

    /** Every text column of every table that contains {@code text} (any case): "table.column=value" once per row. */
    static List<String> everyMention(TestDatabase db, String text) {
        List<String> mentions = new ArrayList<>();
        for (List<String> column : db.query("select table_name, column_name from information_schema.columns where"
                + " table_schema = 'PUBLIC' and data_type like '%CHARACTER%' order by table_name, column_name")) {
            String table = column.get(0);
            String name = column.get(1);
            for (List<String> row : db.query("select \"" + name + "\" from \"" + table + "\" where lower(\"" + name
                    + "\") like '%" + text.toLowerCase() + "%'")) {
                mentions.add(table.toLowerCase() + "." + name.toLowerCase() + "=" + row.get(0));
            }
        }
        return mentions;
    }

    @Test
    void afterTheDeletionNoColumnOfAnyTableNamesTheUserOrTheirResoniteAccount() {
        assertThat(everyMention(db, ADA)).as("the seed reaches every kind of row").hasSizeGreaterThan(10);

        boolean erased = db.inTransaction(() -> erasure.eraseStored(new SitePrincipal(ADA), null, null, "req9"));

        assertThat(erased).isTrue();
        assertThat(everyMention(db, ADA)).isEmpty();
        assertThat(everyMention(db, ADA_ID)).isEmpty();
        assertThat(everyMention(db, "Ada Erase")).as("the organizer's words about her go too").isEmpty();
        assertThat(db.query("select username from app_user")).containsExactly(List.of("grace"));
    }

    @Test
    void herPlaceGoesToTheFirstOnTheWaitlistAndPlacesOfPastEventsStayCounted() {
        db.inTransaction(() -> erasure.eraseStored(new SitePrincipal(ADA), null, null, "req9"));

        assertThat(db.query("select status from event_registration where id = 'r2'")).containsExactly(List.of("REGISTERED"));
        assertThat(db.query("select id, registered from site_event order by id")).containsExactly(
                List.of("evfullsoon000001", "1"), List.of("evover0000000002", "1"), List.of("evticket00000003", "0"));
        assertThat(db.query("select count(*) from event_registration")).containsExactly(List.of("1"));
        assertThat(db.query("select count(*) from event_invite where resonite_id = 'U-Grace'")).as("others' invites stay")
                .containsExactly(List.of("1"));
    }

    @Test
    void whatIsKeptCarriesOnePseudonymAndTheDeletionIsAuditedUnderIt() {
        String pseudonym = db.inTransaction(() -> erasure.key.pseudonyms().of(ADA));
        assertThat(pseudonym).startsWith(Pseudonyms.PREFIX).doesNotContain(ADA);

        db.inTransaction(() -> erasure.eraseStored(new SitePrincipal(ADA), "organizer", "spam account", "req9"));

        assertThat(db.query("select created_by from site_event where id = 'evfullsoon000001'"))
                .containsExactly(List.of(pseudonym));
        assertThat(db.query("select redeemed_by, redeemed_at from event_ticket where id = 't1'"))
                .as("the ticket stays spent").containsExactly(List.of(pseudonym, "2026-12-04 10:00:00"));
        assertThat(db.query("select actor, principal from link_audit where id = 'a2'")).as("what she did as organizer")
                .containsExactly(List.of(pseudonym, "grace"));
        assertThat(db.query("select principal, resonite_id, detail from link_audit where id in ('a1', 'a4') order by id"))
                .containsExactly(Arrays.asList(pseudonym, null, null), Arrays.asList(pseudonym, null, null));
        assertThat(db.query("select principal, resonite_id from link_audit where id = 'a3'")).as("another user's attempt"
                + " on her Resonite account keeps that user, not the account").containsExactly(Arrays.asList("mallory", null));
        assertThat(db.query("select actor, outcome, detail from link_audit where action = 'USER_DELETE' and principal = '"
                + pseudonym + "'")).containsExactly(List.of("organizer", UserErasure.BY_ORGANIZER, "spam account"));
        assertThat(db.query("select count(*) from link_audit where action = 'REG_CANCEL' and principal = '" + pseudonym
                + "'")).as("both places of events not over were given back").containsExactly(List.of("2"));
    }

    @Test
    void theSameKeyGivesTheSamePseudonymAndTheKeyIsMadeOnceForEveryNode() {
        String first = db.inTransaction(() -> erasure.key.pseudonyms().of(ADA));
        PseudonymKey otherNode = key(db, Clock.systemUTC());
        assertThat(db.inTransaction(() -> otherNode.pseudonyms().of(ADA))).isEqualTo(first);
        assertThat(db.inTransaction(() -> otherNode.pseudonyms().of("grace"))).isNotEqualTo(first);
        assertThat(db.query("select count(*) from site_key")).containsExactly(List.of("1"));
    }

    @Test
    void nobodyOfThatNameIsNothingToDeleteAndNothingIsAudited() {
        int entries = db.query("select id from link_audit").size();
        assertThat(db.inTransaction(() -> erasure.eraseStored(new SitePrincipal("nobody"), null, null, "req9"))).isFalse();
        assertThat(db.query("select id from link_audit")).hasSize(entries);
    }

    @Test
    void theGrantIsRevokedBeforeAnythingIsDeleted() {
        TestLinkBeans.RecordedGrants recorded = grants;
        UserErasure checking = new UserErasure() {
            @Override
            public boolean eraseStored(SitePrincipal principal, String organizer, String reason, String requestId) {
                assertThat(recorded.revoked).as("revoked first, while the stored token still exists")
                        .containsExactly(principal);
                return db.inTransaction(() -> erasure.eraseStored(principal, organizer, reason, requestId));
            }
        };
        checking.grants = grants;
        checking.self = checking;
        assertThat(checking.erase(new SitePrincipal(ADA), null, null, "req9")).isTrue();
    }
}
