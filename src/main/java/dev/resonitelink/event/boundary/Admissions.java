package dev.resonitelink.event.boundary;

import dev.resonitelink.event.control.Secrets;
import dev.resonitelink.event.entity.Admission;
import dev.resonitelink.event.entity.Event;
import dev.resonitelink.link.entity.AccountLink;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The admission check a Resonite world calls for a joining user: by the event's admission key, never a session.
 * The decision follows the user's <em>current</em> link: the registration is found through the site user who is
 * linked to that Resonite id now, so an unlink or a re-link to another account changes the answer at once. The first
 * {@code admit} of a registration records its check-in time.
 */
@ApplicationScoped
public class Admissions {

    @PersistenceContext
    EntityManager em;

    Clock clock = Clock.systemUTC();

    /** The event, if {@code key} is its admission key; empty for an unknown event and a wrong key alike. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Event> eventFor(String eventId, String key) {
        if (!Secrets.looksLikeEventId(eventId)) {
            return Optional.empty();
        }
        Event event = em.find(Event.class, eventId);
        return event != null && Secrets.matches(key, event.admissionKeyHash()) ? Optional.of(event) : Optional.empty();
    }

    @Transactional
    public Admission check(Event event, String resoniteId) {
        Instant now = clock.instant();
        if (event.status() == Event.Status.CANCELLED) {
            return Admission.deny("event-cancelled");
        }
        if (!now.isBefore(event.details().endsAt())) {
            return Admission.deny("event-ended");
        }
        List<?> rows = em.createNativeQuery("select r.id, r.status, r.first_admitted_at from event_registration r"
                        + " join account_link l on l.principal = r.principal"
                        + " where r.event_id = ?1 and l.provider = ?3 and l.resonite_id = ?2")
                .setParameter(1, event.id()).setParameter(2, resoniteId).setParameter(3, AccountLink.RESONITE)
                .getResultList();
        if (rows.isEmpty()) {
            boolean registeredOnce = !em.createNativeQuery("select 1 from event_registration where event_id = ?1"
                            + " and registered_as = ?2 and status in ('REGISTERED', 'WAITLISTED')")
                    .setParameter(1, event.id()).setParameter(2, resoniteId).setMaxResults(1).getResultList().isEmpty();
            return Admission.deny(registeredOnce ? "not-linked-anymore" : "not-registered");
        }
        Object[] row = (Object[]) rows.get(0);
        switch ((String) row[1]) {
            case "REGISTERED" -> {
                if (row[2] == null) {
                    em.createNativeQuery("update event_registration set first_admitted_at = ?1 where id = ?2"
                                    + " and first_admitted_at is null")
                            .setParameter(1, Timestamp.from(now)).setParameter(2, row[0]).executeUpdate();
                }
                return Admission.admit();
            }
            case "WAITLISTED" -> {
                return Admission.waitlisted();
            }
            case "REMOVED" -> {
                return Admission.deny("removed");
            }
            default -> {
                return Admission.deny("cancelled");
            }
        }
    }

    /** Every Resonite id admitted now (registered, and linked to that id today), one per line in the answer. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> admittedIds(Event event) {
        if (event.status() == Event.Status.CANCELLED || !clock.instant().isBefore(event.details().endsAt())) {
            return List.of();
        }
        return em.createNativeQuery("select l.resonite_id from event_registration r join account_link l"
                        + " on l.principal = r.principal where r.event_id = ?1 and r.status = 'REGISTERED'"
                        + " order by l.resonite_id")
                .setParameter(1, event.id()).getResultList().stream().map(Object::toString).toList();
    }
}
