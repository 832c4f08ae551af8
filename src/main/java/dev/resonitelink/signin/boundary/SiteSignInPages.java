package dev.resonitelink.signin.boundary;

import dev.resonitelink.web.Text;
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
        req.setAttribute("error", Text.of("signin.error.withId", words(reason), requestId));
        req.setAttribute("errorOutcome", e.outcome());
        LoginServlet.renderSso(req, resp, reason.status(), settings);
    }

    /** The words of a reason: key {@code signin.error.<Reason>}. */
    static Text words(SiteSignInFailure.Reason reason) {
        return Text.of("signin.error." + reason.name());
    }

}
