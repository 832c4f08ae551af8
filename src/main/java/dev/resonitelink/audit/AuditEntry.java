package dev.resonitelink.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One line of the audit trail. Holds identifiers and outcomes only: never a token, code, secret or profile. */
@Entity
@Table(name = "link_audit")
@NamedQuery(name = AuditEntry.MATCHING, query = "select a from AuditEntry a where lower(a.principal) like :pattern"
        + " escape '\\' or lower(a.resoniteId) like :pattern escape '\\' order by a.occurredAt desc, a.id")
@NamedQuery(name = AuditEntry.COUNT_MATCHING, query = "select count(a) from AuditEntry a where lower(a.principal)"
        + " like :pattern escape '\\' or lower(a.resoniteId) like :pattern escape '\\'")
@NamedQuery(name = AuditEntry.ABOUT, query = "select a from AuditEntry a where a.principal = :principal"
        + " or a.actor = :principal order by a.occurredAt, a.id")
@NamedQuery(name = AuditEntry.DELETE_BEFORE, query = "delete from AuditEntry a where a.occurredAt < :cutoff")
public class AuditEntry {

    public static final String MATCHING = "AuditEntry.matching";
    public static final String COUNT_MATCHING = "AuditEntry.countMatching";
    public static final String DELETE_BEFORE = "AuditEntry.deleteBefore";
    public static final String ABOUT = "AuditEntry.about";

    /** What was attempted. */
    public enum Action {
        LINK, UNLINK, ORGANIZER_GRANT, ORGANIZER_REVOKE, SSO_TAKEOVER,
        // events: what organizers do to them, and what happens to registrations
        EVENT_CREATE, EVENT_CHANGE, EVENT_STATUS, EVENT_KEY, TICKETS, INVITES, REGISTER, REG_CANCEL, REG_PROMOTE,
        REG_REMOVE, REG_READMIT,
        // a user deleted (by themselves or an organizer): the entry names only the pseudonym
        USER_DELETE,
        // webhook endpoints: made, enabled, disabled (by an organizer or after failing for days), rotated, deleted
        WEBHOOK
    }

    @Id
    @Column(name = "id", length = 36)
    private String id = UUID.randomUUID().toString();

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "principal", nullable = false, length = 255)
    private String principal;

    @Column(name = "resonite_id", length = 128)
    private String resoniteId;

    @Column(name = "action", nullable = false, length = 16)
    private String action;

    @Column(name = "outcome", nullable = false, length = 32)
    private String outcome;

    @Column(name = "request_id", nullable = false, length = 16)
    private String requestId;

    @Column(name = "actor", length = 255)
    private String actor;

    @Column(name = "event_id", length = 16)
    private String eventId;

    @Column(name = "detail", length = 500)
    private String detail;

    protected AuditEntry() {
    }

    public AuditEntry(Instant occurredAt, String principal, String resoniteId, Action action, String outcome,
                      String requestId) {
        this.occurredAt = occurredAt;
        this.principal = principal;
        this.resoniteId = resoniteId;
        this.action = action.name();
        this.outcome = outcome;
        this.requestId = requestId;
    }

    /** An entry one party did to another: {@code actor} changed something of {@code principal}'s. */
    public AuditEntry withActor(String actor) {
        this.actor = actor;
        return this;
    }

    public Instant occurredAt() {
        return occurredAt;
    }


    public String principal() {
        return principal;
    }

    public String resoniteId() {
        return resoniteId;
    }

    public String action() {
        return action;
    }

    public String outcome() {
        return outcome;
    }

    public String requestId() {
        return requestId;
    }

    /** The event the entry is about, for event changes and registrations. */
    public AuditEntry aboutEvent(String eventId) {
        this.eventId = eventId;
        return this;
    }

    public String eventId() {
        return eventId;
    }

    /** Words a person gave with the action (an organizer's reason), at most 500 characters. */
    public AuditEntry withDetail(String detail) {
        this.detail = detail == null ? null : detail.substring(0, Math.min(500, detail.length()));
        return this;
    }

    public String detail() {
        return detail;
    }

    public String actor() {
        return actor;
    }
}
