package dev.resonitelink.event.boundary;

import dev.resonitelink.event.control.NativeRows;
import dev.resonitelink.event.control.Secrets;
import dev.resonitelink.event.entity.Admission;
import dev.resonitelink.event.entity.Event;
import dev.resonitelink.link.entity.AccountLink;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The admission check a Resonite world calls for a joining user: by the event's admission key, never a session.
 * The decision follows the user's <em>current</em> link: the registration is found through the site user who is
 * linked to that Resonite id now, so an unlink or a re-link to another account changes the answer at once. The first
 * {@code admit} of a registration records its check-in time ({@link CheckIns}, in batches). This is the hot path of a
 * busy event (every join makes one call): a check is one query (the event with its key, and the registration of
 * whoever is linked to the id now); no entity is loaded, no transaction is opened, nothing is written in the call.
 */
@ApplicationScoped
public class Admissions {

    @PersistenceContext
    EntityManager em;

    @Inject
    Admissions self;

    @Inject
    CheckIns checkIns;

    Clock clock = Clock.systemUTC();

    /**
     * What one check reads, in one query: the event's state and key hash, and the registration (if any) of the site
     * user linked to the Resonite id now.
     */
    public record Lookup(String eventId, String keyHash, Event.Status status, Instant endsAt, String registrationId,
                         String registrationStatus, boolean checkedIn) {
    }

    /**
     * The event and the registration for this id, if {@code key} is the event's admission key; empty for an unknown
     * event and a wrong key alike. {@code resoniteId} may be null (only the event is wanted).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Lookup> lookup(String eventId, String key, String resoniteId) {
        if (!Secrets.looksLikeEventId(eventId)) {
            return Optional.empty();
        }
        List<?> rows = em.createNativeQuery("select e.admission_key_hash, e.status, e.ends_at, r.id, r.status,"
                        + " r.first_admitted_at from site_event e"
                        + " left join account_link l on l.provider = ?2 and l.resonite_id = ?3"
                        + " left join event_registration r on r.event_id = e.id and r.principal = l.principal"
                        + " where e.id = ?1")
                .setParameter(1, eventId).setParameter(2, AccountLink.RESONITE)
                .setParameter(3, resoniteId == null ? "" : resoniteId) // no id is empty: nothing matches
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        if (!Secrets.matches(key, (String) row[0])) {
            return Optional.empty();
        }
        return Optional.of(new Lookup(eventId, (String) row[0], Event.Status.valueOf((String) row[1]),
                NativeRows.instant(row[2]), (String) row[3], (String) row[4], row[5] != null));
    }

    /** The answer for the id the lookup was made with; the first admit of a registration records its check-in. */
    public Admission check(Lookup event, String resoniteId) {
        if (event.status() == Event.Status.CANCELLED) {
            return Admission.deny("event-cancelled");
        }
        Instant now = clock.instant();
        if (!now.isBefore(event.endsAt())) {
            return Admission.deny("event-ended");
        }
        if (event.registrationId() == null) {
            return Admission.deny(self.registeredOnceAs(event.eventId(), resoniteId) ? "not-linked-anymore"
                    : "not-registered");
        }
        switch (event.registrationStatus()) {
            case "REGISTERED" -> {
                if (!event.checkedIn()) {
                    checkIns.record(event.registrationId(), now);
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

    /** Whether someone registered with this id and has since unlinked or linked another account. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean registeredOnceAs(String eventId, String resoniteId) {
        return !em.createNativeQuery("select 1 from event_registration where event_id = ?1"
                        + " and registered_as = ?2 and status in ('REGISTERED', 'WAITLISTED')")
                .setParameter(1, eventId).setParameter(2, resoniteId).setMaxResults(1).getResultList().isEmpty();
    }

    /** Every Resonite id admitted now (registered, and linked to that id today), one per line in the answer. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> admittedIds(Lookup event) {
        if (event.status() == Event.Status.CANCELLED || !clock.instant().isBefore(event.endsAt())) {
            return List.of();
        }
        return em.createNativeQuery("select l.resonite_id from event_registration r join account_link l"
                        + " on l.principal = r.principal where r.event_id = ?1 and r.status = 'REGISTERED'"
                        + " and l.provider = ?2 order by l.resonite_id")
                .setParameter(1, event.eventId()).setParameter(2, AccountLink.RESONITE).getResultList().stream()
                .map(Object::toString).toList();
    }
}
