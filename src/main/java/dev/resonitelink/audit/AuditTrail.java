package dev.resonitelink.audit;

import dev.resonitelink.SearchPatterns;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import dev.resonitelink.settings.Settings;

/**
 * The audit trail of links: every link, re-link, unlink and failed attempt. Entries are written in their own
 * transaction, so a failed attempt is recorded even though its link write was rolled back, and a failing audit write
 * never breaks the user's request (it is logged instead). Entries older than {@code resonite-link.audit.retention-days}
 * days are removed by the retention job ({@code privacy}), which calls {@link #prune}.
 */
@ApplicationScoped
public class AuditTrail {

    private static final Logger LOG = Logger.getLogger(AuditTrail.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Settings settings;

    @Inject
    AuditTrail self;

    Clock clock = Clock.systemUTC();

    /** One page of entries, newest first. */
    public record Page(List<AuditEntry> items, int page, int size, long total) {
        public boolean hasNext() {
            return (long) page * size < total;
        }

        public boolean hasPrevious() {
            return page > 1;
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(String principal, String resoniteId, AuditEntry.Action action, String outcome, String requestId) {
        em.persist(new AuditEntry(clock.instant(), principal, resoniteId, action, outcome, requestId));
    }

    /** Records, in the caller's transaction, what {@code actor} did to {@code principal}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordBy(String actor, String principal, AuditEntry.Action action, String outcome, String requestId) {
        em.persist(new AuditEntry(clock.instant(), principal, null, action, outcome, requestId).withActor(actor));
    }

    /**
     * Records, in the caller's transaction, what happened about an event: {@code actor} (an organizer, or the attendee)
     * did {@code action} to {@code principal}'s registration or to the event itself.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordEvent(String actor, String principal, String resoniteId, String eventId, AuditEntry.Action action,
                            String outcome, String requestId) {
        recordEvent(actor, principal, resoniteId, eventId, action, outcome, null, requestId);
    }

    /** The same, with the words the actor gave (an organizer's reason). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordEvent(String actor, String principal, String resoniteId, String eventId, AuditEntry.Action action,
                            String outcome, String detail, String requestId) {
        em.persist(new AuditEntry(clock.instant(), principal, resoniteId, action, outcome, requestId).withActor(actor)
                .aboutEvent(eventId).withDetail(detail));
    }

    /** Records, and logs instead of failing when the database cannot take it. */
    public void recordQuietly(String principal, String resoniteId, AuditEntry.Action action, String outcome,
                              String requestId) {
        try {
            self.record(principal, resoniteId, action, outcome, requestId);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "audit entry not written [request id " + requestId + "]: "
                    + e.getClass().getSimpleName());
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page find(String query, int page, int size) {
        String pattern = SearchPatterns.contains(query);
        long total = em.createNamedQuery(AuditEntry.COUNT_MATCHING, Long.class).setParameter("pattern", pattern)
                .getSingleResult();
        int pages = (int) Math.max(1, (total + size - 1) / size);
        int current = Math.max(1, Math.min(page, pages)); // clamped: a huge page number never overflows the offset
        List<AuditEntry> items = em.createNamedQuery(AuditEntry.MATCHING, AuditEntry.class)
                .setParameter("pattern", pattern).setFirstResult((current - 1) * size).setMaxResults(size)
                .getResultList();
        return new Page(items, current, size, total);
    }

    /** Deletes entries older than the retention; returns how many. */
    @Transactional
    public int prune() {
        int days = settings.jobs().auditRetentionDays();
        return em.createNamedQuery(AuditEntry.DELETE_BEFORE)
                .setParameter("cutoff", clock.instant().minus(Duration.ofDays(days))).executeUpdate();
    }

    /**
     * Leaves only a pseudonym of an erased user in the trail: their name as principal or actor becomes
     * {@code pseudonym}, and the Resonite ids on their entries, the words given about them and every entry naming one
     * of {@code resoniteIds} are cleared. Counting stays possible (one pseudonym per user); naming them does not.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void pseudonymize(String principal, Collection<String> resoniteIds, String pseudonym) {
        em.createNativeQuery("update link_audit set principal = ?2, resonite_id = null, detail = null where principal = ?1")
                .setParameter(1, principal).setParameter(2, pseudonym).executeUpdate();
        em.createNativeQuery("update link_audit set actor = ?2 where actor = ?1")
                .setParameter(1, principal).setParameter(2, pseudonym).executeUpdate();
        for (String id : resoniteIds) {
            em.createNativeQuery("update link_audit set resonite_id = null where resonite_id = ?1")
                    .setParameter(1, id).executeUpdate();
        }
    }

    /** Every entry about the principal or done by them, oldest first (their data export), at most {@code max}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AuditEntry> about(String principal, int max) {
        return em.createNamedQuery(AuditEntry.ABOUT, AuditEntry.class).setParameter("principal", principal)
                .setMaxResults(max).getResultList();
    }
}
