package dev.resonitelink.event.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * What the events keep about a site user, erased with the user (in the erasure's transaction): registrations of events
 * not over are cancelled as the attendee would cancel them, so their places go to the waitlist in order; then every
 * registration row goes. Tickets they redeemed stay spent and the events they made stay, under the pseudonym; the
 * invite-list entries of their Resonite account go. The places held in events that are over stay counted (the event
 * took place with them).
 */
@ApplicationScoped
public class AttendeeErasure {

    @PersistenceContext
    EntityManager em;

    @Inject
    Registrations registrations;

    Clock clock = Clock.systemUTC();

    @Transactional(Transactional.TxType.MANDATORY)
    public void erase(String principal, String resoniteId, String pseudonym, String requestId) {
        List<?> notOver = em.createNativeQuery("select r.event_id from event_registration r join site_event e"
                        + " on e.id = r.event_id where r.principal = ?1 and r.status in ('REGISTERED', 'WAITLISTED')"
                        + " and e.ends_at > ?2 order by r.event_id")
                .setParameter(1, principal).setParameter(2, Timestamp.from(clock.instant())).getResultList();
        for (Object eventId : notOver) {
            registrations.cancel((String) eventId, principal, requestId);
        }
        em.createNativeQuery("delete from event_registration where principal = ?1").setParameter(1, principal)
                .executeUpdate();
        em.createNativeQuery("update event_ticket set redeemed_by = ?2 where redeemed_by = ?1")
                .setParameter(1, principal).setParameter(2, pseudonym).executeUpdate();
        em.createNativeQuery("update site_event set created_by = ?2 where created_by = ?1")
                .setParameter(1, principal).setParameter(2, pseudonym).executeUpdate();
        if (resoniteId != null) {
            em.createNativeQuery("delete from event_invite where resonite_id = ?1").setParameter(1, resoniteId)
                    .executeUpdate();
        }
    }

    /**
     * Removes cancelled registrations of events that ended more than {@code days} days ago (the retention job);
     * returns how many.
     */
    @Transactional
    public int pruneCancelled(int days) {
        return em.createNativeQuery("delete from event_registration where status = 'CANCELLED' and event_id in"
                        + " (select id from site_event where ends_at < ?1)")
                .setParameter(1, Timestamp.from(clock.instant().minus(Duration.ofDays(days))))
                .executeUpdate();
    }
}
