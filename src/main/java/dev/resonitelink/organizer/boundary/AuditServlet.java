package dev.resonitelink.organizer.boundary;

import dev.resonitelink.audit.AuditTrail;
import dev.resonitelink.web.Pages;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The audit trail for organizers, newest first, searchable by local user or Resonite id. */
@WebServlet("/organizer/audit")
public class AuditServlet extends HttpServlet {

    static final int PAGE_SIZE = 50;

    @Inject
    AuditTrail audit;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String query = req.getParameter("q");
        req.setAttribute("q", query == null ? "" : query);
        req.setAttribute("result", audit.find(query, OrganizerServlet.intParameter(req, "page", 1), PAGE_SIZE));
        Pages.render(req, resp, "audit", 200);
    }
}
