package dev.resonitelink.organizer.boundary;

import dev.resonitelink.ApiErrors;
import dev.resonitelink.web.Pages;
import dev.resonitelink.webhook.boundary.Outbox;
import dev.resonitelink.webhook.boundary.WebhookEndpoints;
import dev.resonitelink.webhook.entity.WebhookEndpoint;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The webhook endpoints through the API, for organizers' tools: list, create (the secret is in this answer only),
 * read with the last deliveries, enable, disable, rotate the secret, send a test event, delete (all changes are
 * POSTs: the application takes no other methods). An organizer's
 * session or the API token ({@link OrganizerApiAccess}); changes made with the token are audited as
 * {@value #BY_API_TOKEN}.
 */
@Path("webhooks")
@Produces(MediaType.APPLICATION_JSON)
public class WebhooksResource {

    static final String BY_API_TOKEN = "(api token)";

    @Inject
    OrganizerApiAccess access;

    @Inject
    WebhookEndpoints endpoints;

    @Inject
    Outbox outbox;

    @GET
    @Operation(summary = "The webhook endpoints")
    @SecurityRequirement(name = "session")
    public Response list(@Context SecurityContext security, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return access.refused(security, authorization).orElseGet(() -> Response.ok(endpoints.all())
                .header("Cache-Control", "no-store").build());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "A new webhook endpoint: {url, description, eventTypes: [...]}; the answer holds its secret, once")
    @SecurityRequirement(name = "session")
    public Response create(@Context SecurityContext security, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                           String body) {
        return access.refused(security, authorization).orElseGet(() -> createFrom(actor(security), body));
    }

    private Response createFrom(String actor, String body) {
        JsonObject request;
        try {
            request = Json.createReader(new java.io.StringReader(body == null ? "" : body)).readObject();
        } catch (RuntimeException e) {
            return invalid("The body must be a JSON object: {\"url\": ..., \"description\": ..., \"eventTypes\": [...]}.");
        }
        String url = text(request, "url");
        String description = text(request, "description");
        List<String> types = request.get("eventTypes") instanceof JsonArray array ? array.stream()
                .filter(JsonString.class::isInstance).map(v -> ((JsonString) v).getString()).toList() : List.of();
        WebhookEndpoints.Created created = endpoints.create(url, description == null ? "" : description, types,
                actor, Pages.requestId());
        if (created.problem() != null) {
            return invalid(dev.resonitelink.web.Texts.of(java.util.Locale.ENGLISH).get(created.problem()));
        }
        return Response.status(Response.Status.CREATED).entity(Json.createObjectBuilder()
                        .add("id", created.endpoint().id()).add("secret", created.secret()).build())
                .header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One endpoint and its last deliveries")
    @SecurityRequirement(name = "session")
    public Response one(@Context SecurityContext security, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                        @PathParam("id") String id) {
        return access.refused(security, authorization).orElseGet(() -> withDeliveries(id));
    }

    private Response withDeliveries(String id) {
        Optional<WebhookEndpoint> endpoint = endpoints.find(id);
        if (endpoint.isEmpty()) {
            return notFound();
        }
        return Response.ok(new EndpointWithDeliveries(endpoint.get(), endpoints.lastDeliveries(id, 50)))
                .header("Cache-Control", "no-store").build();
    }

    /** The JSON of one endpoint with its deliveries. */
    public record EndpointWithDeliveries(WebhookEndpoint endpoint,
                                         List<dev.resonitelink.webhook.entity.WebhookDelivery> deliveries) {
    }

    @POST
    @Path("{id}/{action}")
    @Operation(summary = "enable, disable, rotate (the answer holds the new secret, once), test or delete")
    @SecurityRequirement(name = "session")
    public Response act(@Context SecurityContext security, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                        @PathParam("id") String id, @PathParam("action") String action) {
        return access.refused(security, authorization).orElseGet(() -> perform(actor(security), id, action));
    }

    private Response perform(String actor, String id, String action) {
        if (endpoints.find(id).isEmpty()) {
            return notFound();
        }
        return switch (action) {
            case "enable", "disable" -> {
                endpoints.setEnabled(id, action.equals("enable"), actor, Pages.requestId());
                yield Response.noContent().build();
            }
            case "rotate" -> Response.ok(Json.createObjectBuilder().add("secret",
                    endpoints.rotateSecret(id, actor, Pages.requestId()).orElseThrow()).build())
                    .header("Cache-Control", "no-store").build();
            case "delete" -> {
                endpoints.delete(id, actor, Pages.requestId());
                yield Response.noContent().build();
            }
            case "test" -> Response.accepted(Json.createObjectBuilder().add("messageId", outbox.publishTest(id, actor))
                    .build()).build();
            default -> ApiErrors.of(Response.Status.NOT_FOUND, "no_such_action",
                    "Actions: enable, disable, rotate, test, delete.").build();
        };
    }

    private static String actor(SecurityContext security) {
        return security.getUserPrincipal() != null ? security.getUserPrincipal().getName() : BY_API_TOKEN;
    }

    private static String text(JsonObject object, String name) {
        JsonValue value = object.get(name);
        return value instanceof JsonString string ? string.getString() : null;
    }

    private static Response invalid(String message) {
        return ApiErrors.of(Response.Status.BAD_REQUEST, "invalid_webhook", message).build();
    }

    private static Response notFound() {
        return ApiErrors.of(Response.Status.NOT_FOUND, "no_such_endpoint", "No webhook endpoint of that id.").build();
    }
}
