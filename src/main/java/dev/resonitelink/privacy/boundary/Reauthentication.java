package dev.resonitelink.privacy.boundary;

import dev.resonitelink.web.Text;
import dev.resonitelink.account.boundary.PasswordConfirmation;
import dev.resonitelink.settings.Settings;
import dev.resonitelink.signin.boundary.SiteSignInAge;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;

/**
 * Who asks to delete an account proves again that they are the signed-in person (OWASP ASVS 3.7.1): with the site's
 * own accounts by typing their password (throttled as a sign-in is), with single sign-on by a sign-in at the
 * provider of at most {@link #RECENT_SIGN_IN} ago. An organizer deleting someone else proves it the same way.
 */
@ApplicationScoped
public class Reauthentication {

    static final Duration RECENT_SIGN_IN = Duration.ofMinutes(5);

    /** How a confirmation ended. */
    enum Result { CONFIRMED, WRONG_PASSWORD, THROTTLED, SIGN_IN_AGAIN }

    @Inject
    Settings settings;

    @Inject
    PasswordConfirmation passwords;

    @Inject
    SiteSignInAge signInAge;

    boolean singleSignOn() {
        return settings.signIn().oidc();
    }

    /** With single sign-on: whether the caller must sign in at the provider again before the form can be sent. */
    boolean signInAgainNeeded(HttpServletRequest request) {
        return singleSignOn() && !signInAge.signedInWithin(request.getSession(false), RECENT_SIGN_IN);
    }

    /** Checks the form's {@code password} (own accounts) or the sign-in's age (single sign-on). */
    Result confirm(HttpServletRequest request) {
        if (singleSignOn()) {
            return signInAgainNeeded(request) ? Result.SIGN_IN_AGAIN : Result.CONFIRMED;
        }
        return switch (passwords.confirm(request, request.getUserPrincipal().getName(),
                request.getParameter("password"))) {
            case CONFIRMED -> Result.CONFIRMED;
            case WRONG -> Result.WRONG_PASSWORD;
            case THROTTLED -> Result.THROTTLED;
        };
    }

    /** Renders the answer to a refused confirmation into the request for the page; returns its HTTP status. */
    int refused(HttpServletRequest request, Result result) {
        switch (result) {
            case WRONG_PASSWORD -> {
                request.setAttribute("error", Text.of("delete.error.wrongPassword"));
                request.setAttribute("errorOutcome", "wrong-password");
                return 400;
            }
            case THROTTLED -> {
                request.setAttribute("error", Text.of("delete.error.throttled"));
                request.setAttribute("errorOutcome", "throttled");
                return 429;
            }
            default -> {
                request.setAttribute("error", Text.of("delete.error.signInAgain", RECENT_SIGN_IN.toMinutes()));

                request.setAttribute("errorOutcome", "sign-in-again");
                return 403;
            }
        }
    }

    /** What the confirmation part of a deletion form needs: which kind, and whether to sign in again first. */
    void describe(HttpServletRequest request) {
        request.setAttribute("sso", singleSignOn());
        request.setAttribute("signInAgain", signInAgainNeeded(request));
        if (singleSignOn()) {
            request.setAttribute("ssoProvider", settings.signIn().sso().providerName());
        }
    }
}
