package dev.resonitelink.ops.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/** The {@link SessionCensus} in {@code /health/live} (data {@code created} and {@code active}, this node's); always up. */
@org.eclipse.microprofile.health.Liveness
@ApplicationScoped
public class Sessions implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("sessions").up().withData("created", SessionCensus.created())
                .withData("active", SessionCensus.active()).build();
    }
}
