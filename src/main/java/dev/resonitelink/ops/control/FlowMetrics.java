package dev.resonitelink.ops.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Counters and timers of the link flow, through the MicroProfile Metrics API (Prometheus format at the server's
 * {@code /metrics}). On a server without MicroProfile Metrics nothing is recorded and nothing fails.
 * <ul>
 * <li>{@code resonite_link_flows_started_total}</li>
 * <li>{@code resonite_link_flows_ended_total{outcome, cause}}: outcome linked, refreshed, replaced, declined or
 * failed; cause the failure kind, or none</li>
 * <li>{@code resonite_link_provider_call_seconds{endpoint}}: token and profile call latency</li>
 * </ul>
 */
@ApplicationScoped
public class FlowMetrics {

    @Inject
    Instance<MetricRegistry> registries;

    private MetricRegistry registry() {
        try {
            return registries.isResolvable() ? registries.get() : null;
        } catch (RuntimeException e) {
            // outside a web request (a scheduled job) Payara cannot always resolve the application's registry;
            // metrics must never break the work they measure
            return null;
        }
    }

    public void started() {
        MetricRegistry registry = registry();
        if (registry != null) {
            registry.counter("resonite_link_flows_started").inc();
        }
    }

    public void ended(String outcome, String cause) {
        MetricRegistry registry = registry();
        if (registry != null) {
            registry.counter("resonite_link_flows_ended", new Tag("outcome", outcome.toLowerCase(Locale.ROOT)),
                    new Tag("cause", cause == null ? "none" : cause.toLowerCase(Locale.ROOT))).inc();
        }
    }

    public void providerCall(String endpoint, Duration took) {
        MetricRegistry registry = registry();
        if (registry != null) {
            try {
                registry.timer("resonite_link_provider_call", new Tag("endpoint", endpoint)).update(took);
            } catch (RuntimeException e) {
                // see registry()
            }
        }
    }
}
