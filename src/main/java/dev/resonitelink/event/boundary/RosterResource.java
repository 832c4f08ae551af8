package dev.resonitelink.event.boundary;

import dev.resonitelink.ApiErrors;
import dev.resonitelink.organizer.boundary.OrganizerApiAccess;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * An event's roster as JSON for other services ({@code GET /api/events/{id}/registrations}): the same access as the
 * registrants API (an organizer's session or the API token), paged.
 */
@Path("events/{id}/registrations")
@Produces(MediaType.APPLICATION_JSON)
public class RosterResource {

    static final int MAX_PAGE_SIZE = 100;

    @Inject
    OrganizerApiAccess access;

    @Inject
    Events events;

    @Inject
    Registrations registrations;

    @GET
    @Operation(summary = "An event's registrations, in queued order, paged (organizers or API token)")
    @SecurityRequirement(name = "session")
    @SecurityRequirement(name = "apiToken")
    @APIResponse(responseCode = "200", description = "One page of registrations")
    @APIResponse(responseCode = "401", description = "Neither an organizer's session nor the API token")
    @APIResponse(responseCode = "404", description = "No such event")
    public Response list(@Context SecurityContext security, @PathParam("id") String id,
                         @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                         @Parameter(description = "from 1") @QueryParam("page") @DefaultValue("1") int page,
                         @Parameter(description = "1 to 100") @QueryParam("size") @DefaultValue("50") int size) {
        Optional<Response> refused = access.refused(security, authorization);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (events.find(id).isEmpty()) {
            return ApiErrors.of(Response.Status.NOT_FOUND, "not_found", "No such event.").build();
        }
        int pageSize = Math.max(1, Math.min(MAX_PAGE_SIZE, size));
        int pageNumber = Math.max(1, Math.min(1_000_000, page));
        List<Registrations.RosterEntry> entries = registrations.roster(id, (pageNumber - 1) * pageSize, pageSize);
        long total = registrations.rosterSize(id);
        JsonArrayBuilder items = Json.createArrayBuilder();
        for (Registrations.RosterEntry r : entries) {
            JsonObjectBuilder item = Json.createObjectBuilder().add("siteUser", r.principal())
                    .add("status", r.status().toLowerCase(java.util.Locale.ROOT));
            add(item, "resoniteId", r.resoniteId());
            add(item, "resoniteUsername", r.username());
            add(item, "ticket", r.ticketId());
            add(item, "queuedAt", r.queuedAt());
            add(item, "registeredAt", r.registeredAt());
            add(item, "firstAdmittedAt", r.firstAdmittedAt());
            items.add(item);
        }
        return Response.ok(Json.createObjectBuilder().add("items", items).add("page", pageNumber).add("size", pageSize)
                .add("total", total).build()).header("Cache-Control", "no-store").build();
    }

    private static void add(JsonObjectBuilder item, String name, Object value) {
        if (value == null) {
            item.addNull(name);
        } else {
            item.add(name, value instanceof Instant instant ? instant.toString() : value.toString());
        }
    }
}
