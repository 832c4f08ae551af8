package dev.resonitelink.event.boundary;

import dev.resonitelink.event.control.Secrets;
import dev.resonitelink.event.entity.Event;
import dev.resonitelink.event.entity.EventDetails;
import dev.resonitelink.audit.AuditTrail;
import dev.resonitelink.audit.AuditEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Events as organizers make them: created as drafts, changed, published, closed, cancelled, their admission key made
 * or replaced. Every change is audited under the organizer's name. Registrations are {@link Registrations}'.
 */
@ApplicationScoped
public class Events {

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    Registrations registrations;

    Clock clock = Clock.systemUTC();

    @Transactional
    public Event create(EventDetails details, String organizer, String requestId) {
        Event event = new Event(Secrets.eventId(), details, organizer, clock.instant());
        em.persist(event);
        audit.recordEvent(organizer, organizer, null, event.id(), AuditEntry.Action.EVENT_CREATE, "DRAFT", requestId);
        return event;
    }

    /** Changes what the event is; places added by a larger capacity go to the waitlist's first at once. */
    @Transactional
    public Optional<Event> change(String id, EventDetails details, String organizer, String requestId) {
        Event event = em.find(Event.class, id);
        if (event == null) {
            return Optional.empty();
        }
        if (details.capacity() != null && details.capacity() < event.registered()) {
            throw new CapacityBelowRegistrations(event.registered());
        }
        event.change(details);
        em.flush();
        audit.recordEvent(organizer, organizer, null, id, AuditEntry.Action.EVENT_CHANGE, "CHANGED", requestId);
        registrations.fillPlaces(id, requestId);
        return Optional.of(event);
    }

    /** An organizer asked for fewer places than are taken: registrations are never dropped to make room. */
    public static final class CapacityBelowRegistrations extends RuntimeException {
        private final int registered;

        CapacityBelowRegistrations(int registered) {
            super("capacity below the " + registered + " registrations", null, false, false);
            this.registered = registered;
        }

        public int registered() {
            return registered;
        }
    }

    @Transactional
    public Optional<Event> setStatus(String id, Event.Status status, String organizer, String requestId) {
        Event event = em.find(Event.class, id);
        if (event == null) {
            return Optional.empty();
        }
        if (event.status() != status) {
            event.setStatus(status);
            audit.recordEvent(organizer, organizer, null, id, AuditEntry.Action.EVENT_STATUS, status.name(), requestId);
        }
        return Optional.of(event);
    }

    /** A new admission key, returned once; the old one stops working with this commit, on every node. */
    @Transactional
    public Optional<String> newAdmissionKey(String id, String organizer, String requestId) {
        Event event = em.find(Event.class, id);
        if (event == null) {
            return Optional.empty();
        }
        String key = Secrets.admissionKey();
        event.setAdmissionKeyHash(Secrets.hash(key));
        audit.recordEvent(organizer, organizer, null, id, AuditEntry.Action.EVENT_KEY, "ROTATED", requestId);
        return Optional.of(key);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Event> find(String id) {
        return Secrets.looksLikeEventId(id) ? Optional.ofNullable(em.find(Event.class, id)) : Optional.empty();
    }

    /** Published, listed events that have not ended, soonest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Event> upcoming() {
        return em.createNamedQuery(Event.UPCOMING_LISTED, Event.class).setParameter("now", clock.instant())
                .setMaxResults(200).getResultList();
    }

    /** Every event, latest first, for organizers. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Event> all() {
        return em.createNamedQuery(Event.ALL, Event.class).setMaxResults(500).getResultList();
    }
}
