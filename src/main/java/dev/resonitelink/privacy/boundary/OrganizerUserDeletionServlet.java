package dev.resonitelink.privacy.boundary;

import dev.resonitelink.web.Text;
import dev.resonitelink.SitePrincipal;
import dev.resonitelink.account.boundary.SiteUsers;
import dev.resonitelink.link.boundary.AccountLinks;
import dev.resonitelink.web.Pages;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * An organizer deletes a site user (the registrants list's "Delete…"): the same erasure as the user's own, with a
 * reason the organizer must give, audited under the organizer's name, after the organizer confirms who they are
 * ({@link Reauthentication}). Organizers delete their own account on their account page, not here.
 */
@WebServlet("/organizer/users/delete")
public class OrganizerUserDeletionServlet extends HttpServlet {

    static final int MAX_REASON = 500;

    @Inject
    UserErasure erasure;

    @Inject
    Reauthentication reauthentication;

    @Inject
    SiteUsers users;

    @Inject
    AccountLinks links;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String user = req.getParameter("user");
        if (refusedTarget(req, resp, user)) {
            return;
        }
        render(req, resp, user, 200);
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        if (Pages.refusedForm(req, resp, Text.of("form.expired.deleteUser"))) {
            return;
        }
        String user = req.getParameter("user");
        if (refusedTarget(req, resp, user)) {
            return;
        }
        String reason = req.getParameter("reason") == null ? "" : req.getParameter("reason").strip();
        if (reason.isEmpty() || reason.length() > MAX_REASON) {
            req.setAttribute("error", Text.of("deleteUser.error.reason", MAX_REASON));
            req.setAttribute("errorOutcome", "reason-needed");
            render(req, resp, user, 400);
            return;
        }
        Reauthentication.Result confirmed = reauthentication.confirm(req);
        if (confirmed != Reauthentication.Result.CONFIRMED) {
            int status = reauthentication.refused(req, confirmed);
            req.setAttribute("reason", reason);
            render(req, resp, user, status);
            return;
        }
        boolean deleted = erasure.erase(new SitePrincipal(user), Pages.principal(req).name(), reason,
                Pages.requestId());
        resp.sendRedirect(req.getContextPath() + "/organizer?" + (deleted ? "userDeleted" : "userGone"));
    }

    /** Answers for a missing, unknown or own user name; returns whether it did. */
    private boolean refusedTarget(HttpServletRequest req, HttpServletResponse resp, String user)
            throws ServletException, IOException {
        if (user == null || user.isBlank() || user.length() > 255) {
            Pages.message(req, resp, 400, Text.of("deleteUser.which.title"), Text.of("deleteUser.which.text"));
            return true;
        }
        if (user.equals(Pages.principal(req).name())) {
            Pages.message(req, resp, 400, Text.of("deleteUser.self.title"), Text.of("deleteUser.self.text"));
            return true;
        }
        if (users.createdAt(user).isEmpty() && links.view(new SitePrincipal(user)).isEmpty()) {
            Pages.message(req, resp, 404, Text.of("deleteUser.none.title"), Text.of("deleteUser.none.text"));

            return true;
        }
        return false;
    }

    private void render(HttpServletRequest req, HttpServletResponse resp, String user, int status)
            throws ServletException, IOException {
        req.setAttribute("user", user);
        req.setAttribute("link", links.view(new SitePrincipal(user)).orElse(null));
        reauthentication.describe(req);
        resp.setHeader("Cache-Control", "no-store");
        Pages.render(req, resp, "delete-user", status);
    }
}
