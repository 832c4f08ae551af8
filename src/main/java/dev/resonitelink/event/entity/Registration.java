package dev.resonitelink.event.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * A site user's registration for an event: registered (holding one of the places), waitlisted (in the order of
 * {@code queuedAt}), cancelled by the user or removed by an organizer. {@code registeredAs} is the Resonite id the
 * user was linked to when registering: it explains a refusal, it never decides admission (the current link does).
 */
@Entity(name = "EventRegistration")
@Table(name = "event_registration")
@NamedQuery(name = Registration.OF_EVENT_AND_PRINCIPAL, query = "select r from EventRegistration r"
        + " where r.eventId = :event and r.principal = :principal")
@NamedQuery(name = Registration.UPCOMING_OF_PRINCIPAL, query = "select r from EventRegistration r"
        + " where r.principal = :principal and r.status in ('REGISTERED', 'WAITLISTED')"
        + " and r.eventId in (select e.id from SiteEvent e where e.endsAt > :now)")
public class Registration {

    public static final String OF_EVENT_AND_PRINCIPAL = "EventRegistration.ofEventAndPrincipal";
    /**
     * A principal's registrations holding or waiting for a place in events not over yet ({@link
     * Event#UPCOMING_OF_PRINCIPAL} gives their events). Named and of one entity, so EclipseLink translates it to SQL
     * once: a query selecting registration and event together was translated again at every account page (a tenth of
     * the server's CPU per link flow in the load benchmark, docs/benchmarks.md).
     */
    public static final String UPCOMING_OF_PRINCIPAL = "EventRegistration.upcomingOfPrincipal";

    /** Where a registration stands. */
    public enum Status { REGISTERED, WAITLISTED, CANCELLED, REMOVED }

    @Id
    @Column(name = "id", length = 36)
    private String id = UUID.randomUUID().toString();

    @Column(name = "event_id", nullable = false, length = 16)
    private String eventId;

    @Column(name = "principal", nullable = false, length = 255)
    private String principal;

    @Column(name = "registered_as", nullable = false, length = 128)
    private String registeredAs;

    @Column(name = "status", nullable = false, length = 16)
    private String status;

    @Column(name = "queued_at", nullable = false)
    private Instant queuedAt;

    @Column(name = "registered_at")
    private Instant registeredAt;

    @Column(name = "first_admitted_at")
    private Instant firstAdmittedAt;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Registration() {
    }

    public String id() {
        return id;
    }

    public String eventId() {
        return eventId;
    }

    public String principal() {
        return principal;
    }

    public String registeredAs() {
        return registeredAs;
    }

    public Status status() {
        return Status.valueOf(status);
    }

    public Instant queuedAt() {
        return queuedAt;
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public Instant firstAdmittedAt() {
        return firstAdmittedAt;
    }

    public Instant changedAt() {
        return changedAt;
    }
}
