package dev.resonitelink;

import jakarta.json.Json;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The JSON error body every API resource answers with: {@code {"error": code, "message": text}}, never cached. */
public final class ApiErrors {

    private ApiErrors() {
    }

    public static Response.ResponseBuilder of(Response.Status status, String code, String message) {
        return Response.status(status)
                .entity(Json.createObjectBuilder().add("error", code).add("message", message).build())
                .type(MediaType.APPLICATION_JSON)
                .header("Cache-Control", "no-store");
    }
}
