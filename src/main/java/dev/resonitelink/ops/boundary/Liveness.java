package dev.resonitelink.ops.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Alive while the JVM has heap to work with. Deliberately independent of the database and of Resonite: an outage
 * there must make the node unready, not get it restarted.
 */
@org.eclipse.microprofile.health.Liveness
@ApplicationScoped
public class Liveness implements HealthCheck {

    static final double MAX_HEAP_USE = 0.95;

    @Override
    public HealthCheckResponse call() {
        Runtime runtime = Runtime.getRuntime();
        long used = runtime.totalMemory() - runtime.freeMemory();
        double share = (double) used / runtime.maxMemory();
        return HealthCheckResponse.named("heap").status(share < MAX_HEAP_USE)
                .withData("used-percent", Math.round(share * 100)).build();
    }
}
