package dev.resonitelink.event.boundary;

import dev.resonitelink.SitePrincipal;
import dev.resonitelink.event.entity.Event;
import dev.resonitelink.event.entity.EventView;
import dev.resonitelink.event.entity.Registration;
import dev.resonitelink.link.boundary.AccountLinks;
import dev.resonitelink.link.entity.LinkView;
import dev.resonitelink.web.Pages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/** An event's page for attendees ({@code event.jte}), shown by {@link EventsServlet} and {@link RegisterServlet}. */
@ApplicationScoped
public class EventPages {

    @Inject
    Events events;

    @Inject
    Registrations registrations;

    @Inject
    AccountLinks links;

    Clock clock = Clock.systemUTC();

    /** The one answer for an event id that names nothing the caller may see (a draft, for attendees, included). */
    static void noSuchEvent(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        Pages.message(req, resp, 404, "No such event", "There is no event at this address, or it is not published.");
    }

    /** One event's page with the caller's state; {@code outcome} names what the caller's last action did, if any. */
    public void show(HttpServletRequest req, HttpServletResponse resp, String id, Registrations.Outcome outcome, int status)
            throws ServletException, IOException {
        Optional<Event> event = events.find(id).filter(e -> e.status() != Event.Status.DRAFT);
        if (event.isEmpty()) {
            noSuchEvent(req, resp);
            return;
        }
        req.setAttribute("event", EventView.of(event.get(), clock.instant(), readerZone(req)));
        if (req.getUserPrincipal() != null) {
            String principal = req.getUserPrincipal().getName();
            Optional<LinkView> link = links.view(new SitePrincipal(principal));
            req.setAttribute("linked", link.isPresent());
            // an event for supporters reads the Patreon state, which only a link with that permission has
            req.setAttribute("askPatreon", event.get().details().supportersOnly() && link.isPresent()
                    && (outcome == Registrations.Outcome.NOT_A_SUPPORTER || !link.get().scopes().contains("patreon")));
            req.setAttribute("registration", registrations.find(id, principal)
                    .map(Registration::status).map(Enum::name).orElse(null));
        }
        if (outcome != null) {
            req.setAttribute("outcome", outcome.name());
            req.setAttribute("outcomeText", TEXTS.get(outcome));
        }
        Pages.render(req, resp, "event", status);
    }

    /** The reader's time zone, from the cookie {@code timezone.js} sets; null when absent or not a zone. */
    static java.time.ZoneId readerZone(HttpServletRequest req) {
        if (req.getCookies() == null) {
            return null;
        }
        for (jakarta.servlet.http.Cookie cookie : req.getCookies()) {
            String value = cookie.getValue();
            if (cookie.getName().equals("tz") && value != null && value.length() <= 64
                    && java.time.ZoneId.getAvailableZoneIds().contains(value)) {
                return java.time.ZoneId.of(value);
            }
        }
        return null;
    }

    /** Each outcome of a registration attempt in words for the person. */
    static final Map<Registrations.Outcome, String> TEXTS = Map.ofEntries(
            Map.entry(Registrations.Outcome.REGISTERED, "You are registered. The world admits you by your linked"
                    + " Resonite account."),
            Map.entry(Registrations.Outcome.WAITLISTED, "The event is full: you are on the waitlist, and move up in order"
                    + " when someone cancels."),
            Map.entry(Registrations.Outcome.ALREADY_REGISTERED, "You are registered already."),
            Map.entry(Registrations.Outcome.ALREADY_WAITLISTED, "You are on the waitlist already."),
            Map.entry(Registrations.Outcome.REMOVED_BY_ORGANIZER, "An organizer removed your registration. Ask the"
                    + " organizers if you think this is a mistake."),
            Map.entry(Registrations.Outcome.NOT_LINKED, "Link your Resonite account first: the world admits you by it."),
            Map.entry(Registrations.Outcome.NOT_A_SUPPORTER, "This event is for active Resonite supporters on Patreon."
                    + " If you are one, link your account again with the Patreon permission."),
            Map.entry(Registrations.Outcome.NOT_INVITED, "This event is by invitation, and your linked Resonite account"
                    + " is not on its list. If you were invited under another account, link that one."),
            Map.entry(Registrations.Outcome.TICKET_NEEDED, "This event needs a ticket: enter your ticket code."),
            Map.entry(Registrations.Outcome.TICKET_INVALID, "That ticket code is not valid for this event: it is"
                    + " unknown, used already, or was withdrawn. Check the code, or ask where you bought it."),
            Map.entry(Registrations.Outcome.NOT_OPEN_YET, "Registration has not opened yet."),
            Map.entry(Registrations.Outcome.CLOSED, "Registration is closed."),
            Map.entry(Registrations.Outcome.NO_SUCH_EVENT, "There is no such event."));
}
