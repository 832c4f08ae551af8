package dev.resonitelink.event.boundary;

import dev.resonitelink.SitePrincipal;
import dev.resonitelink.event.entity.Event;
import dev.resonitelink.event.entity.EventView;
import dev.resonitelink.event.entity.Registration;
import dev.resonitelink.link.boundary.AccountLinks;
import dev.resonitelink.link.entity.LinkView;
import dev.resonitelink.web.Pages;
import dev.resonitelink.web.Text;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
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
        Pages.message(req, resp, 404, Text.of("event.none.title"), Text.of("event.none.text"));
    }

    /** One event's page with the caller's state; {@code outcome} names what the caller's last action did, if any. */
    public void show(HttpServletRequest req, HttpServletResponse resp, String id, Registrations.Outcome outcome, int status)
            throws ServletException, IOException {
        Optional<Event> event = events.find(id).filter(e -> e.status() != Event.Status.DRAFT);
        if (event.isEmpty()) {
            noSuchEvent(req, resp);
            return;
        }
        req.setAttribute("event", EventView.of(event.get(), clock.instant()));
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
            req.setAttribute("outcomeText", Text.of("event.outcome." + outcome.name()));
        }
        Pages.render(req, resp, "event", status);
    }
}
