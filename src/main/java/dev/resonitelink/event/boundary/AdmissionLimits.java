package dev.resonitelink.event.boundary;

import dev.resonitelink.settings.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rates of the admission check, per event key and per client address, over one-minute windows counted for the whole
 * cluster in the database ({@code rate_window}). The admission check is the hot path, so a node does not write every
 * call: it counts locally and adds its count to the key's row every {@link #FLUSH_HITS} calls, reading the cluster's
 * total back; a call is refused when that total plus what this node counted since exceeds the limit. What a node does
 * not see is bounded by calls, not time: at most {@code FLUSH_HITS - 1} per other node, plus what that node counts
 * while one write of its own is under way. (It once also wrote every
 * 200 ms; with a thousand events each called a few times a second, that was one more transaction per check, and the
 * admission benchmark showed it: docs/benchmarks.md, "Admission check".)
 */
@ApplicationScoped
public class AdmissionLimits {

    static final Duration WINDOW = Duration.ofMinutes(1);
    static final int FLUSH_HITS = 25;

    /** What this node knows of one key in the current window. */
    private static final class Local {
        Instant window;
        int clusterTotal;
        int pending;
        /** Hits being added to the table right now (by one caller, outside the lock), 0 when none. */
        int inFlight;
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Settings settings;

    @Inject
    AdmissionLimits self;

    Clock clock = Clock.systemUTC();
    private final ConcurrentHashMap<String, Local> counts = new ConcurrentHashMap<>();
    private final dev.resonitelink.ops.control.BoundedLog refusals = new dev.resonitelink.ops.control.BoundedLog(
            java.util.logging.Logger.getLogger(AdmissionLimits.class.getName()), 10);

    /** Counts a call from this client address (every call, a wrong key too); empty when allowed, else the wait. */
    public Optional<Duration> countAddress(String clientAddress) {
        return count("adm-addr:" + clientAddress, settings.limits().admissionsPerAddressPerMinute());
    }

    /** Counts a call with the event's right key; empty when allowed, else how long until the window ends. */
    public Optional<Duration> countKey(String eventId) {
        return count("adm-key:" + eventId, settings.limits().admissionsPerKeyPerMinute());
    }

    /**
     * Counts one call. The database write of a batch happens outside the key's lock, by the caller that filled it,
     * so the other callers of a busy key (every world behind one address) go on counting meanwhile.
     */
    private Optional<Duration> count(String key, int limit) {
        Instant now = clock.instant();
        Instant window = now.truncatedTo(ChronoUnit.MINUTES);
        Local local = counts.computeIfAbsent(key, k -> new Local());
        boolean newWindow = false;
        int batch = 0;
        int counted;
        synchronized (local) {
            if (!window.equals(local.window)) {
                newWindow = true;
                local.window = window;
                local.clusterTotal = 0;
                local.pending = 0;
            }
            local.pending++;
            if (local.pending >= FLUSH_HITS && local.inFlight == 0) {
                batch = local.pending;
                local.inFlight = batch;
                local.pending = 0;
            }
            counted = local.clusterTotal + local.inFlight + local.pending;
        }
        if (batch > 0) {
            counted = flush(key, window, local, batch);
        }
        if (newWindow && counts.size() > 10_000) {
            counts.values().removeIf(l -> l.window != null && l.window.isBefore(window));
        }
        if (counted > limit) {
            refusals.log(java.util.logging.Level.INFO, "admission checks over the limit of " + limit
                    + " a minute for " + key + " (" + counted + " this minute, cluster-wide)");
            return Optional.of(Duration.between(now, window.plus(WINDOW)));
        }
        return Optional.empty();
    }

    /** Adds a batch to the table; what this node counts for the key now. On a failure the batch waits for the next. */
    private int flush(String key, Instant window, Local local, int batch) {
        int total;
        try {
            try {
                total = self.add(key, window, batch);
            } catch (RuntimeException firstRowOfTwoNodes) { // the other node's insert won: this one adds to it
                total = self.add(key, window, batch);
            }
        } catch (RuntimeException e) {
            synchronized (local) {
                local.inFlight = 0;
                if (window.equals(local.window)) {
                    local.pending += batch;
                }
            }
            throw e;
        }
        synchronized (local) {
            local.inFlight = 0;
            if (window.equals(local.window)) {
                local.clusterTotal = Math.max(local.clusterTotal, total);
            }
            return local.clusterTotal + local.pending;
        }
    }

    /** Adds this node's count to the key's window (starting a new window when the row's is over); the cluster's total. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int add(String key, Instant window, int hits) {
        Timestamp start = Timestamp.from(window);
        int updated = em.createNativeQuery("update rate_window set hits = case when window_start = ?1 then hits + ?2"
                        + " else ?2 end, window_start = ?1 where rate_key = ?3")
                .setParameter(1, start).setParameter(2, hits).setParameter(3, key).executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("insert into rate_window (rate_key, window_start, hits) values (?1, ?2, ?3)")
                    .setParameter(1, key).setParameter(2, start).setParameter(3, hits).executeUpdate();
            return hits;
        }
        return ((Number) em.createNativeQuery("select hits from rate_window where rate_key = ?1").setParameter(1, key)
                .getSingleResult()).intValue();
    }

    /**
     * Removes the windows that ended more than an hour ago (the retention job): their keys name client addresses,
     * and a window that old counts nothing any more. Returns how many.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int forgetOld() {
        return em.createNativeQuery("delete from rate_window where window_start < ?1")
                .setParameter(1, Timestamp.from(clock.instant().minus(Duration.ofHours(1)))).executeUpdate();
    }
}
