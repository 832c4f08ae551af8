package dev.resonitelink.ops.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;

/**
 * Counters and timers of the link flow, through the MicroProfile Metrics API where the server has it (Payara:
 * Prometheus format at {@code /metrics}). Where it has not (WildFly, which replaced MicroProfile Metrics with
 * Micrometer and OpenTelemetry), nothing is recorded and nothing fails: this class refers to no Metrics type, so it
 * loads everywhere, and {@link MicroProfileMetrics} is only touched when the API is present.
 * <ul>
 * <li>{@code resonite_link_flows_started_total}</li>
 * <li>{@code resonite_link_flows_ended_total{outcome, cause}}: outcome linked, refreshed, replaced, declined or
 * failed; cause the failure kind, or none</li>
 * <li>{@code resonite_link_provider_call_seconds{endpoint}}: call latency per endpoint: token, profile, revocation, discovery, other (the JWKS)</li>
 * <li>{@code resonite_link_admissions_total{decision, reason}}: the admission checks of worlds</li>
 * <li>{@code resonite_link_webhook_attempts_total{outcome}}, {@code resonite_link_webhook_pending},
 * {@code resonite_link_webhook_oldest_pending_seconds}: webhook deliveries (the gauges as the last delivery run on
 * this node saw them)</li>
 * </ul>
 */
@ApplicationScoped
public class FlowMetrics {

    @Inject
    Instance<Object> beans;

    private MicroProfileMetrics metrics;

    @PostConstruct
    void findMetrics() {
        metrics = MicroProfileMetrics.available() ? new MicroProfileMetrics(beans) : null;
    }

    /**
     * Resolves the registry while the application starts (on the deployment's thread, where it can be), so the
     * background jobs' metrics (webhook deliveries), recorded on threads of their own, find it before any request came.
     */
    void resolveEarly(@jakarta.enterprise.event.Observes @jakarta.enterprise.context.Initialized(
            jakarta.enterprise.context.ApplicationScoped.class) Object started) {
        if (metrics != null) {
            metrics.resolve();
        }
    }

    public void started() {
        if (metrics != null) {
            metrics.count("resonite_link_flows_started");
        }
    }

    public void ended(String outcome, String cause) {
        if (metrics != null) {
            metrics.count("resonite_link_flows_ended", "outcome", outcome.toLowerCase(Locale.ROOT),
                    "cause", cause == null ? "none" : cause.toLowerCase(Locale.ROOT));
        }
    }

    public void admission(String decision, String reason) {
        if (metrics != null) {
            metrics.count("resonite_link_admissions", "decision", decision, "reason", reason);
        }
    }

    public void providerCall(String endpoint, Duration took) {
        if (metrics != null) {
            metrics.time("resonite_link_provider_call", took, "endpoint", endpoint);
        }
    }

    /** One webhook delivery attempt ended: {@code delivered} or {@code failed}. */
    public void webhookDelivery(String outcome) {
        if (metrics != null) {
            metrics.count("resonite_link_webhook_attempts", "outcome", outcome);
        }
    }

    /** The outbox as a delivery run last saw it: deliveries pending, and the oldest one's age in seconds. */
    public void webhookQueue(long pending, long oldestAgeSeconds) {
        if (metrics != null) {
            metrics.gauge("resonite_link_webhook_pending", pending);
            metrics.gauge("resonite_link_webhook_oldest_pending_seconds", oldestAgeSeconds);
        }
    }
}
