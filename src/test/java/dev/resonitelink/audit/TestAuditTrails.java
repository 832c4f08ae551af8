package dev.resonitelink.audit;

import dev.resonitelink.settings.TestSettings;
import jakarta.persistence.EntityManager;

/** An audit trail for unit tests that writes to a {@code TestDatabase} (no pruning schedule). */
public final class TestAuditTrails {

    public static AuditTrail writingTo(EntityManager em) {
        AuditTrail trail = new AuditTrail();
        trail.em = em;
        trail.settings = TestSettings.defaults();
        trail.self = trail;
        return trail;
    }

    /** The same, on this clock (entries and pruning). */
    public static AuditTrail writingTo(EntityManager em, java.time.Clock clock) {
        AuditTrail trail = writingTo(em);
        trail.clock = clock;
        return trail;
    }

    private TestAuditTrails() {
    }
}
