package dev.resonitelink.privacy.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resonitelink.account.boundary.TestAccountBeans;
import dev.resonitelink.audit.AuditTrail;
import dev.resonitelink.audit.TestAuditTrails;
import dev.resonitelink.event.boundary.TestEventBeans;
import dev.resonitelink.ops.control.TestJobLeases;
import dev.resonitelink.settings.TestSettings;
import dev.resonitelink.testing.TestDatabase;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The retention job on a real database: each kind of row goes when it is past its retention and not a moment before,
 * and of two nodes only the one holding the lease runs.
 */
class RetentionTest {

    private TestDatabase db;

    @BeforeEach
    void setUp() {
        db = new TestDatabase();
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private Retention node(String name) {
        Clock clock = Clock.fixed(UserErasureTest.NOW, ZoneOffset.UTC);
        AuditTrail audit = TestAuditTrails.writingTo(db.entityManager(), clock);
        Retention retention = new Retention();
        retention.settings = TestSettings.defaults();
        retention.leases = TestJobLeases.of(db, name, clock);
        retention.audit = audit;
        retention.attendees = TestEventBeans.attendeeErasure(db.entityManager(), audit, clock,
                dev.resonitelink.webhook.boundary.TestWebhookBeans.outbox(db, clock));
        retention.throttle = TestAccountBeans.signInThrottle(db, UserErasureTest.NOW);
        retention.admissionLimits = TestEventBeans.admissionLimits(db.entityManager(), clock);
        return retention;
    }

    @Test
    void eachKindOfRowGoesWhenPastItsRetentionAndOnlyTheNodeHoldingTheLeaseRuns() {
        // now is 2026-12-07 12:00 UTC; defaults: audit 365 days, cancelled registrations 30 days after the event,
        // throttle rows 24 h, rate windows 1 h
        db.update("insert into link_audit (id, occurred_at, principal, action, outcome, request_id) values"
                + " ('old', TIMESTAMP '2025-12-07 11:59:59', 'a', 'LINK', 'LINKED', 'r'),"
                + " ('kept', TIMESTAMP '2025-12-07 12:00:01', 'a', 'LINK', 'LINKED', 'r')");
        UserErasureTest.event(db, "evlongago0000001", null, 0, "2026-11-01 18:00:00", "2026-11-07 11:00:00", "o");
        UserErasureTest.event(db, "evrecent00000002", null, 0, "2026-11-01 18:00:00", "2026-11-07 13:00:00", "o");
        UserErasureTest.registration(db, "c1", "evlongago0000001", "a", "U-a", "CANCELLED", "2026-10-01 10:00:00", null);
        UserErasureTest.registration(db, "r1", "evlongago0000001", "b", "U-b", "REGISTERED", "2026-10-01 10:00:00", null);
        UserErasureTest.registration(db, "c2", "evrecent00000002", "a", "U-a", "CANCELLED", "2026-10-01 10:00:00", null);
        db.update("insert into sign_in_throttle (throttle_key, failures, last_failure) values"
                + " ('user:old', 1, TIMESTAMP '2026-12-06 11:00:00'), ('user:new', 1, TIMESTAMP '2026-12-07 11:00:00')");
        db.update("insert into rate_window (rate_key, window_start, hits) values"
                + " ('adm-addr:203.0.113.1', TIMESTAMP '2026-12-07 10:58:00', 3),"
                + " ('adm-addr:203.0.113.2', TIMESTAMP '2026-12-07 11:30:00', 3)");

        Retention first = node("node-a");
        Retention second = node("node-b");
        // (each removal is @Transactional in the container; here one transaction around the run stands for them)
        assertThat(db.inTransaction(first::runOnce)).contains(new Retention.Pruned(1, 1, 1, 1));
        assertThat(db.inTransaction(second::runOnce)).as("the other node holds the lease").isEmpty();
        assertThat(db.inTransaction(first::runOnce)).as("the holder runs again, nothing left to remove")
                .contains(new Retention.Pruned(0, 0, 0, 0));

        assertThat(db.query("select id from link_audit")).containsExactly(List.of("kept"));
        assertThat(db.query("select id from event_registration order by id")).containsExactly(List.of("c2"), List.of("r1"));
        assertThat(db.query("select throttle_key from sign_in_throttle")).containsExactly(List.of("user:new"));
        assertThat(db.query("select rate_key from rate_window")).containsExactly(List.of("adm-addr:203.0.113.2"));
    }
}
