package dev.resonitelink.link.boundary;

import dev.resonitelink.SitePrincipal;
import dev.resonitelink.ApiErrors;
import dev.resonitelink.link.entity.LinkView;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The link state as JSON, for the UI and for other services. */
@Path("me/link")
@Produces(MediaType.APPLICATION_JSON)
public class LinksResource {

    @Inject
    AccountLinks links;

    @GET
    @Operation(summary = "The signed-in user's Resonite link")
    @SecurityRequirement(name = "session")
    @APIResponse(responseCode = "200", description = "The link",
            content = @Content(schema = @Schema(implementation = LinkView.class)))
    @APIResponse(responseCode = "401", description = "Not signed in")
    @APIResponse(responseCode = "404", description = "No Resonite account is linked")
    public Response mine(@Context SecurityContext security) {
        if (security.getUserPrincipal() == null) {
            return ApiErrors.of(Response.Status.UNAUTHORIZED, "not_signed_in", "Sign in first.").build();
        }
        Optional<LinkView> link = links.view(new SitePrincipal(security.getUserPrincipal().getName()));
        return link.map(view -> Response.ok(view).header("Cache-Control", "no-store").build())
                .orElseGet(() -> ApiErrors.of(Response.Status.NOT_FOUND, "not_linked", "No Resonite account is linked.")
                        .build());
    }
}
