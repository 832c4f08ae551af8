package dev.resonitelink.link.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.resonitelink.ResoniteUserId;
import dev.resonitelink.SitePrincipal;
import dev.resonitelink.link.entity.LinkOutcome;
import dev.resonitelink.link.entity.LinkResult;
import dev.resonitelink.oauth.entity.LinkFailedException;
import dev.resonitelink.oauth.entity.LinkFailure;
import dev.resonitelink.oauth.entity.ResoniteProfile;
import dev.resonitelink.sealing.SealedToken;
import dev.resonitelink.testing.TestDatabase;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How one link write ends, decided by the database's rows and constraints. */
class LinkWritesTest {

    private TestDatabase db;
    private LinkWrites writes;

    @BeforeEach
    void setUp() {
        db = new TestDatabase();
        writes = new LinkWrites();
        writes.em = db.entityManager();
        writes.outbox = dev.resonitelink.webhook.boundary.TestWebhookBeans.outbox(db, java.time.Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private static ResoniteProfile profile(String id, String username) {
        return new ResoniteProfile(new ResoniteUserId(id), username, null, username + "@example.org",
                new ResoniteProfile.PatreonSupport(true, 3, 600), Set.of("profile", "email"));
    }

    /** {@code REQUIRES_NEW}: each write in a transaction of its own, rolled back when it throws. */
    private LinkResult write(String principal, ResoniteProfile profile, String sealed) throws LinkFailedException {
        try {
            return db.inTransaction(() -> {
                try {
                    return writes.write(new SitePrincipal(principal), profile, sealed == null ? null : new SealedToken(sealed));
                } catch (LinkFailedException e) {
                    throw new Rethrown(e);
                }
            });
        } catch (Rethrown e) {
            throw e.failure;
        }
    }

    private static final class Rethrown extends RuntimeException {
        final LinkFailedException failure;

        Rethrown(LinkFailedException failure) {
            super(failure);
            this.failure = failure;
        }
    }

    private List<List<String>> links() {
        return db.query("select principal, resonite_id, username, refresh_token from account_link order by principal");
    }

    @Test
    void aFirstLinkIsStoredByTheResoniteUserIdWithItsSealedToken() throws Exception {
        LinkResult result = write("ada", profile("U-Ada", "Ada"), "sealed-1");
        assertThat(result.outcome()).isEqualTo(LinkOutcome.LINKED);
        assertThat(result.dropped()).isNull();
        assertThat(links()).containsExactly(List.of("ada", "U-Ada", "Ada", "sealed-1"));
    }

    @Test
    void linkingTheSameAccountAgainRefreshesItAndHandsBackTheTokenItReplaced() throws Exception {
        write("ada", profile("U-Ada", "Ada"), "sealed-1");
        LinkResult again = write("ada", profile("U-Ada", "Ada L."), "sealed-2");
        assertThat(again.outcome()).isEqualTo(LinkOutcome.REFRESHED);
        assertThat(again.dropped().sealed().value()).as("to be revoked at Resonite").isEqualTo("sealed-1");
        assertThat(again.dropped().resoniteId().value()).isEqualTo("U-Ada");
        assertThat(links()).containsExactly(List.of("ada", "U-Ada", "Ada L.", "sealed-2"));
    }

    @Test
    void linkingAnotherResoniteAccountReplacesTheLinkAndHandsBackTheOldAccountsToken() throws Exception {
        write("ada", profile("U-Ada", "Ada"), "sealed-1");
        LinkResult replaced = write("ada", profile("U-Ada.Alt", "Ada alt"), null);
        assertThat(replaced.outcome()).isEqualTo(LinkOutcome.REPLACED);
        assertThat(replaced.dropped().sealed().value()).isEqualTo("sealed-1");
        assertThat(replaced.dropped().resoniteId().value()).as("whose grant it was").isEqualTo("U-Ada");
        assertThat(links()).containsExactly(Arrays.asList("ada", "U-Ada.Alt", "Ada alt", null));
    }

    @Test
    void aResoniteAccountLinkedToAnotherUserIsRefusedAndNothingChanges() throws Exception {
        write("ada", profile("U-Ada", "Ada"), "sealed-1");
        write("grace", profile("U-Grace", "Grace"), "sealed-2");
        assertThatThrownBy(() -> write("grace", profile("U-Ada", "Ada"), "sealed-3"))
                .isInstanceOfSatisfying(LinkFailedException.class,
                        e -> assertThat(e.failure()).isEqualTo(LinkFailure.ALREADY_LINKED_ELSEWHERE));
        assertThat(links()).containsExactly(List.of("ada", "U-Ada", "Ada", "sealed-1"),
                List.of("grace", "U-Grace", "Grace", "sealed-2"));
    }

    @Test
    void aRowWrittenMeanwhileByAnotherRequestEndsInAConcurrentChangeAndARollback() {
        // another node linked U-Ada to grace after this write read "nobody holds U-Ada": the unique constraint decides
        LinkWrites racing = new LinkWrites() {
            @Override
            public java.util.Optional<dev.resonitelink.link.entity.AccountLink> byPrincipal(SitePrincipal principal) {
                db.update("insert into account_link (id, principal, provider, resonite_id, username, scopes, linked_at,"
                        + " refreshed_at, version) values ('x-1', 'grace', 'resonite', 'U-Ada', 'Ada', 'profile',"
                        + " current_timestamp, current_timestamp, 0)");
                return super.byPrincipal(principal);
            }
        };
        racing.em = db.entityManager();
        assertThatThrownBy(() -> db.inTransaction(() -> {
            try {
                return racing.write(new SitePrincipal("ada"), profile("U-Ada", "Ada"), new SealedToken("sealed-1"));
            } catch (LinkFailedException e) {
                throw new AssertionError(e);
            }
        })).isInstanceOf(LinkWrites.ConcurrentLinkChange.class);
        assertThat(links()).as("only the winner's row").containsExactly(Arrays.asList("grace", "U-Ada", "Ada", null));
    }

    @Test
    void constraintViolationsAreRecognisedBySqlStateAnywhereInTheCauses() {
        assertThat(LinkWrites.isConstraintViolation(new RuntimeException(new SQLException("dup", "23505")))).isTrue();
        assertThat(LinkWrites.isConstraintViolation(new RuntimeException(new SQLException("h2 dup", "23001")))).isTrue();
        assertThat(LinkWrites.isConstraintViolation(new RuntimeException(new SQLException("gone", "08006")))).isFalse();
        assertThat(LinkWrites.isConstraintViolation(new RuntimeException("no SQL at all"))).isFalse();
    }
}
