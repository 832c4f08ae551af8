package dev.resonitelink.signin.boundary;

import dev.resonitelink.web.HttpFlowSession;
import dev.resonitelink.signin.control.SiteSignInFlow;
import dev.resonitelink.account.boundary.SiteUsers;
import dev.resonitelink.signin.entity.SiteIdentity;
import dev.resonitelink.signin.entity.SiteSignInFailure;
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
import java.util.logging.Logger;

/**
 * Where the site's identity provider sends the browser back. Only converts: the query into a parameter map for
 * {@link SiteSignInFlow#finish}, then the checked identity into a sign-in through the platform's security API in a
 * new session id (no fixation), or the failure into the sign-in page with an error id that is also in the log.
 */
@WebServlet("/sso/callback")
public class SiteSignInCallbackServlet extends HttpServlet {

    /** The session attribute with the id_token, the hint of the provider's sign-out. */
    static final String ID_TOKEN = SiteSignInCallbackServlet.class.getName() + ".idToken";
    private static final Logger LOG = Logger.getLogger(SiteSignInCallbackServlet.class.getName());

    @Inject
    Settings settings;

    @Inject
    SiteSignInFlow flow;

    @Inject
    SecurityContext security;

    @Inject
    SiteSignInAge age;

    @Inject
    SiteUsers users;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        if (SiteSignInStartServlet.notWithLocalSignIn(req, resp, settings)) {
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
        } catch (SiteSignInFailure e) {
            SiteSignInPages.failed(req, resp, e, requestId, settings);
            return;
        }
        req.changeSessionId();
        CsrfTokens.rotate(req);
        AuthenticationStatus status;
        try {
            status = security.authenticate(req, resp, AuthenticationParameters.withParams()
                    .credential(new SiteSignInCredential(identity)).newAuthentication(true));
        } catch (RuntimeException e) {
            SiteSignInPages.failed(req, resp, new SiteSignInFailure(SiteSignInFailure.Reason.NOT_RECORDED,
                    "storage_unavailable", "site user " + identity.principal() + " not recorded: "
                    + e.getClass().getSimpleName()), requestId, settings);
            return;
        }
        if (status != AuthenticationStatus.SUCCESS && status != AuthenticationStatus.SEND_CONTINUE
                && users.refusedAsLocalAccount(identity.principal())) {
            SiteSignInPages.failed(req, resp, new SiteSignInFailure(SiteSignInFailure.Reason.LOCAL_ACCOUNT_EXISTS,
                    "local-account-exists", "a local account has the name " + identity.principal() + " ("
                    + Setting.SSO_TAKE_OVER_LOCAL + " is off)"), requestId, settings);
            return;
        }
        if (status != AuthenticationStatus.SUCCESS && status != AuthenticationStatus.SEND_CONTINUE) {
            SiteSignInPages.failed(req, resp, new SiteSignInFailure(SiteSignInFailure.Reason.ANSWER_REFUSED,
                    "id_token_invalid", "identity store refused " + identity.principal()), requestId, settings);
            return;
        }
        req.getSession().setAttribute(ID_TOKEN, identity.idToken());
        if (identity.displayName() != null) {
            req.getSession().setAttribute(Pages.DISPLAY_NAME, identity.displayName());
        }
        age.signedIn(req.getSession());
        LOG.fine(() -> "signed in through the identity provider: " + identity.principal());
        if (status == AuthenticationStatus.SUCCESS) {
            resp.sendRedirect(req.getContextPath() + "/account");
        } // SEND_CONTINUE: the mechanism has sent the browser back to the page that asked for a sign-in
    }
}
