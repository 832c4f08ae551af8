package dev.resonitelink.organizer.boundary;

import dev.resonitelink.ApiErrors;
import dev.resonitelink.settings.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Who may read the organizers' API (registrants, event rosters): an organizer's session, or
 * {@code Authorization: Bearer <token>} with the token configured as {@code resonite-link.api-token} (a secret, from
 * the environment; unset means no token works). Compared in constant time.
 */
@ApplicationScoped
public class OrganizerApiAccess {

    @Inject
    Settings settings;

    @Inject
    OrganizerGrants grants;

    /** The 401 or 403 answer for a caller who is neither, or empty when the caller may read. */
    public Optional<Response> refused(SecurityContext security, String authorization) {
        boolean organizer = security.getUserPrincipal() != null && grants.isOrganizer(security.getUserPrincipal().getName());
        if (organizer || validToken(authorization)) {
            return Optional.empty();
        }
        boolean signedIn = security.getUserPrincipal() != null;
        return Optional.of(ApiErrors.of(signedIn ? Response.Status.FORBIDDEN : Response.Status.UNAUTHORIZED,
                        signedIn ? "forbidden" : "unauthorized", "Organizers only: sign in as an organizer or send the API token.")
                .header("WWW-Authenticate", "Bearer realm=\"resonite-link\"").build());
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
