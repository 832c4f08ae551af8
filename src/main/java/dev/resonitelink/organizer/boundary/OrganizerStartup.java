package dev.resonitelink.organizer.boundary;

import dev.resonitelink.account.boundary.Accounts;
import dev.resonitelink.web.Pages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * At startup: the accounts named in {@code resonite-link.organizers} that exist become organizers (audited), the names that
 * do not exist are named in a warning and refused at sign-up (so nobody claims a listed name before its owner),
 * and while there is no organizer at all a one-time code is offered for the first one (see {@link OrganizerGrants}).
 * A database that is not reachable yet delays none of this beyond a warning: the next start tries again.
 */
@ApplicationScoped
public class OrganizerStartup {

    public static final String KEY_BOOTSTRAP_CODE = "resonite-link.organizer-bootstrap-code";
    private static final Logger LOG = Logger.getLogger(OrganizerStartup.class.getName());

    @Inject
    OrganizerGrants grants;

    @Inject
    Config config;

    void atStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        try {
            List<String> missing = grants.applyConfigured(Accounts.configuredOrganizers(config), Pages.requestId());
            if (!missing.isEmpty()) {
                LOG.warning(Accounts.KEY_ORGANIZERS + " names accounts that do not exist: " + String.join(", ", missing)
                        + ". They are not organizers, and sign-up refuses these names. Grant organizer rights to an"
                        + " existing account instead (the organizer page), or create it before listing it.");
            }
            String code = grants.offerBootstrapCode(config.getOptionalValue(KEY_BOOTSTRAP_CODE, String.class)
                    .map(String::trim).filter(c -> !c.isEmpty()).orElse(null));
            if (code != null) {
                LOG.warning("No organizer yet. To make an existing account the first organizer, sign in with it, open"
                        + " /organizer-claim and enter this one-time code: " + code + " (valid until it is used, "
                        + OrganizerGrants.MAX_CODE_FAILURES + " wrong attempts, or the next start)");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "organizer setup skipped at this start: " + e.getClass().getSimpleName());
        }
    }
}
