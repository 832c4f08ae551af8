package dev.resonitelink.refresh.boundary;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs {@link ProfileRefresher} every {@value ProfileRefresher#KEY_INTERVAL} seconds on the container's managed
 * scheduled executor (Jakarta Concurrency: no EJB container needed, so it also runs on WildFly's MicroProfile
 * configuration). Fixed delay, so runs never overlap on one node; across nodes the lease row in the database decides.
 */
@ApplicationScoped
public class ProfileRefreshSchedule {

    private static final Logger LOG = Logger.getLogger(ProfileRefreshSchedule.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    ProfileRefresher refresher;

    private ScheduledFuture<?> runs;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        long millis = refresher.every().toMillis();
        runs = scheduler.scheduleWithFixedDelay(this::run, millis, millis, TimeUnit.MILLISECONDS);
    }

    void run() {
        try {
            int refreshed = refresher.runOnce();
            if (refreshed > 0) {
                LOG.fine(() -> refreshed + " linked profiles refreshed");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "profile refresh run failed: " + e.getClass().getSimpleName());
        }
    }

    @PreDestroy
    void stop() {
        if (runs != null) {
            runs.cancel(false);
        }
    }
}
