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

    private TestAuditTrails() {
    }
}
