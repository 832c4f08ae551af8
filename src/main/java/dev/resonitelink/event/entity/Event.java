package dev.resonitelink.event.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * An event site users register for. Times are instants (UTC); {@code timeZone} is the organizer's, for showing them.
 * {@code registered} counts the registrations in status {@code REGISTERED}: it is changed only by conditional
 * updates in {@code Registrations}, never through this entity, so it is read-only here.
 */
@Entity(name = "SiteEvent")
@Table(name = "site_event")
@NamedQuery(name = Event.UPCOMING_LISTED, query = "select e from SiteEvent e where e.listed = true and e.status = 'PUBLISHED'"
        + " and e.endsAt > :now order by e.startsAt, e.id")
@NamedQuery(name = Event.ALL, query = "select e from SiteEvent e order by e.startsAt desc, e.id")
@NamedQuery(name = Event.UPCOMING_OF_PRINCIPAL, query = "select e from SiteEvent e where e.endsAt > :now"
        + " and e.id in (select r.eventId from EventRegistration r where r.principal = :principal"
        + " and r.status in ('REGISTERED', 'WAITLISTED')) order by e.startsAt, e.id")
public class Event {

    public static final String UPCOMING_LISTED = "SiteEvent.upcomingListed";
    public static final String ALL = "SiteEvent.all";
    /** The events not over yet that a principal holds or waits for a place in, soonest first (the account page). */
    public static final String UPCOMING_OF_PRINCIPAL = "SiteEvent.upcomingOfPrincipal";

    /** Where an event is in its life: drafts are seen by organizers only; closed ones take no registration. */
    public enum Status { DRAFT, PUBLISHED, CLOSED, CANCELLED }

    @Id
    @Column(name = "id", length = 16)
    private String id;

    @Column(name = "title", nullable = false, length = 200)
    private String title;

    @Column(name = "description", nullable = false, length = 4000)
    private String description;

    @Column(name = "location", nullable = false, length = 200)
    private String location;

    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    private Instant endsAt;

    @Column(name = "time_zone", nullable = false, length = 64)
    private String timeZone;

    @Column(name = "capacity")
    private Integer capacity;

    @Column(name = "registered", nullable = false, insertable = true, updatable = false)
    private int registered;

    @Column(name = "opens_at")
    private Instant opensAt;

    @Column(name = "closes_at")
    private Instant closesAt;

    @Column(name = "listed", nullable = false)
    private boolean listed;

    @Column(name = "status", nullable = false, length = 16)
    private String status = Status.DRAFT.name();

    @Column(name = "supporters_only", nullable = false)
    private boolean supportersOnly;

    @Column(name = "ticket_required", nullable = false)
    private boolean ticketRequired;

    @Column(name = "invite_only", nullable = false)
    private boolean inviteOnly;

    @Column(name = "admission_key_hash", length = 64)
    private String admissionKeyHash;

    @Column(name = "created_by", nullable = false, length = 255)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Event() {
    }

    public Event(String id, EventDetails details, String createdBy, Instant createdAt) {
        this.id = id;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        change(details);
    }

    /** The organizer's edit of what the event is (not its status, its key or its registrations). */
    public void change(EventDetails details) {
        this.title = details.title();
        this.description = details.description();
        this.location = details.location();
        this.startsAt = details.startsAt();
        this.endsAt = details.endsAt();
        this.timeZone = details.timeZone().getId();
        this.capacity = details.capacity();
        this.opensAt = details.opensAt();
        this.closesAt = details.closesAt();
        this.listed = details.listed();
        this.supportersOnly = details.supportersOnly();
        this.ticketRequired = details.ticketRequired();
        this.inviteOnly = details.inviteOnly();
    }

    public EventDetails details() {
        return new EventDetails(title, description, location, startsAt, endsAt, java.time.ZoneId.of(timeZone), capacity,
                opensAt, closesAt, listed, supportersOnly, ticketRequired, inviteOnly);
    }

    public void setStatus(Status status) {
        this.status = status.name();
    }

    public void setAdmissionKeyHash(String hash) {
        this.admissionKeyHash = hash;
    }

    public String id() {
        return id;
    }

    public Status status() {
        return Status.valueOf(status);
    }

    public int registered() {
        return registered;
    }

    public String admissionKeyHash() {
        return admissionKeyHash;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
