package dev.resonitelink.event.boundary;

import dev.resonitelink.ops.control.BoundedLog;
import dev.resonitelink.webhook.boundary.Outbox;
import dev.resonitelink.webhook.entity.WebhookEventType;
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

    @Inject
    Outbox outbox;

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

    /** Writes the batch; each first check-in written publishes {@code admission.first} in the same transaction. */
    @Transactional
    public void write(Map<String, Instant> batch) {
        batch.forEach((id, at) -> {
            if (em.createNativeQuery("update event_registration set first_admitted_at = ?1"
                            + " where id = ?2 and first_admitted_at is null")
                    .setParameter(1, Timestamp.from(at)).setParameter(2, id).executeUpdate() == 1) {
                Object[] row = (Object[]) em.createNativeQuery("select r.principal, l.resonite_id, r.event_id"
                                + " from event_registration r left join account_link l on l.principal = r.principal"
                                + " where r.id = ?1").setParameter(1, id).getSingleResult();
                outbox.publish(WebhookEventType.ADMISSION_FIRST, (String) row[0], Outbox.data("principal", row[0],
                        "resoniteId", row[1], "eventId", row[2], "admittedAt", at.toString()));
            }
        });
    }

    @PreDestroy
    void stop() {
        if (runs != null) {
            runs.cancel(false);
        }
        flush();
    }
}
