package dev.resonitelink.organizer.boundary;

import dev.resonitelink.web.Pages;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The organizers' list of registrants: search, pages, and the CSV export link (role {@code organizer}, web.xml). */
@WebServlet("/organizer")
public class OrganizerServlet extends HttpServlet {

    static final int PAGE_SIZE = 25;

    @Inject
    dev.resonitelink.settings.Settings settings;

    @Inject
    Registrants registrants;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String query = req.getParameter("q");
        boolean linkedOnly = "1".equals(req.getParameter("linked"));
        req.setAttribute("q", query == null ? "" : query);
        req.setAttribute("organizersFromProvider", settings.signIn().oidc());
        req.setAttribute("linkedOnly", linkedOnly);
        req.setAttribute("result", registrants.find(query, intParameter(req, "page", 1), PAGE_SIZE, linkedOnly));
        Pages.render(req, resp, "organizer", 200);
    }

    static int intParameter(HttpServletRequest req, String name, int fallback) {
        String raw = req.getParameter(name);
        if (raw == null || raw.length() > 9) {
            return fallback;
        }
        try {
            return Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
