package dev.resonitelink.organizer.boundary;

import dev.resonitelink.web.Text;
import dev.resonitelink.web.Pages;
import dev.resonitelink.webhook.boundary.Outbox;
import dev.resonitelink.webhook.boundary.WebhookEndpoints;
import dev.resonitelink.webhook.entity.WebhookEndpoint;
import dev.resonitelink.webhook.entity.WebhookEventType;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The organizers' webhook endpoints ({@code /organizer/webhooks}): the list and a form for a new one (whose secret the
 * next page shows once), and per endpoint ({@code /organizer/webhooks/<id>}) its last deliveries and the buttons:
 * enable, disable, rotate the secret, send a test event, delete. Only organizers reach it (the organizer filter).
 */
@WebServlet(urlPatterns = {"/organizer/webhooks", "/organizer/webhooks/*"})
public class WebhooksServlet extends HttpServlet {

    static final int DELIVERIES_SHOWN = 50;

    @Inject
    WebhookEndpoints endpoints;

    @Inject
    Outbox outbox;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String id = endpointId(req);
        if (id == null) {
            list(req, resp, 200);
            return;
        }
        Optional<WebhookEndpoint> endpoint = endpoints.find(id);
        if (endpoint.isEmpty()) {
            Pages.message(req, resp, 404, Text.of("webhook.none.title"), Text.of("webhook.none.text"));
            return;
        }
        show(req, resp, endpoint.get(), 200);
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        if (Pages.refusedForm(req, resp, Text.of("form.expired.webhooks"))) {
            return;
        }
        String organizer = Pages.principal(req).name();
        String id = endpointId(req);
        if (id == null) {
            String[] types = req.getParameterValues("eventType");
            WebhookEndpoints.Created created = endpoints.create(req.getParameter("url"),
                    req.getParameter("description") == null ? "" : req.getParameter("description"),
                    types == null ? List.of() : List.of(types), organizer, Pages.requestId());
            if (created.problem() != null) {
                req.setAttribute("error", created.problem());
                req.setAttribute("url", req.getParameter("url"));
                req.setAttribute("description", req.getParameter("description"));
                list(req, resp, 400);
                return;
            }
            req.setAttribute("secret", created.secret());
            show(req, resp, created.endpoint(), 201);
            return;
        }
        if (endpoints.find(id).isEmpty()) {
            Pages.message(req, resp, 404, Text.of("webhook.none.title"), Text.of("webhook.none.text"));
            return;
        }
        String action = req.getParameter("action") == null ? "" : req.getParameter("action");
        switch (action) {
            case "enable", "disable" -> endpoints.setEnabled(id, action.equals("enable"), organizer, Pages.requestId());
            case "test" -> outbox.publishTest(id, organizer);
            case "rotate" -> {
                req.setAttribute("secret", endpoints.rotateSecret(id, organizer, Pages.requestId()).orElse(null));
                show(req, resp, endpoints.find(id).orElseThrow(), 200);
                return;
            }
            case "delete" -> {
                endpoints.delete(id, organizer, Pages.requestId());
                resp.sendRedirect(req.getContextPath() + "/organizer/webhooks?deleted");
                return;
            }
            default -> {
                Pages.message(req, resp, 400, Text.of("webhook.action.title"), Text.of("webhook.action.text"));

                return;
            }
        }
        resp.sendRedirect(req.getContextPath() + "/organizer/webhooks/" + id + "?" + action);
    }

    /** The endpoint id from the path, or null for the list; an id of another shape names no endpoint. */
    private static String endpointId(HttpServletRequest req) {
        String info = req.getPathInfo();
        if (info == null || info.equals("/")) {
            return null;
        }
        String id = info.substring(1);
        return id.matches("[0-9a-f-]{36}") ? id : "-";
    }

    private void list(HttpServletRequest req, HttpServletResponse resp, int status) throws ServletException, IOException {
        req.setAttribute("endpoints", endpoints.all());
        req.setAttribute("types", WebhookEventType.subscribable().stream().map(WebhookEventType::wire).toList());
        resp.setHeader("Cache-Control", "no-store");
        Pages.render(req, resp, "webhooks", status);
    }

    private void show(HttpServletRequest req, HttpServletResponse resp, WebhookEndpoint endpoint, int status)
            throws ServletException, IOException {
        req.setAttribute("endpoint", endpoint);
        req.setAttribute("deliveries", endpoints.lastDeliveries(endpoint.id(), DELIVERIES_SHOWN));
        resp.setHeader("Cache-Control", "no-store");
        Pages.render(req, resp, "webhook", status);
    }
}
