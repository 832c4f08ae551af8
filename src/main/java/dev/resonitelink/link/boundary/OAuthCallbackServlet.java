package dev.resonitelink.link.boundary;

import dev.resonitelink.web.HttpFlowSession;
import dev.resonitelink.web.Pages;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Where Resonite sends the browser back. Only converts: the query into a parameter map for {@link LinkCallback},
 * and its ending into a redirect (linked) or a failure page with an error id that is also in the log.
 */
@WebServlet("/oauth/callback")
public class OAuthCallbackServlet extends HttpServlet {

    @Inject
    LinkCallback callback;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String requestId = Pages.requestId();
        String query = req.getQueryString();
        Map<String, List<String>> parameters = Pages.parameters(req);
        LinkCallback.Ending ending = callback.complete(HttpFlowSession.of(req.getSession(false)),
                Pages.principal(req), parameters, query == null ? 0 : query.length(), requestId);
        if (ending instanceof LinkCallback.Linked linked) {
            resp.sendRedirect(req.getContextPath() + (linked.returnTo() != null
                    ? linked.returnTo()
                    : "/account?" + linked.outcome().name().toLowerCase()));
        } else if (ending instanceof LinkCallback.Failed failed) {
            FailurePages.render(req, resp, failed.failure(), requestId, failed.providerError());
        }
    }
}
