package dev.resonitelink.link.boundary;

import dev.resonitelink.SitePrincipal;
import dev.resonitelink.oauth.control.AuthorizationCodeFlow;
import dev.resonitelink.oauth.control.Resonite;
import dev.resonitelink.sealing.TokenSealer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Ends the user's grant at Resonite (RFC 7009 revocation of the stored refresh token) before their link goes, so no
 * unlinked or deleted account leaves a live grant behind. Best effort: without a stored token, a revocation endpoint or
 * an answer, the local removal goes ahead all the same.
 */
@ApplicationScoped
public class ResoniteGrants {

    @Inject
    AccountLinks links;

    @Inject
    TokenSealer vault;

    @Inject
    @Resonite
    AuthorizationCodeFlow resonite;

    public void revoke(SitePrincipal principal) {
        links.storedToken(principal).flatMap(stored -> vault.open(stored.sealed(), principal, stored.resoniteId()))
                .ifPresent(resonite::revoke);
    }
}
