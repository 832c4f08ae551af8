package dev.resonitelink.event.boundary;

import dev.resonitelink.web.Text;
import dev.resonitelink.web.Pages;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Registering for an event and cancelling ({@code /register/{id}}, signed-in callers only, web.xml). A signed-out
 * visitor's "Sign in to register" is a GET here, so the sign-in returns to this page; the actions are POSTs with the
 * session's CSRF token: {@code action=register} checks the rules against the caller's current link and profile,
 * {@code action=cancel} gives the place back (the waitlist's first moves up). Every outcome is a page in words.
 */
@WebServlet("/register/*")
public class RegisterServlet extends HttpServlet {

    @Inject
    Events events;

    @Inject
    Registrations registrations;

    @Inject
    EventPages pages;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        pages.show(req, resp, id(req), null, 200);
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        if (Pages.refusedForm(req, resp, Text.of("form.expired.event"))) {
            return;
        }
        String id = id(req);
        if (events.find(id).isEmpty()) {
            EventPages.noSuchEvent(req, resp);
            return;
        }
        String principal = req.getUserPrincipal().getName();
        String action = req.getParameter("action");
        if ("cancel".equals(action)) {
            boolean cancelled = registrations.cancel(id, principal, Pages.requestId());
            resp.sendRedirect(req.getContextPath() + "/register/" + id + (cancelled ? "?cancelled" : ""));
            return;
        }
        if (!"register".equals(action)) {
            Pages.message(req, resp, 400, Text.of("action.unknown.title"), Text.of("action.unknown.text"));
            return;
        }
        String ticket = req.getParameter("ticket");
        Registrations.Outcome outcome = registrations.register(id, principal,
                ticket == null || ticket.length() > 100 ? null : ticket, Pages.requestId());
        int status = switch (outcome) {
            case REGISTERED, WAITLISTED, ALREADY_REGISTERED, ALREADY_WAITLISTED -> 200;
            case NO_SUCH_EVENT -> 404;
            default -> 409;
        };
        pages.show(req, resp, id, outcome, status);
    }

    private static String id(HttpServletRequest req) {
        String path = req.getPathInfo();
        return path == null || path.length() < 2 ? "" : path.substring(1);
    }
}
