package dev.resonitelink.event.boundary;

import dev.resonitelink.SitePrincipal;
import static dev.resonitelink.event.control.NativeRows.instant;

import dev.resonitelink.event.entity.Event;
import dev.resonitelink.event.entity.EventView;
import dev.resonitelink.event.entity.Registration;
import dev.resonitelink.link.boundary.AccountLinks;
import dev.resonitelink.audit.AuditTrail;
import dev.resonitelink.audit.AuditEntry;
import dev.resonitelink.link.entity.LinkView;
import dev.resonitelink.webhook.boundary.Outbox;
import dev.resonitelink.webhook.entity.WebhookEventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Registering for events, cancelling, and the waitlist. The database decides who gets a place: a registration takes
 * one with {@code registered = registered + 1 where registered < capacity}, which holds on any number of nodes and
 * threads (a concurrent one waits for the row and sees the new count); whoever finds the event full is waitlisted.
 * A cancellation gives its place back and promotes the first waiting registration in the same transaction, which
 * holds the event's row, so promotions happen one at a time, in order.
 */
@ApplicationScoped
public class Registrations {

    /** How a registration attempt ended. */
    public enum Outcome {
        REGISTERED, WAITLISTED, ALREADY_REGISTERED, ALREADY_WAITLISTED, REMOVED_BY_ORGANIZER, NOT_LINKED,
        NOT_A_SUPPORTER, NOT_INVITED, TICKET_NEEDED, TICKET_INVALID, NOT_OPEN_YET, CLOSED, NO_SUCH_EVENT
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    AccountLinks links;

    @Inject
    AuditTrail audit;

    @Inject
    Tickets tickets;

    @Inject
    Invites invites;

    @Inject
    Registrations self;

    @Inject
    Outbox outbox;

    Clock clock = Clock.systemUTC();

    /**
     * Registers the principal with their current link (and a ticket code when the event needs one); two attempts of
     * one user at once end as one registration.
     */
    public Outcome register(String eventId, String principal, String ticketCode, String requestId) {
        try {
            return self.registerOnce(eventId, principal, ticketCode, requestId);
        } catch (PersistenceException | jakarta.transaction.TransactionalException e) {
            return self.registerOnce(eventId, principal, ticketCode, requestId); // the other attempt's row exists now
        }
    }

    /**
     * One attempt, in one transaction. The ticket is redeemed last, after every check that could refuse, so a refused
     * attempt never spends a code.
     */
    @Transactional
    public Outcome registerOnce(String eventId, String principal, String ticketCode, String requestId) {
        Event event = em.find(Event.class, eventId);
        if (event == null || event.status() == Event.Status.DRAFT) {
            return Outcome.NO_SUCH_EVENT;
        }
        Instant now = clock.instant();
        if (event.status() != Event.Status.PUBLISHED || !now.isBefore(event.details().registrationClosesAt())) {
            return Outcome.CLOSED;
        }
        if (event.details().opensAt() != null && now.isBefore(event.details().opensAt())) {
            return Outcome.NOT_OPEN_YET;
        }
        Optional<LinkView> link = links.view(new SitePrincipal(principal));
        if (link.isEmpty()) {
            return Outcome.NOT_LINKED;
        }
        if (event.details().supportersOnly() && !Boolean.TRUE.equals(link.get().patreonActiveSupporter())) {
            return Outcome.NOT_A_SUPPORTER;
        }
        if (event.details().inviteOnly() && !invites.invited(eventId, link.get())) {
            return Outcome.NOT_INVITED;
        }
        Optional<Registration> existing = find(eventId, principal);
        if (existing.isPresent()) {
            switch (existing.get().status()) {
                case REGISTERED -> {
                    return Outcome.ALREADY_REGISTERED;
                }
                case WAITLISTED -> {
                    return Outcome.ALREADY_WAITLISTED;
                }
                case REMOVED -> {
                    return Outcome.REMOVED_BY_ORGANIZER;
                }
                default -> { // cancelled before: registers anew, at the end of the queue
                }
            }
        }
        String ticket = null;
        if (event.details().ticketRequired()) {
            if ((ticketCode == null || ticketCode.isBlank()) && tickets.redeem(eventId, principal, null).isEmpty()) {
                return Outcome.TICKET_NEEDED;
            }
            ticket = tickets.redeem(eventId, principal, ticketCode).orElse(null);
            if (ticket == null) {
                return Outcome.TICKET_INVALID;
            }
        }
        boolean place = takePlace(eventId);
        Registration.Status status = place ? Registration.Status.REGISTERED : Registration.Status.WAITLISTED;
        Timestamp at = Timestamp.from(now);
        if (existing.isPresent()) {
            // (a null is written as SQL null, never bound: PostgreSQL will not take an untyped null for a timestamp)
            int renewed = em.createNativeQuery("update event_registration set status = ?1, registered_as = ?2,"
                            + " queued_at = ?3, registered_at = " + (place ? "?3" : "null") + ", changed_at = ?3,"
                            + " ticket_id = ?5, version = version + 1 where id = ?4 and status = 'CANCELLED'")
                    .setParameter(1, status.name()).setParameter(2, link.get().resoniteId()).setParameter(3, at)
                    .setParameter(4, existing.get().id()).setParameter(5, ticket)
                    .executeUpdate();
            if (renewed == 0) { // another attempt of this user renewed it first: this one's place is given back
                throw new jakarta.persistence.OptimisticLockException("registration renewed concurrently");
            }
        } else {
            em.createNativeQuery("insert into event_registration (id, event_id, principal, registered_as, status,"
                            + " queued_at, registered_at, changed_at, ticket_id, version)"
                            + " values (?1, ?2, ?3, ?4, ?5, ?6, " + (place ? "?6" : "null") + ", ?6, ?7, 0)")
                    .setParameter(1, UUID.randomUUID().toString()).setParameter(2, eventId).setParameter(3, principal)
                    .setParameter(4, link.get().resoniteId()).setParameter(5, status.name()).setParameter(6, at)
                    .setParameter(7, ticket).executeUpdate();
        }
        audit.recordEvent(principal, principal, link.get().resoniteId(), eventId, AuditEntry.Action.REGISTER,
                status.name(), requestId);
        published(WebhookEventType.REGISTRATION_CREATED, principal, link.get().resoniteId(), eventId, status.name(),
                null);
        return place ? Outcome.REGISTERED : Outcome.WAITLISTED;
    }

    /** Cancels the principal's registration or place on the waitlist; a freed place goes to the first waiting. */
    @Transactional
    public boolean cancel(String eventId, String principal, String requestId) {
        Optional<Registration> registration = find(eventId, principal);
        if (registration.isEmpty() || !(registration.get().status() == Registration.Status.REGISTERED
                || registration.get().status() == Registration.Status.WAITLISTED)) {
            return false;
        }
        Registration.Status was = registration.get().status();
        int changed = em.createNativeQuery("update event_registration set status = 'CANCELLED', changed_at = ?1,"
                        + " version = version + 1 where id = ?2 and status = ?3")
                .setParameter(1, Timestamp.from(clock.instant())).setParameter(2, registration.get().id())
                .setParameter(3, was.name()).executeUpdate();
        if (changed == 0) {
            return false; // cancelled (or promoted) by another request meanwhile
        }
        if (was == Registration.Status.REGISTERED) {
            em.createNativeQuery("update site_event set registered = registered - 1 where id = ?1")
                    .setParameter(1, eventId).executeUpdate();
        }
        audit.recordEvent(principal, principal, registration.get().registeredAs(), eventId,
                AuditEntry.Action.REG_CANCEL, was.name(), requestId);
        published(WebhookEventType.REGISTRATION_CANCELLED, principal, registration.get().registeredAs(), eventId,
                "CANCELLED", "attendee");
        fillPlaces(eventId, requestId);
        return true;
    }

    /**
     * Gives free places to the waitlist, first queued first, while there are both. Holds the event's row from the
     * first place taken to the end of the transaction, so concurrent fills and registrations wait their turn.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void fillPlaces(String eventId, String requestId) {
        while (true) {
            List<?> first = em.createNativeQuery("select id, principal, registered_as from event_registration"
                            + " where event_id = ?1 and status = 'WAITLISTED' order by queued_at, id")
                    .setParameter(1, eventId).setMaxResults(1).getResultList();
            if (first.isEmpty() || !takePlace(eventId)) {
                return;
            }
            Object[] row = (Object[]) first.get(0);
            Timestamp now = Timestamp.from(clock.instant());
            int promoted = em.createNativeQuery("update event_registration set status = 'REGISTERED', registered_at = ?1,"
                            + " changed_at = ?1, version = version + 1 where id = ?2 and status = 'WAITLISTED'")
                    .setParameter(1, now).setParameter(2, row[0]).executeUpdate();
            if (promoted == 0) { // cancelled meanwhile: give the place back and look again
                em.createNativeQuery("update site_event set registered = registered - 1 where id = ?1")
                        .setParameter(1, eventId).executeUpdate();
                continue;
            }
            audit.recordEvent("(waitlist)", (String) row[1], (String) row[2], eventId, AuditEntry.Action.REG_PROMOTE,
                    "REGISTERED", requestId);
            published(WebhookEventType.REGISTRATION_PROMOTED, (String) row[1], (String) row[2], eventId, "REGISTERED",
                    null);
        }
    }

    /** One row of an event's roster: the site user, their current link, and the registration's story. */
    public record RosterEntry(String id, String principal, String resoniteId, String username, String status,
                              String ticketId, Instant queuedAt, Instant registeredAt, Instant firstAdmittedAt) {
    }

    /** Every registration of the event, in the order it was queued; the Resonite account is the current link's. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RosterEntry> roster(String eventId, int offset, int limit) {
        List<?> rows = em.createNativeQuery("select r.id, r.principal, l.resonite_id, l.username, r.status, r.ticket_id,"
                        + " r.queued_at, r.registered_at, r.first_admitted_at from event_registration r"
                        + " left join account_link l on l.principal = r.principal where r.event_id = ?1"
                        + " order by r.queued_at, r.id")
                .setParameter(1, eventId).setFirstResult(offset).setMaxResults(limit).getResultList();
        return rows.stream().map(Object[].class::cast).map(r -> new RosterEntry((String) r[0], (String) r[1],
                (String) r[2], (String) r[3], (String) r[4], (String) r[5], instant(r[6]), instant(r[7]),
                instant(r[8]))).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long rosterSize(String eventId) {
        return ((Number) em.createNativeQuery("select count(*) from event_registration where event_id = ?1")
                .setParameter(1, eventId).getSingleResult()).longValue();
    }

    /** An organizer removes a registration (with a reason, audited); its place goes to the waitlist's first. */
    @Transactional
    public boolean remove(String eventId, String registrationId, String reason, String organizer, String requestId) {
        List<?> rows = em.createNativeQuery("select status, principal, registered_as from event_registration where id = ?1"
                + " and event_id = ?2").setParameter(1, registrationId).setParameter(2, eventId).getResultList();
        if (rows.isEmpty()) {
            return false;
        }
        Object[] row = (Object[]) rows.get(0);
        String was = (String) row[0];
        if (!was.equals("REGISTERED") && !was.equals("WAITLISTED")) {
            return false;
        }
        int removed = em.createNativeQuery("update event_registration set status = 'REMOVED', changed_at = ?1,"
                        + " version = version + 1 where id = ?2 and status = ?3")
                .setParameter(1, Timestamp.from(clock.instant())).setParameter(2, registrationId).setParameter(3, was)
                .executeUpdate();
        if (removed == 0) {
            return false;
        }
        if (was.equals("REGISTERED")) {
            em.createNativeQuery("update site_event set registered = registered - 1 where id = ?1")
                    .setParameter(1, eventId).executeUpdate();
        }
        audit.recordEvent(organizer, (String) row[1], (String) row[2], eventId, AuditEntry.Action.REG_REMOVE, was,
                reason, requestId);
        published(WebhookEventType.REGISTRATION_CANCELLED, (String) row[1], (String) row[2], eventId, "REMOVED",
                "organizer");
        fillPlaces(eventId, requestId);
        return true;
    }

    /** An organizer takes a removed registration back: a free place if there is one, else the end of the waitlist. */
    @Transactional
    public boolean readmit(String eventId, String registrationId, String organizer, String requestId) {
        List<?> rows = em.createNativeQuery("select principal, registered_as from event_registration where id = ?1"
                + " and event_id = ?2 and status = 'REMOVED'").setParameter(1, registrationId).setParameter(2, eventId)
                .getResultList();
        if (rows.isEmpty()) {
            return false;
        }
        Object[] row = (Object[]) rows.get(0);
        boolean place = takePlace(eventId);
        Timestamp now = Timestamp.from(clock.instant());
        int readmitted = em.createNativeQuery("update event_registration set status = ?1, queued_at = ?2,"
                        + " registered_at = " + (place ? "?2" : "null") + ", changed_at = ?2, version = version + 1"
                        + " where id = ?3 and status = 'REMOVED'")
                .setParameter(1, place ? "REGISTERED" : "WAITLISTED").setParameter(2, now)
                .setParameter(3, registrationId).executeUpdate();
        if (readmitted == 0) {
            throw new jakarta.persistence.OptimisticLockException("registration changed concurrently");
        }
        audit.recordEvent(organizer, (String) row[0], (String) row[1], eventId, AuditEntry.Action.REG_READMIT,
                place ? "REGISTERED" : "WAITLISTED", requestId);
        published(WebhookEventType.REGISTRATION_CREATED, (String) row[0], (String) row[1], eventId,
                place ? "REGISTERED" : "WAITLISTED", "organizer");
        return true;
    }


    /** The registration's event for other services, in the change's transaction (webhooks). */
    private void published(WebhookEventType type, String principal, String resoniteId, String eventId, String status,
                           String by) {
        outbox.publish(type, principal, Outbox.data("principal", principal, "resoniteId", resoniteId, "eventId",
                eventId, "status", status, "by", by));
    }

    /** Takes one place if the event has one: the database's decision, in one conditional update. */
    private boolean takePlace(String eventId) {
        return em.createNativeQuery("update site_event set registered = registered + 1 where id = ?1"
                        + " and (capacity is null or registered < capacity)")
                .setParameter(1, eventId).executeUpdate() == 1;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Registration> find(String eventId, String principal) {
        return em.createNamedQuery(Registration.OF_EVENT_AND_PRINCIPAL, Registration.class)
                .setParameter("event", eventId).setParameter("principal", principal).getResultStream().findFirst();
    }

    /** One of the caller's current registrations, with its event as pages show it. */
    public record Mine(EventView event, String status) {
    }

    /** The principal's registrations that hold a place or wait for one, soonest event first (the account page). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Mine> mine(String principal) {
        Instant now = clock.instant();
        // two queries of one entity each (see Registration.UPCOMING_OF_PRINCIPAL), the second only for someone with
        // registrations; no setMaxResults (EclipseLink translates a query again whenever its row limit changes): the
        // page shows the first 100 events
        Map<String, String> statusByEvent = em.createNamedQuery(Registration.UPCOMING_OF_PRINCIPAL, Registration.class)
                .setParameter("principal", principal).setParameter("now", now).getResultList().stream()
                .collect(Collectors.toMap(Registration::eventId, r -> r.status().name()));
        if (statusByEvent.isEmpty()) {
            return List.of();
        }
        return em.createNamedQuery(Event.UPCOMING_OF_PRINCIPAL, Event.class)
                .setParameter("principal", principal).setParameter("now", now).getResultList().stream()
                .filter(event -> statusByEvent.containsKey(event.id())) // registered between the two queries: next time
                .limit(100)
                .map(event -> new Mine(EventView.of(event, now), statusByEvent.get(event.id())))
                .toList();
    }
}
