package dev.resonitelink.privacy.boundary;

import dev.resonitelink.ApiErrors;
import dev.resonitelink.SitePrincipal;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The signed-in user's data export as JSON, for the user's own tools (the same document as the account page's download). */
@Path("me/export")
@Produces(MediaType.APPLICATION_JSON)
public class ExportResource {

    @Inject
    DataExport export;

    @GET
    @Operation(summary = "Everything stored about the signed-in user (docs/privacy.md describes every field)")
    @SecurityRequirement(name = "session")
    @APIResponse(responseCode = "200", description = "The export")
    @APIResponse(responseCode = "401", description = "Not signed in")
    public Response mine(@Context SecurityContext security) {
        if (security.getUserPrincipal() == null) {
            return ApiErrors.of(Response.Status.UNAUTHORIZED, "not_signed_in", "Sign in first.").build();
        }
        JsonObject document = export.of(new SitePrincipal(security.getUserPrincipal().getName()));
        return Response.ok(document.toString(), MediaType.APPLICATION_JSON_TYPE).header("Cache-Control", "no-store")
                .build();
    }
}
