package dev.resonitelink.event.boundary;

import dev.resonitelink.ops.control.BoundedLog;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The check-in time of each registration's first {@code admit}, written in batches: a node collects them and writes
 * what it has every {@value #FLUSH_MILLIS} ms in one transaction (and what is left when it stops), so a first admit
 * costs the admission check no write of its own. Each row keeps the first time written (guarded update), whichever
 * node wrote it. A node that dies loses at most its last batch; that person's next admit records it again.
 */
@ApplicationScoped
public class CheckIns {

    static final long FLUSH_MILLIS = 200;
    private static final Logger LOG = Logger.getLogger(CheckIns.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @PersistenceContext
    EntityManager em;

    @Inject
    CheckIns self;

    private final ConcurrentHashMap<String, Instant> waiting = new ConcurrentHashMap<>();
    private final BoundedLog failures = new BoundedLog(LOG, 6);
    private ScheduledFuture<?> runs;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        runs = scheduler.scheduleWithFixedDelay(this::flush, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** A first admit of this registration at this time (the earliest one kept until written). */
    public void record(String registrationId, Instant at) {
        waiting.merge(registrationId, at, (a, b) -> a.isBefore(b) ? a : b);
    }

    /** Writes what is waiting; on a database failure it waits for the next round. */
    void flush() {
        if (waiting.isEmpty()) {
            return;
        }
        Map<String, Instant> batch = new HashMap<>();
        for (String id : waiting.keySet()) {
            Instant at = waiting.remove(id);
            if (at != null) {
                batch.put(id, at);
            }
        }
        try {
            self.write(batch);
        } catch (RuntimeException e) {
            batch.forEach(this::record);
            failures.log(Level.WARNING, "check-ins not written yet (" + batch.size() + " waiting): "
                    + e.getClass().getSimpleName());
        }
    }

    @Transactional
    public void write(Map<String, Instant> batch) {
        batch.forEach((id, at) -> em.createNativeQuery("update event_registration set first_admitted_at = ?1"
                        + " where id = ?2 and first_admitted_at is null")
                .setParameter(1, Timestamp.from(at)).setParameter(2, id).executeUpdate());
    }

    @PreDestroy
    void stop() {
        if (runs != null) {
            runs.cancel(false);
        }
        flush();
    }
}
