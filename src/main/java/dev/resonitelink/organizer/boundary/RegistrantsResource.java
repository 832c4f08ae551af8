package dev.resonitelink.organizer.boundary;

import dev.resonitelink.organizer.entity.RegistrantPage;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The registrant list as JSON for other services. Never public: an organizer's session, or
 * {@code Authorization: Bearer <token>} with the token configured as {@code resonite-link.api-token} (a secret, from the
 * environment; unset means no token works).
 */
@Path("registrants")
@Produces(MediaType.APPLICATION_JSON)
public class RegistrantsResource {


    @Inject
    Registrants registrants;

    @Inject
    OrganizerApiAccess access;

    @GET
    @Operation(summary = "Local users with their Resonite links, searchable and paged (organizers or API token)")
    @SecurityRequirement(name = "session")
    @SecurityRequirement(name = "apiToken")
    @APIResponse(responseCode = "200", description = "One page of registrants",
            content = @Content(schema = @Schema(implementation = RegistrantPage.class)))
    @APIResponse(responseCode = "401", description = "Neither an organizer's session nor the API token")
    @APIResponse(responseCode = "403", description = "Signed in, but not an organizer")
    public Response list(@Context SecurityContext security,
                         @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                         @Parameter(description = "matched against local name, Resonite username and id")
                         @QueryParam("q") String query,
                         @Parameter(description = "from 1") @QueryParam("page") @DefaultValue("1") int page,
                         @Parameter(description = "1 to 100") @QueryParam("size") @DefaultValue("50") int size,
                         @Parameter(description = "only linked users") @QueryParam("linked") @DefaultValue("false")
                         boolean linkedOnly) {
        Optional<Response> refused = access.refused(security, authorization);
        if (refused.isPresent()) {
            return refused.get();
        }
        RegistrantPage result = registrants.find(query, page, size, linkedOnly);
        return Response.ok(result).header("Cache-Control", "no-store").build();
    }
}
