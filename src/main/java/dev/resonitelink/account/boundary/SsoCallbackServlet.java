package dev.resonitelink.account.boundary;

import dev.resonitelink.web.HttpFlowSession;
import dev.resonitelink.oauth.control.SiteSignInFlow;
import dev.resonitelink.oauth.entity.LinkFailedException;
import dev.resonitelink.oauth.entity.LinkFailure;
import dev.resonitelink.oauth.entity.SiteIdentity;
import dev.resonitelink.settings.Setting;
import dev.resonitelink.settings.Settings;
import dev.resonitelink.web.CsrfTokens;
import dev.resonitelink.web.Pages;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where the site's identity provider sends the browser back. Only converts: the query into a parameter map for
 * {@link SiteSignInFlow#finish}, then the checked identity into a sign-in through the platform's security API in a
 * new session id (no fixation), or the failure into the sign-in page with an error id that is also in the log.
 */
@WebServlet("/sso/callback")
public class SsoCallbackServlet extends HttpServlet {

    /** The session attribute with the id_token, the hint of the provider's sign-out. */
    static final String ID_TOKEN = SsoCallbackServlet.class.getName() + ".idToken";
    private static final Logger LOG = Logger.getLogger(SsoCallbackServlet.class.getName());

    @Inject
    Settings settings;

    @Inject
    SiteSignInFlow flow;

    @Inject
    SecurityContext security;

    @Inject
    SsoSessionAge age;

    @Inject
    SiteUsers users;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        if (SsoStartServlet.notWithLocalSignIn(req, resp, settings)) {
            return;
        }
        if (req.getUserPrincipal() != null) {
            resp.sendRedirect(req.getContextPath() + "/account"); // a callback seen twice: signed in already
            return;
        }
        String requestId = Pages.requestId();
        String query = req.getQueryString();
        Map<String, List<String>> parameters = Pages.parameters(req);
        SiteIdentity identity;
        try {
            identity = flow.finish(HttpFlowSession.of(req.getSession(false)), parameters,
                    query == null ? 0 : query.length());
        } catch (LinkFailedException e) {
            failed(req, resp, e, requestId, settings);
            return;
        }
        req.changeSessionId();
        CsrfTokens.rotate(req);
        AuthenticationStatus status;
        try {
            status = security.authenticate(req, resp, AuthenticationParameters.withParams()
                    .credential(new SsoCredential(identity)).newAuthentication(true));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "sign-in of " + identity.principal() + " not recorded [request id " + requestId
                    + "]: " + e.getClass().getSimpleName());
            failed(req, resp, new LinkFailedException(LinkFailure.STORAGE_UNAVAILABLE, "site user not recorded"),
                    requestId, settings);
            return;
        }
        if (status != AuthenticationStatus.SUCCESS && status != AuthenticationStatus.SEND_CONTINUE
                && users.refusedAsLocalAccount(identity.principal())) {
            LOG.warning("sign-in of " + identity.principal() + " through the identity provider refused: a local account"
                    + " has that name (" + Setting.SSO_TAKE_OVER_LOCAL + " is off) [request id " + requestId + "]");
            req.setAttribute("error", "An account of this site's own sign-in already has the name your organization's"
                    + " sign-in gives you, so you are not signed in. Ask the site's operator to move that account to your"
                    + " organization's sign-in. (Error id " + requestId + ".)");
            req.setAttribute("errorOutcome", "local-account-exists");
            LoginServlet.renderSso(req, resp, 409, settings);
            return;
        }
        if (status != AuthenticationStatus.SUCCESS && status != AuthenticationStatus.SEND_CONTINUE) {
            failed(req, resp, new LinkFailedException(LinkFailure.ID_TOKEN_INVALID, "identity store refused "
                    + identity.principal()), requestId, settings);
            return;
        }
        req.getSession().setAttribute(ID_TOKEN, identity.idToken());
        age.signedIn(req.getSession());
        LOG.fine(() -> "signed in through the identity provider: " + identity.principal());
        if (status == AuthenticationStatus.SUCCESS) {
            resp.sendRedirect(req.getContextPath() + "/account");
        } // SEND_CONTINUE: the mechanism has sent the browser back to the page that asked for a sign-in
    }

    /** The sign-in page with what went wrong, in words for the person, and the status that fits. */
    static void failed(HttpServletRequest req, HttpServletResponse resp, LinkFailedException e, String requestId,
                       Settings settings)
            throws ServletException, IOException {
        LinkFailure failure = e.failure();
        Level level = failure == LinkFailure.STATE_UNKNOWN || failure == LinkFailure.STATE_MISSING
                || failure == LinkFailure.MALFORMED_RESPONSE ? Level.FINE : Level.INFO;
        LOG.log(level, () -> "sign-in through the identity provider failed: " + failure + " [request id " + requestId
                + "]: " + e.getMessage());
        String text;
        int status;
        switch (failure) {
            case DECLINED -> {
                text = "The sign-in was cancelled at your organization's sign-in page.";
                status = 200;
            }
            case STATE_MISSING, STATE_UNKNOWN, MALFORMED_RESPONSE -> {
                text = "This sign-in link was already used, has expired, or was not started in this browser. Start the"
                        + " sign-in again.";
                status = 400;
            }
            case STORAGE_UNAVAILABLE -> {
                text = "Your sign-in could not be recorded right now. Try again in a moment.";
                status = 503;
                resp.setHeader("Retry-After", "5");
            }
            case PROVIDER_UNAVAILABLE -> {
                text = "Your organization's sign-in could not be reached. Try again in a moment.";
                status = 424;
            }
            default -> {
                text = "Your organization's sign-in answered in a way this site cannot accept, so you are not signed in.";
                status = 424;
            }
        }
        req.setAttribute("error", text + " (Error id " + requestId + ".)");
        req.setAttribute("errorOutcome", failure.name().toLowerCase(java.util.Locale.ROOT));
        LoginServlet.renderSso(req, resp, status, settings);
    }
}
