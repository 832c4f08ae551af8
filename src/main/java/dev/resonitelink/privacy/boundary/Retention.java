package dev.resonitelink.privacy.boundary;

import dev.resonitelink.account.boundary.SignInThrottle;
import dev.resonitelink.audit.AuditTrail;
import dev.resonitelink.event.boundary.AdmissionLimits;
import dev.resonitelink.event.boundary.AttendeeErasure;
import dev.resonitelink.ops.control.JobLeases;
import dev.resonitelink.settings.Settings;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The retention job: every {@code resonite-link.retention.interval-seconds} the node holding the {@code retention}
 * lease removes what is kept past its time: audit entries older than {@code resonite-link.audit.retention-days},
 * cancelled registrations of events over for {@code resonite-link.retention.cancelled-registrations-days}, sign-in
 * throttle rows idle for {@code resonite-link.retention.sign-in-throttle-hours}, and admission rate windows older than
 * an hour (they name client addresses). Pending link and sign-in requests live only in sessions and expire with their
 * state lifetime and the session; nothing of them is stored. Each removal is one idempotent delete, so a node that
 * dies mid-run leaves nothing half done.
 */
@ApplicationScoped
public class Retention {

    static final String LEASE = "retention";
    private static final Logger LOG = Logger.getLogger(Retention.class.getName());

    /** What one run removed. */
    public record Pruned(int auditEntries, int cancelledRegistrations, int throttleRows, int rateWindows) {
        int total() {
            return auditEntries + cancelledRegistrations + throttleRows + rateWindows;
        }
    }

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    Settings settings;

    @Inject
    JobLeases leases;

    @Inject
    AuditTrail audit;

    @Inject
    AttendeeErasure attendees;

    @Inject
    SignInThrottle throttle;

    @Inject
    AdmissionLimits admissionLimits;

    private ScheduledFuture<?> runs;

    /** One run, if this node holds the lease (kept for one interval); what it removed. */
    public Optional<Pruned> runOnce() {
        if (!leases.take(LEASE, settings.jobs().retentionInterval())) {
            return Optional.empty();
        }
        return Optional.of(new Pruned(audit.prune(),
                attendees.pruneCancelled(settings.jobs().cancelledRegistrationDays()), throttle.forgetOld(),
                admissionLimits.forgetOld()));
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        long seconds = settings.jobs().retentionInterval().toSeconds();
        runs = scheduler.scheduleWithFixedDelay(this::run, Math.min(seconds, 60), seconds, TimeUnit.SECONDS);
    }

    void run() {
        try {
            runOnce().filter(pruned -> pruned.total() > 0)
                    .ifPresent(pruned -> LOG.info(() -> "retention: removed " + pruned));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "retention run failed: " + e.getClass().getSimpleName());
        }
    }

    @PreDestroy
    void stop() {
        if (runs != null) {
            runs.cancel(false);
        }
    }
}
