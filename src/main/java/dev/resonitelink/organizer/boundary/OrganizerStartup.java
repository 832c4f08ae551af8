package dev.resonitelink.organizer.boundary;

import dev.resonitelink.settings.Setting;

import dev.resonitelink.web.Pages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import dev.resonitelink.settings.Settings;

/**
 * At startup: the accounts named in {@code resonite-link.organizers} that exist become organizers (audited), the names that
 * do not exist are named in a warning and refused at sign-up (so nobody claims a listed name before its owner),
 * and while there is no organizer at all a one-time code is offered for the first one (see {@link OrganizerGrants}).
 * A database that is not reachable yet delays none of this beyond a warning: the next start tries again.
 */
@ApplicationScoped
public class OrganizerStartup {

    private static final Logger LOG = Logger.getLogger(OrganizerStartup.class.getName());

    @Inject
    OrganizerGrants grants;

    @Inject
    Settings settings;

    void atStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (settings.signIn().oidc()) {
            singleSignOn();
            return;
        }
        try {
            List<String> missing = grants.applyConfigured(settings.organizers().names(), Pages.requestId());
            if (!missing.isEmpty()) {
                LOG.warning(Setting.ORGANIZERS + " names accounts that do not exist: " + String.join(", ", missing)
                        + ". They are not organizers, and sign-up refuses these names. Grant organizer rights to an"
                        + " existing account instead (the organizer page), or create it before listing it.");
            }
            String code = grants.offerBootstrapCode(settings.organizers().bootstrapCode());
            if (code != null) {
                LOG.warning("No organizer yet. To make an existing account the first organizer, sign in with it, open"
                        + " /organizer-claim and enter this one-time code: " + code + " (valid until it is used, "
                        + OrganizerGrants.MAX_CODE_FAILURES + " wrong attempts, or the next start)");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "organizer setup skipped at this start: " + e.getClass().getSimpleName());
        }
    }

    /** With single sign-on the group claim makes organizers: names and codes would be a second way in, so none is used. */
    private void singleSignOn() {
        if (!settings.organizers().names().isEmpty() || settings.organizers().bootstrapCode() != null) {
            LOG.warning(Setting.ORGANIZERS + " and " + Setting.ORGANIZER_BOOTSTRAP_CODE + " are ignored with "
                    + Setting.SIGN_IN + "=oidc: organizers are the members of " + Setting.SSO_ORGANIZER_GROUP);
        }
        if (settings.signIn().sso().organizerGroup() == null) {
            LOG.warning(Setting.SSO_ORGANIZER_GROUP + " is not set: nobody signing in through the identity provider"
                    + " is an organizer");
        }
    }
}
