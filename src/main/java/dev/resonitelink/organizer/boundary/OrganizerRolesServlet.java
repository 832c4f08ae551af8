package dev.resonitelink.organizer.boundary;

import dev.resonitelink.web.Text;
import dev.resonitelink.web.Pages;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** An organizer grants or revokes another existing account's organizer rights (organizers only, {@link OrganizerAccessFilter}). */
@WebServlet("/organizer/roles")
public class OrganizerRolesServlet extends HttpServlet {

    @Inject
    OrganizerGrants grants;

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        if (Pages.refusedForm(req, resp, Text.of("form.expired.registrants"))) {
            return;
        }
        String action = req.getParameter("action");
        String username = req.getParameter("username");
        if (!("grant".equals(action) || "revoke".equals(action)) || username == null || username.isBlank()
                || username.length() > 64) {
            Pages.message(req, resp, 400, Text.of("roles.invalid.title"), Text.of("roles.invalid.text"));

            return;
        }
        OrganizerGrants.Result result = grants.change(req.getUserPrincipal().getName(), username.trim(),
                "grant".equals(action), Pages.requestId());
        resp.sendRedirect(req.getContextPath() + "/organizer?role=" + result.name().toLowerCase(Locale.ROOT)
                + "&who=" + URLEncoder.encode(username.trim(), StandardCharsets.UTF_8));
    }
}
