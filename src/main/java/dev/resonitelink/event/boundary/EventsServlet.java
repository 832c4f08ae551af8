package dev.resonitelink.event.boundary;

import dev.resonitelink.event.control.EventCalendars;
import dev.resonitelink.event.entity.Event;
import dev.resonitelink.event.entity.EventView;
import dev.resonitelink.settings.Settings;
import dev.resonitelink.web.Pages;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;

/**
 * The attendees' side of events: {@code GET /events} lists the published, listed, upcoming ones; {@code GET
 * /events/{id}} shows one (unlisted ones too, to whoever has the link) with its rules in words and the caller's own
 * state. Registering and cancelling are at {@code /register/{id}} ({@link RegisterServlet}), which needs a sign-in.
 * No page shows another attendee.
 */
@WebServlet(urlPatterns = {"/events", "/events/*"})
public class EventsServlet extends HttpServlet {

    @Inject
    Events events;

    @Inject
    EventPages pages;

    @Inject
    Settings settings;

    Clock clock = Clock.systemUTC();

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String path = req.getPathInfo();
        if (path == null || path.equals("/")) {
            req.setAttribute("events", events.upcoming().stream().map(e -> EventView.of(e, clock.instant())).toList());
            Pages.render(req, resp, "events", 200);
            return;
        }
        if (path.endsWith("/calendar.ics")) {
            calendar(req, resp, path.substring(1, path.length() - "/calendar.ics".length()));
            return;
        }
        pages.show(req, resp, path.substring(1), null, 200);
    }

    /** The event as an iCalendar file; its link is built from the configured redirect URI, never from the request. */
    private void calendar(HttpServletRequest req, HttpServletResponse resp, String id) throws ServletException, IOException {
        Optional<Event> event = events.find(id).filter(e -> e.status() != Event.Status.DRAFT);
        if (event.isEmpty()) {
            EventPages.noSuchEvent(req, resp);
            return;
        }
        java.net.URI page = settings.client().redirectUri().resolve("../events/" + id);
        resp.setContentType("text/calendar;charset=UTF-8");
        resp.setHeader("Content-Disposition", "attachment; filename=\"event-" + id + ".ics\"");
        resp.getWriter().write(EventCalendars.ics(id, event.get().details(), page, clock.instant()));
    }
}
