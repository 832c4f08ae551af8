package dev.resonitelink.signin.boundary;

import dev.resonitelink.account.boundary.LoginServlet;
import dev.resonitelink.settings.Settings;
import dev.resonitelink.signin.entity.SiteSignInFailure;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The pages a sign-in at the site's provider can end on: the sign-in page, with what went wrong in words for the
 * person and the status that fits ({@link SiteSignInFailure.Reason}), and the error id that finds the log line.
 */
final class SiteSignInPages {

    private static final Logger LOG = Logger.getLogger(SiteSignInPages.class.getName());

    private SiteSignInPages() {
    }

    static void failed(HttpServletRequest req, HttpServletResponse resp, SiteSignInFailure e, String requestId,
                       Settings settings) throws ServletException, IOException {
        SiteSignInFailure.Reason reason = e.reason();
        // an operator acts on these two (a store that is down, a name taken by a local account); the others are
        // the person's or the provider's doing, and a callback this app never started is noise
        Level level = switch (reason) {
            case NOT_STARTED_HERE -> Level.FINE;
            case NOT_RECORDED, LOCAL_ACCOUNT_EXISTS -> Level.WARNING;
            default -> Level.INFO;
        };
        LOG.log(level, () -> "sign-in through the identity provider failed: " + reason + " (" + e.outcome()
                + ") [request id " + requestId + "]: " + e.getMessage());
        if (reason == SiteSignInFailure.Reason.NOT_RECORDED) {
            resp.setHeader("Retry-After", "5");
        }
        req.setAttribute("error", words(reason) + " (Error id " + requestId + ".)");
        req.setAttribute("errorOutcome", e.outcome());
        LoginServlet.renderSso(req, resp, reason.status(), settings);
    }

    private static String words(SiteSignInFailure.Reason reason) {
        return switch (reason) {
            case CANCELLED -> "The sign-in was cancelled at your organization's sign-in page.";
            case NOT_STARTED_HERE -> "This sign-in link was already used, has expired, or was not started in this"
                    + " browser. Start the sign-in again.";
            case LOCAL_ACCOUNT_EXISTS -> "An account of this site's own sign-in already has the name your"
                    + " organization's sign-in gives you, so you are not signed in. Ask the site's operator to move that"
                    + " account to your organization's sign-in.";
            case NOT_RECORDED -> "Your sign-in could not be recorded right now. Try again in a moment.";
            case PROVIDER_UNREACHABLE -> "Your organization's sign-in could not be reached. Try again in a moment.";
            case ANSWER_REFUSED -> "Your organization's sign-in answered in a way this site cannot accept, so you are"
                    + " not signed in.";
        };
    }
}
