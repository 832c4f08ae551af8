package dev.resonitelink.token.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs {@link ProfileRefresher} every {@value ProfileRefresher#KEY_INTERVAL} seconds with a non-persistent
 * container timer. (A task scheduled on Payara 6's managed scheduled executor from a deployment-time observer loses
 * its invocation context and fails on every run; the timer service runs in a proper component context.) The
 * singleton runs one timeout at a time; across nodes the lease row in the database decides.
 */
@Singleton
@Startup
public class ProfileRefreshSchedule {

    private static final Logger LOG = Logger.getLogger(ProfileRefreshSchedule.class.getName());

    @Resource
    TimerService timers;

    @Inject
    ProfileRefresher refresher;

    @PostConstruct
    void start() {
        long millis = refresher.every().toMillis();
        timers.createIntervalTimer(millis, millis, new TimerConfig("profile-refresh", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void run() {
        try {
            int refreshed = refresher.runOnce();
            if (refreshed > 0) {
                LOG.fine(() -> refreshed + " linked profiles refreshed");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "profile refresh run failed", e);
        }
    }
}
