package dev.resonitelink.oauth.entity;

import dev.resonitelink.SitePrincipal;
import java.io.Serializable;
import java.time.Instant;
import java.util.Set;

/**
 * One authorization request that was sent to Resonite and whose callback has not come back yet.
 * Lives in the HTTP session (so it replicates with distributable sessions); the code verifier never leaves the server.
 *
 * @param state        the one-time {@code state} value sent with the request
 * @param codeVerifier the PKCE verifier, or null when PKCE is turned off by configuration
 * @param nonce        the OpenID Connect nonce sent with the request, or null without {@code openid}
 * @param principal    the site user who started the flow (null for a sign-in); a callback for another is refused
 * @param scopes       the scopes asked for
 * @param createdAt    when the request was built; it expires after the configured state lifetime
 * @param returnTo     an application-relative path to go to after linking (already checked), or null
 */
public record PendingAuthorization(String state, String codeVerifier, String nonce, SitePrincipal principal,
                                   Set<String> scopes,
                                   Instant createdAt, String returnTo) implements Serializable {

    public boolean expiredAt(Instant now, java.time.Duration lifetime) {
        return !now.isBefore(createdAt.plus(lifetime));
    }
}
