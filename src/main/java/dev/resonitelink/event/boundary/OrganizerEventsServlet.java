package dev.resonitelink.event.boundary;

import dev.resonitelink.web.Text;
import dev.resonitelink.event.control.EventForms;
import dev.resonitelink.event.entity.Event;
import dev.resonitelink.event.entity.EventDetails;
import dev.resonitelink.event.entity.EventView;
import dev.resonitelink.web.Csv;
import dev.resonitelink.web.Pages;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Organizers' events ({@code /organizer/events}: the list and a form for a new one; {@code /organizer/events/{id}}:
 * one event's details, status, admission key and places). Organizers only, like every {@code /organizer} page
 * ({@code OrganizerAccessFilter}); every change is a POST with the session's CSRF token, and audited.
 */
@WebServlet(urlPatterns = {"/organizer/events", "/organizer/events/*"})
public class OrganizerEventsServlet extends HttpServlet {

    static final List<String> FIELDS = List.of("title", "description", "location", "startsAt", "endsAt", "timeZone",
            "capacity", "opensAt", "closesAt", "listed", "supportersOnly", "ticketRequired", "inviteOnly");

    @Inject
    Events events;

    @Inject
    Registrations registrations;

    @Inject
    Tickets tickets;

    @Inject
    Invites invites;

    Clock clock = Clock.systemUTC();

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String id = idOf(req);
        if (id == null) {
            list(req, resp, Map.of("timeZone", "UTC", "listed", "on"), List.of(), 200);
            return;
        }
        Optional<Event> event = events.find(id);
        if (event.isEmpty()) {
            Pages.message(req, resp, 404, Text.of("event.none.title"), Text.of("organizer.event.none"));
            return;
        }
        String sub = subOf(req);
        if (sub.equals("roster.csv")) {
            rosterCsv(req, resp, id);
            return;
        }
        if (!sub.isEmpty()) {
            Pages.message(req, resp, 404, Text.of("error.404.title"), Text.of("error.404.text"));
            return;
        }
        manage(req, resp, event.get(), formOf(event.get()), List.of(), null, 200);
    }

    /** The roster as CSV: every registration, queued order, with the current link's Resonite account. */
    private void rosterCsv(HttpServletRequest req, HttpServletResponse resp, String id) throws IOException {
        resp.setContentType("text/csv;charset=UTF-8");
        resp.setHeader("Content-Disposition", "attachment; filename=\"roster-" + id + ".csv\"");
        java.io.PrintWriter out = resp.getWriter();
        out.print(Csv.header(req, "roster", "site_user", "resonite_id", "resonite_username", "status", "ticket",
                "queued_at", "registered_at", "first_admitted_at"));
        int offset = 0;
        List<Registrations.RosterEntry> page;
        do {
            page = registrations.roster(id, offset, 500);
            for (Registrations.RosterEntry r : page) {
                out.print(Csv.row(r.principal(), r.resoniteId(), r.username(), r.status().toLowerCase(java.util.Locale.ROOT),
                        r.ticketId(), r.queuedAt(), r.registeredAt(), r.firstAdmittedAt()));
            }
            offset += page.size();
        } while (page.size() == 500);
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        if (Pages.refusedForm(req, resp, Text.of("form.expired.events"))) {
            return;
        }
        String organizer = req.getUserPrincipal().getName();
        String id = idOf(req);
        Map<String, String> form = form(req);
        if (id == null) {
            EventForms.Result result = EventForms.read(form);
            if (!result.valid()) {
                list(req, resp, form, result.problems(), 400);
                return;
            }
            Event created = events.create(result.details(), organizer, Pages.requestId());
            resp.sendRedirect(req.getContextPath() + "/organizer/events/" + created.id() + "?created");
            return;
        }
        Optional<Event> event = events.find(id);
        if (event.isEmpty()) {
            Pages.message(req, resp, 404, Text.of("event.none.title"), Text.of("organizer.event.none"));
            return;
        }
        String action = req.getParameter("action");
        String requestId = Pages.requestId();
        switch (action == null ? "" : action) {
            case "save" -> {
                EventForms.Result result = EventForms.read(form);
                if (!result.valid()) {
                    manage(req, resp, event.get(), form, result.problems(), null, 400);
                    return;
                }
                try {
                    events.change(id, result.details(), organizer, requestId);
                } catch (Events.CapacityBelowRegistrations e) {
                    manage(req, resp, event.get(), form, List.of(Text.of("organizer.event.capacityBelow", e.registered())), null, 409);
                    return;
                }
                resp.sendRedirect(req.getContextPath() + "/organizer/events/" + id + "?saved");
            }
            case "publish", "close", "cancel", "draft" -> {
                events.setStatus(id, switch (action) {
                    case "publish" -> Event.Status.PUBLISHED;
                    case "close" -> Event.Status.CLOSED;
                    case "cancel" -> Event.Status.CANCELLED;
                    default -> Event.Status.DRAFT;
                }, organizer, requestId);
                resp.sendRedirect(req.getContextPath() + "/organizer/events/" + id + "?status");
            }
            case "rotate-key" -> {
                String key = events.newAdmissionKey(id, organizer, requestId).orElseThrow();
                Event current = events.find(id).orElseThrow();
                manage(req, resp, current, formOf(current), List.of(), key, 200);
            }
            case "tickets", "tickets-csv" -> {
                Integer count = count(req.getParameter("count"));
                if (count == null) {
                    manage(req, resp, event.get(), formOf(event.get()), List.of(Text.of("organizer.event.ticketCount", Tickets.MAX_BATCH)), null, 400);
                    return;
                }
                List<String> codes = tickets.generate(id, count, organizer, requestId);
                if (action.equals("tickets-csv")) {
                    resp.setContentType("text/csv;charset=UTF-8");
                    resp.setHeader("Content-Disposition", "attachment; filename=\"tickets-" + id + ".csv\"");
                    resp.getWriter().print(Csv.header(req, "tickets", "ticket_code", "event"));

                    for (String code : codes) {
                        resp.getWriter().print(Csv.row(code, id));
                    }
                    return;
                }
                req.setAttribute("newCodes", codes);
                manage(req, resp, event.get(), formOf(event.get()), List.of(), null, 200);
            }
            case "void-ticket" -> {
                boolean voided = tickets.voidTicket(id, String.valueOf(req.getParameter("ticket")), organizer, requestId);
                resp.sendRedirect(req.getContextPath() + "/organizer/events/" + id + (voided ? "?voided" : "?notVoided"));
            }
            case "invites" -> {
                Invites.Parsed parsed = Invites.parse(req.getParameter("invites"));
                if (!parsed.problems().isEmpty()) {
                    manage(req, resp, event.get(), formOf(event.get()), parsed.problems(), null, 400);
                    return;
                }
                invites.replace(id, parsed.entries(), organizer, requestId);
                resp.sendRedirect(req.getContextPath() + "/organizer/events/" + id + "?invites");
            }
            case "remove", "readmit" -> {
                String registration = String.valueOf(req.getParameter("registration"));
                String reason = req.getParameter("reason");
                if (action.equals("remove") && (reason == null || reason.isBlank() || reason.length() > 500)) {
                    manage(req, resp, event.get(), formOf(event.get()), List.of(Text.of("organizer.event.reasonNeeded", 500)), null, 400);
                    return;
                }
                boolean done = action.equals("remove")
                        ? registrations.remove(id, registration, reason.strip(), organizer, requestId)
                        : registrations.readmit(id, registration, organizer, requestId);
                resp.sendRedirect(req.getContextPath() + "/organizer/events/" + id + (done ? "?" + action : "?unchanged"));
            }
            default -> Pages.message(req, resp, 400, Text.of("action.unknown.title"), Text.of("action.unknown.text"));
        }
    }

    /** The event id in {@code /organizer/events/{id}[/...]}, or null for the list. */
    private static String idOf(HttpServletRequest req) {
        String path = req.getPathInfo();
        if (path == null || path.equals("/")) {
            return null;
        }
        int slash = path.indexOf('/', 1);
        return slash < 0 ? path.substring(1) : path.substring(1, slash);
    }

    /** What follows the id ({@code roster.csv}), or "". */
    private static String subOf(HttpServletRequest req) {
        String path = req.getPathInfo();
        int slash = path.indexOf('/', 1);
        return slash < 0 ? "" : path.substring(slash + 1);
    }

    private static Integer count(String raw) {
        try {
            int count = Integer.parseInt(raw == null ? "" : raw.strip());
            return count >= 1 && count <= Tickets.MAX_BATCH ? count : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Map<String, String> form(HttpServletRequest req) {
        Map<String, String> form = new HashMap<>();
        for (String field : FIELDS) {
            String value = req.getParameter(field);
            if (value != null) {
                form.put(field, value);
            }
        }
        return form;
    }

    private static Map<String, String> formOf(Event event) {
        EventDetails d = event.details();
        Map<String, String> form = new HashMap<>();
        form.put("title", d.title());
        form.put("description", d.description());
        form.put("location", d.location());
        form.put("timeZone", d.timeZone().getId());
        form.put("startsAt", EventView.inputValue(d.startsAt(), d.timeZone()));
        form.put("endsAt", EventView.inputValue(d.endsAt(), d.timeZone()));
        form.put("opensAt", EventView.inputValue(d.opensAt(), d.timeZone()));
        form.put("closesAt", EventView.inputValue(d.closesAt(), d.timeZone()));
        form.put("capacity", d.capacity() == null ? "" : String.valueOf(d.capacity()));
        if (d.listed()) {
            form.put("listed", "on");
        }
        if (d.supportersOnly()) {
            form.put("supportersOnly", "on");
        }
        if (d.ticketRequired()) {
            form.put("ticketRequired", "on");
        }
        if (d.inviteOnly()) {
            form.put("inviteOnly", "on");
        }
        return form;
    }

    private void list(HttpServletRequest req, HttpServletResponse resp, Map<String, String> form, List<Text> problems,
                      int status) throws ServletException, IOException {
        req.setAttribute("events", events.all().stream().map(e -> EventView.of(e, clock.instant())).toList());
        req.setAttribute("form", form);
        req.setAttribute("problems", problems);
        Pages.render(req, resp, "organizer-events", status);
    }

    private void manage(HttpServletRequest req, HttpServletResponse resp, Event event, Map<String, String> form,
                        List<Text> problems, String newKey, int status) throws ServletException, IOException {
        req.setAttribute("event", EventView.of(event, clock.instant()));
        req.setAttribute("roster", registrations.roster(event.id(), 0, 500));
        req.setAttribute("rosterSize", registrations.rosterSize(event.id()));
        req.setAttribute("tickets", tickets.of(event.id()));
        req.setAttribute("invites", String.join("\n", invites.of(event.id())));
        req.setAttribute("hasKey", event.admissionKeyHash() != null);
        req.setAttribute("newKey", newKey);
        req.setAttribute("form", form);
        req.setAttribute("problems", problems);
        Pages.render(req, resp, "organizer-event", status);
    }
}
