package dev.resonitelink.ops.boundary;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code GET /api/ping}: {@code ok}, from the same JAX-RS stack as the admission check but without a key or the
 * database. A world can call it to tell "the site cannot be reached" (no answer) from "not admitted" before it
 * applies its own rule for an unreachable site; the benchmark measures it beside the admission check as the floor a
 * JAX-RS call of this WAR costs on its server.
 */
@Path("ping")
public class PingResource {

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "Answers ok: the site is reachable")
    public String ping() {
        return "ok";
    }
}
