package dev.resonitelink.oauth.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Produces {@link ResoniteSettings} from MicroProfile Config and checks them when the application starts,
 * so a bad deployment fails at once with one message naming every bad key instead of at a user's first click.
 */
@ApplicationScoped
public class ResoniteConfiguration {

    private static final Logger LOG = Logger.getLogger(ResoniteConfiguration.class.getName());

    @Inject
    Config config;

    @Produces
    @Singleton
    ResoniteSettings settings() {
        return ResoniteSettings.from(key -> config.getOptionalValue(key, String.class));
    }

    void checkAtStartup(@Observes @Initialized(ApplicationScoped.class) Object started, ResoniteSettings settings) {
        LOG.info(() -> "Resonite client configured: " + settings);
    }
}
