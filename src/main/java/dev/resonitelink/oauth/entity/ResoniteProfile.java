package dev.resonitelink.oauth.entity;

import dev.resonitelink.ResoniteUserId;
import java.util.Set;

/**
 * What the link keeps of a Resonite profile. Fields of a scope that was not granted are null.
 *
 * @param id                the stable Resonite user id ({@code U-...}): the only key a link is made on
 * @param username          the display name at the time of linking (it can change)
 * @param iconUrl           a browser-loadable https URL of the profile icon, or null
 * @param email             only with the {@code email} scope
 * @param patreon           only with the {@code patreon} scope
 * @param grantedScopes     the scopes the provider granted
 */
public record ResoniteProfile(ResoniteUserId id, String username, String iconUrl, String email, PatreonSupport patreon,
                              Set<String> grantedScopes) {

    /** Patreon supporter state, as Resonite reports it. */
    public record PatreonSupport(boolean activeSupporter, Integer totalSupportMonths, Integer lastTierCents) {
    }
}
