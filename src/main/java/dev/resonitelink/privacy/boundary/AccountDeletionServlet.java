package dev.resonitelink.privacy.boundary;

import dev.resonitelink.web.Text;
import dev.resonitelink.SitePrincipal;
import dev.resonitelink.link.boundary.AccountLinks;
import dev.resonitelink.web.Pages;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * "Delete my account": GET shows what goes and asks for the password (or a recent sign-in at the site's provider);
 * POST with the CSRF token deletes everything ({@link UserErasure}), ends the session and says so on the sign-in page.
 */
@WebServlet("/account/delete")
public class AccountDeletionServlet extends HttpServlet {

    @Inject
    UserErasure erasure;

    @Inject
    Reauthentication reauthentication;

    @Inject
    AccountLinks links;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        render(req, resp, 200);
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        if (Pages.refusedForm(req, resp, Text.of("form.expired.deleteAccount"))
) {
            return;
        }
        Reauthentication.Result confirmed = reauthentication.confirm(req);
        if (confirmed != Reauthentication.Result.CONFIRMED) {
            render(req, resp, reauthentication.refused(req, confirmed));
            return;
        }
        SitePrincipal principal = Pages.principal(req);
        erasure.erase(principal, null, null, Pages.requestId());
        req.logout();
        HttpSession session = req.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        resp.sendRedirect(req.getContextPath() + "/login?deleted");
    }

    private void render(HttpServletRequest req, HttpServletResponse resp, int status)
            throws ServletException, IOException {
        req.setAttribute("link", links.view(Pages.principal(req)).orElse(null));
        reauthentication.describe(req);
        resp.setHeader("Cache-Control", "no-store");
        Pages.render(req, resp, "delete-account", status);
    }
}
