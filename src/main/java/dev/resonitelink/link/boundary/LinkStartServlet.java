package dev.resonitelink.link.boundary;

import dev.resonitelink.web.Text;
import dev.resonitelink.oauth.control.AuthorizationCodeFlow;
import dev.resonitelink.oauth.control.Providers;
import dev.resonitelink.oauth.control.Resonite;
import java.net.URI;
import dev.resonitelink.web.HttpFlowSession;
import dev.resonitelink.oauth.entity.LinkFailedException;
import dev.resonitelink.oauth.control.ReturnTargets;
import dev.resonitelink.ops.control.FlowMetrics;
import dev.resonitelink.web.Languages;
import dev.resonitelink.web.Pages;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.logging.Logger;

/**
 * "Link Resonite account" (and "Re-link"): a POST with the CSRF token builds the authorization request, keeps
 * it as pending in the session, and redirects the browser to Resonite. GET is refused (405), so no link or image
 * on another site can start a flow. An optional {@code returnTo} names the page of this site to go to afterwards, and
 * an optional {@code scope} one permission to ask for on top of the configured ones ({@code patreon}, so an event for
 * supporters can check the Patreon state; or {@code email}).
 */
@WebServlet("/oauth/start")
public class LinkStartServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(LinkStartServlet.class.getName());

    @Inject
    @Resonite
    AuthorizationCodeFlow resonite;

    @Inject
    FlowMetrics metrics;

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        if (Pages.refusedForm(req, resp, Text.of("form.expired.link"))) {
            return;
        }
        String returnTo = req.getParameter("returnTo");
        if (returnTo != null && !returnTo.isEmpty() && ReturnTargets.safe(returnTo).isEmpty()) {
            Pages.message(req, resp, 400, Text.of("link.returnTo.title"), Text.of("link.returnTo.text"));
            return;
        }
        String scope = req.getParameter("scope");
        Set<String> extraScopes = scope == null || scope.isEmpty() ? Set.of() : Set.of(scope);
        if (!Providers.EXTRA_SCOPES.containsAll(extraScopes)) {
            Pages.message(req, resp, 400, Text.of("link.scope.title"), Text.of("link.scope.text"));
            return;
        }
        URI redirect;
        try {
            redirect = resonite.start(new HttpFlowSession(req.getSession()), Pages.principal(req),
                    returnTo == null || returnTo.isEmpty() ? null : returnTo, extraScopes, Languages.of(req));
        } catch (LinkFailedException e) {
            // with openid, Resonite's discovery document could not be read: nothing is pending, nothing stored
            String requestId = Pages.requestId();
            LOG.warning(() -> "link attempt by local user " + req.getUserPrincipal().getName() + " could not start: "
                    + e.failure() + " [error id " + requestId + "]: " + e.getMessage());
            FailurePages.render(req, resp, e.failure(), requestId, null);
            return;
        }
        metrics.started();
        resp.sendRedirect(redirect.toString());
    }
}
