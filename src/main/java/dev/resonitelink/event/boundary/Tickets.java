package dev.resonitelink.event.boundary;

import static dev.resonitelink.event.control.NativeRows.instant;

import dev.resonitelink.event.control.Secrets;
import dev.resonitelink.audit.AuditTrail;
import dev.resonitelink.audit.AuditEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The single-use ticket codes of paid events. Organizers make them in batches (the codes are shown, or downloaded as
 * CSV for a shop, once: only their SHA-256 is kept), see which are redeemed and by whom, and void unredeemed ones.
 * A registration redeems a code in one conditional update, so a code used twice at once registers one person.
 */
@ApplicationScoped
public class Tickets {

    /** At most this many codes per request. */
    public static final int MAX_BATCH = 1000;

    /** A ticket as organizers see it (never its code). */
    public record Ticket(String id, Instant createdAt, String redeemedBy, Instant redeemedAt, Instant voidedAt) {
        public String state() {
            return voidedAt != null ? "voided" : redeemedBy != null ? "redeemed" : "unused";
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditTrail audit;

    Clock clock = Clock.systemUTC();

    /** Makes {@code count} new codes for the event and returns them: the only time they are seen. */
    @Transactional
    public List<String> generate(String eventId, int count, String organizer, String requestId) {
        List<String> codes = new ArrayList<>(count);
        Timestamp now = Timestamp.from(clock.instant());
        for (int i = 0; i < count; i++) {
            String code = Secrets.ticketCode();
            em.createNativeQuery("insert into event_ticket (id, event_id, code_hash, created_at) values (?1, ?2, ?3, ?4)")
                    .setParameter(1, UUID.randomUUID().toString()).setParameter(2, eventId)
                    .setParameter(3, Secrets.hash(Secrets.normalTicketCode(code))).setParameter(4, now).executeUpdate();
            codes.add(code);
        }
        audit.recordEvent(organizer, organizer, null, eventId, AuditEntry.Action.TICKETS, "MADE " + count, requestId);
        return codes;
    }

    /** Voids an unredeemed ticket; false when it is redeemed, voided already, or not the event's. */
    @Transactional
    public boolean voidTicket(String eventId, String ticketId, String organizer, String requestId) {
        int voided = em.createNativeQuery("update event_ticket set voided_at = ?1 where id = ?2 and event_id = ?3"
                        + " and redeemed_by is null and voided_at is null")
                .setParameter(1, Timestamp.from(clock.instant())).setParameter(2, ticketId).setParameter(3, eventId)
                .executeUpdate();
        if (voided == 1) {
            audit.recordEvent(organizer, organizer, null, eventId, AuditEntry.Action.TICKETS, "VOIDED", requestId);
        }
        return voided == 1;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Ticket> of(String eventId) {
        List<?> rows = em.createNativeQuery("select id, created_at, redeemed_by, redeemed_at, voided_at from event_ticket"
                + " where event_id = ?1 order by created_at, id").setParameter(1, eventId).setMaxResults(5000)
                .getResultList();
        return rows.stream().map(Object[].class::cast).map(r -> new Ticket((String) r[0], instant(r[1]), (String) r[2],
                instant(r[3]), instant(r[4]))).toList();
    }

    /**
     * In the registration's transaction: the ticket the principal redeemed for this event already (a registration
     * again after a cancellation), or the one {@code code} names, redeemed now; empty when the code is unknown, used
     * or voided.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> redeem(String eventId, String principal, String code) {
        List<?> held = em.createNativeQuery("select id from event_ticket where event_id = ?1 and redeemed_by = ?2"
                + " and voided_at is null").setParameter(1, eventId).setParameter(2, principal).getResultList();
        if (!held.isEmpty()) {
            return Optional.of((String) held.get(0));
        }
        String normal = Secrets.normalTicketCode(code);
        if (normal.isEmpty() || normal.length() > 64) {
            return Optional.empty();
        }
        String hash = Secrets.hash(normal);
        int redeemed = em.createNativeQuery("update event_ticket set redeemed_by = ?1, redeemed_at = ?2 where event_id = ?3"
                        + " and code_hash = ?4 and redeemed_by is null and voided_at is null")
                .setParameter(1, principal).setParameter(2, Timestamp.from(clock.instant())).setParameter(3, eventId)
                .setParameter(4, hash).executeUpdate();
        if (redeemed == 0) {
            return Optional.empty();
        }
        return Optional.of((String) em.createNativeQuery("select id from event_ticket where event_id = ?1 and code_hash = ?2")
                .setParameter(1, eventId).setParameter(2, hash).getSingleResult());
    }
}
