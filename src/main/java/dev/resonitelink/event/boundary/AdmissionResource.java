package dev.resonitelink.event.boundary;

import dev.resonitelink.ResoniteUserId;
import dev.resonitelink.ApiErrors;
import dev.resonitelink.account.boundary.ClientAddresses;
import dev.resonitelink.event.entity.Admission;
import dev.resonitelink.ops.control.BoundedLog;
import dev.resonitelink.ops.control.FlowMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The admission check for Resonite worlds ({@code /api/events/{id}/admission/{resoniteUserId}}) and the list of
 * admitted ids ({@code /api/events/{id}/admission-list}). The event's admission key comes as
 * {@code Authorization: Bearer <key>} or, for ProtoFlux that cannot set headers, as {@code ?key=} (which then sits in
 * the world and in access logs: a key of its own per event, rotatable, only able to ask this question). An unknown
 * event and a wrong key are both 404, so the answer does not tell which events exist. One instance serves every
 * call (the hot path: nothing is built per call, and the bounded log of decisions is really bounded), with the
 * request as a parameter rather than a proxy looked up at each use.
 */
@Path("events/{id}")
@ApplicationScoped
public class AdmissionResource {

    private static final Logger LOG = Logger.getLogger(AdmissionResource.class.getName());
    /** Resonite user ids: {@code U-} and letters, digits, {@code _} or {@code -}. */

    private final BoundedLog decisions = new BoundedLog(LOG, 30);

    @Inject
    Admissions admissions;

    @Inject
    FlowMetrics metrics;

    @Inject
    AdmissionLimits limits;

    @Inject
    ClientAddresses clientAddresses;

    @GET
    @Path("admission/{resoniteId}")
    @Operation(summary = "Whether a Resonite user may join the event now: admit, deny or waitlisted")
    @APIResponse(responseCode = "200", description = "text/plain, one word (reason in the Admission-Reason header);"
            + " JSON with Accept: application/json")
    @APIResponse(responseCode = "400", description = "Not a Resonite user id")
    @APIResponse(responseCode = "404", description = "No such event, or not its admission key")
    public Response admission(@PathParam("id") String eventId, @PathParam("resoniteId") String resoniteId,
                              @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                              @Parameter(description = "the admission key, when no Authorization header can be sent")
                              @QueryParam("key") String key,
                              @Parameter(hidden = true) @HeaderParam(HttpHeaders.ACCEPT) String accept,
                              @Context HttpServletRequest request) {
        boolean wellFormed = ResoniteUserId.valid(resoniteId);
        Gate gate = gate(request, eventId, authorization, key, wellFormed ? resoniteId : null);
        if (gate.refusal() != null) {
            return gate.refusal();
        }
        if (!wellFormed) {
            return ApiErrors.of(Response.Status.BAD_REQUEST, "bad_resonite_id",
                    "Not a Resonite user id (U-...).").build();
        }
        Admission admission = admissions.check(gate.event(), resoniteId);
        metrics.admission(admission.decision(), admission.reason());
        if (LOG.isLoggable(Level.FINE)) {
            decisions.log(Level.FINE, "admission " + eventId + " " + resoniteId + ": " + admission.decision() + " ("
                    + admission.reason() + ")");
        }
        Response.ResponseBuilder answer = accept != null && accept.contains(MediaType.APPLICATION_JSON)
                ? Response.ok(Json.createObjectBuilder().add("decision", admission.decision())
                        .add("reason", admission.reason()).add("event", eventId).add("resoniteId", resoniteId).build(),
                MediaType.APPLICATION_JSON)
                : Response.ok(admission.decision(), MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"));
        return answer.header("Admission-Reason", admission.reason()).header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("admission-list")
    @Operation(summary = "Every Resonite id admitted now, one per line (for worlds that load the list once)")
    @APIResponse(responseCode = "200", description = "text/plain, one id per line")
    @APIResponse(responseCode = "404", description = "No such event, or not its admission key")
    public Response admissionList(@PathParam("id") String eventId,
                                  @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                  @QueryParam("key") String key, @Context HttpServletRequest request) {
        Gate gate = gate(request, eventId, authorization, key, null);
        if (gate.refusal() != null) {
            return gate.refusal();
        }
        StringBuilder list = new StringBuilder();
        admissions.admittedIds(gate.event()).forEach(id -> list.append(id).append('\n'));
        return Response.ok(list.toString(), MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store").build();
    }

    /** The event a caller may ask about, or the answer that refuses the call. */
    private record Gate(Admissions.Lookup event, Response refusal) {
    }

    /**
     * The rate limits and the key, in that order, for both admission endpoints. Limits are cluster-wide: every call
     * counts for its client address, wrong keys too, against probing; a call with the event's right key also counts
     * for that key, so wrong keys can never use up a world's allowance.
     */
    private Gate gate(HttpServletRequest request, String eventId, String authorization, String key, String resoniteId) {
        Optional<java.time.Duration> wait = limits.countAddress(clientAddresses.of(request));
        if (wait.isPresent()) {
            return new Gate(null, tooMany(wait.get()));
        }
        Optional<Admissions.Lookup> event = admissions.lookup(eventId, key(authorization, key), resoniteId);
        if (event.isEmpty()) {
            return new Gate(null, notFound());
        }
        wait = limits.countKey(eventId);
        return wait.map(w -> new Gate(null, tooMany(w))).orElseGet(() -> new Gate(event.get(), null));
    }

    private static Response tooMany(java.time.Duration wait) {
        return ApiErrors.of(Response.Status.TOO_MANY_REQUESTS, "too_many_requests",
                "Too many admission checks: try again in a moment.").header("Retry-After", Math.max(1, wait.toSeconds()))
                .build();
    }

    private static String key(String authorization, String key) {
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).trim();
        }
        return key;
    }

    private static Response notFound() {
        return ApiErrors.of(Response.Status.NOT_FOUND, "not_found", "No such event, or not its admission key.").build();
    }
}
