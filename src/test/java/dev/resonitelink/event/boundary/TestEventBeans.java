package dev.resonitelink.event.boundary;

import dev.resonitelink.audit.AuditTrail;
import jakarta.persistence.EntityManager;
import java.time.Clock;

/** The events' beans for unit tests of other packages, wired as the container would (no scheduler, no HTTP). */
public final class TestEventBeans {

    public static AttendeeErasure attendeeErasure(EntityManager em, AuditTrail audit, Clock clock,
                                                  dev.resonitelink.webhook.boundary.Outbox outbox) {
        Registrations registrations = new Registrations();
        registrations.outbox = outbox;
        registrations.em = em;
        registrations.audit = audit;
        registrations.clock = clock;
        registrations.self = registrations;
        AttendeeErasure erasure = new AttendeeErasure();
        erasure.em = em;
        erasure.registrations = registrations;
        erasure.clock = clock;
        return erasure;
    }

    public static AdmissionLimits admissionLimits(EntityManager em, Clock clock) {
        AdmissionLimits limits = new AdmissionLimits();
        limits.em = em;
        limits.settings = dev.resonitelink.settings.TestSettings.defaults();
        limits.self = limits;
        limits.clock = clock;
        return limits;
    }

    private TestEventBeans() {
    }
}
