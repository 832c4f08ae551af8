package dev.resonitelink.signin.boundary;

import dev.resonitelink.web.Text;
import dev.resonitelink.signin.control.SiteSignInFlow;
import dev.resonitelink.settings.Settings;
import dev.resonitelink.web.Pages;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Optional;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * Signs out and drops the session, and with it every pending link request. With single sign-on the browser then goes
 * to the provider's sign-out ({@code end_session_endpoint}, with the id_token as hint) when it has one, and comes back
 * to the signed-out page.
 */
@WebServlet("/logout")
public class LogoutServlet extends HttpServlet {

    @Inject
    Settings settings;

    @Inject
    SiteSignInFlow flow;

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        if (Pages.refusedForm(req, resp, Text.of("form.expired.reload"))) {
            return;
        }
        HttpSession session = req.getSession(false);
        String idToken = session == null ? null : (String) session.getAttribute(SiteSignInCallbackServlet.ID_TOKEN);
        req.logout();
        if (session != null) {
            session.invalidate();
        }
        Optional<URI> providerSignOut = settings.signIn().oidc() ? flow.endSession(idToken) : Optional.empty();
        resp.sendRedirect(providerSignOut.map(URI::toString).orElse(req.getContextPath() + "/login?signedOut"));
    }
}
