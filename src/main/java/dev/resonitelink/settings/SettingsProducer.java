package dev.resonitelink.settings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Produces {@link Settings} from MicroProfile Config and checks them when the application starts, so a bad
 * deployment fails at once with one message naming every bad key instead of at a user's first click. The only
 * class that reads {@code Config}.
 */
@ApplicationScoped
public class SettingsProducer {

    private static final Logger LOG = Logger.getLogger(SettingsProducer.class.getName());

    @Inject
    Config config;

    @Produces
    @Singleton
    Settings settings() {
        return Settings.from(key -> config.getOptionalValue(key, String.class));
    }

    void checkAtStartup(@Observes @Initialized(ApplicationScoped.class) Object started, Settings settings) {
        LOG.info(() -> "configured: " + settings);
    }
}
