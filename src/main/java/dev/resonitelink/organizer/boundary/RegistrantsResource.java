package dev.resonitelink.organizer.boundary;

import dev.resonitelink.ApiErrors;
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
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import dev.resonitelink.settings.Settings;
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
    Settings settings;

    @Inject
    OrganizerGrants grants;

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
        boolean organizer = security.getUserPrincipal() != null && grants.isOrganizer(security.getUserPrincipal().getName());
        if (!organizer && !validToken(authorization)) {
            boolean signedIn = security.getUserPrincipal() != null;
            return ApiErrors.of(signedIn ? Response.Status.FORBIDDEN : Response.Status.UNAUTHORIZED,
                            signedIn ? "forbidden" : "unauthorized",
                            "Organizers only: sign in as an organizer or send the API token.")
                    .header("WWW-Authenticate", "Bearer realm=\"resonite-link\"").build();
        }
        RegistrantPage result = registrants.find(query, page, size, linkedOnly);
        return Response.ok(result).header("Cache-Control", "no-store").build();
    }

    private boolean validToken(String authorization) {
        Optional<String> configured = Optional.ofNullable(settings.organizers().apiToken());
        if (configured.isEmpty() || authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        return MessageDigest.isEqual(configured.get().getBytes(StandardCharsets.UTF_8),
                authorization.substring("Bearer ".length()).trim().getBytes(StandardCharsets.UTF_8));
    }
}
