package dev.resonitelink.signin.boundary;

import dev.resonitelink.web.Text;
import dev.resonitelink.web.HttpFlowSession;
import dev.resonitelink.signin.control.SiteSignInFlow;
import dev.resonitelink.signin.entity.SiteSignInFailure;
import dev.resonitelink.settings.Settings;
import dev.resonitelink.web.Pages;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * "Sign in with the site's provider" ({@code resonite-link.sign-in=oidc}): keeps a new sign-in request pending in the
 * browser's session and sends the browser to the provider. A caller who is signed in already goes to their account.
 */
@WebServlet("/sso/start")
public class SiteSignInStartServlet extends HttpServlet {

    @Inject
    Settings settings;

    @Inject
    SiteSignInFlow flow;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        if (notWithLocalSignIn(req, resp, settings)) {
            return;
        }
        if (req.getUserPrincipal() != null) {
            resp.sendRedirect(req.getContextPath() + "/account");
            return;
        }
        try {
            resp.sendRedirect(flow.start(HttpFlowSession.of(req.getSession(true))).toString());
        } catch (SiteSignInFailure e) {
            SiteSignInPages.failed(req, resp, e, Pages.requestId(), settings);
        }
    }

    /** The single sign-on endpoints answer 404 with local sign-in; says whether it answered. */
    static boolean notWithLocalSignIn(HttpServletRequest req, HttpServletResponse resp, Settings settings)
            throws ServletException, IOException {
        if (settings.signIn().oidc()) {
            return false;
        }
        Pages.message(req, resp, 404, Text.of("signin.noSso.title"), Text.of("signin.noSso.text"));
        return true;
    }
}
