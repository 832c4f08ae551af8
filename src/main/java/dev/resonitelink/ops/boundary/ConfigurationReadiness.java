package dev.resonitelink.ops.boundary;

import dev.resonitelink.settings.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only with a valid configuration. Reports which Resonite host is used, never the secret, and never calls
 * Resonite: a probe every few seconds must not turn into traffic to the provider.
 */
@Readiness
@ApplicationScoped
public class ConfigurationReadiness implements HealthCheck {

    @Inject
    Instance<Settings> settings;

    @Override
    public HealthCheckResponse call() {
        try {
            Settings s = settings.get();
            return HealthCheckResponse.named("configuration").up()
                    .withData("authorization-server", s.endpoints().authorize().getHost())
                    .withData("scopes", String.join(" ", s.client().scopes()))
                    .build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("configuration").down().withData("error", e.getMessage()).build();
        }
    }
}
