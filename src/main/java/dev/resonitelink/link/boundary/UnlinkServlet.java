package dev.resonitelink.link.boundary;

import dev.resonitelink.web.Text;
import dev.resonitelink.SitePrincipal;
import dev.resonitelink.audit.AuditTrail;
import dev.resonitelink.audit.AuditEntry;
import dev.resonitelink.web.Pages;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Unlinking: GET asks for confirmation, POST with the CSRF token removes the signed-in user's link. */
@WebServlet("/link/unlink")
public class UnlinkServlet extends HttpServlet {

    @Inject
    AccountLinks links;

    @Inject
    AuditTrail audit;

    @Inject
    ResoniteGrants grants;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        var link = links.view(Pages.principal(req));
        if (link.isEmpty()) {
            resp.sendRedirect(req.getContextPath() + "/account?notLinked");
            return;
        }
        req.setAttribute("link", link.get());
        Pages.render(req, resp, "unlink", 200);
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        if (Pages.refusedForm(req, resp, Text.of("form.expired.account"))) {
            return;
        }
        SitePrincipal principal = Pages.principal(req);
        // end the grant at Resonite first (best effort); the local link goes whatever the answer
        grants.revoke(principal);
        var removed = links.unlink(principal);
        removed.ifPresent(resoniteId -> audit.recordQuietly(principal.name(), resoniteId.value(), AuditEntry.Action.UNLINK,
                "UNLINKED",
                Pages.requestId()));
        resp.sendRedirect(req.getContextPath() + "/account?" + (removed.isPresent() ? "unlinked" : "notLinked"));
    }
}
