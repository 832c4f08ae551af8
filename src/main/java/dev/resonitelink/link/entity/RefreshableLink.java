package dev.resonitelink.link.entity;

import dev.resonitelink.ResoniteUserId;
import dev.resonitelink.SitePrincipal;
import dev.resonitelink.sealing.SealedToken;
import java.util.Set;

/**
 * A link as the background refresh read it: whose it is, the Resonite account, the sealed refresh token it held, and
 * the scopes granted. Every write the refresh makes is conditional on the link still being exactly this.
 */
public record RefreshableLink(SitePrincipal principal, ResoniteUserId resoniteId, SealedToken sealedToken,
                              Set<String> scopes) {

    @Override
    public String toString() {
        return "RefreshableLink[principal=" + principal + ", resoniteId=" + resoniteId + ", sealedToken=***]";
    }
}
