package dev.resonitelink.organizer.entity;

import java.time.Instant;

/**
 * One site user as an organizer sees them: a local account, or a user of the site's identity provider ({@code origin}
 * {@code sso}, with the display name and e-mail its last sign-in gave; null for local accounts). The Resonite fields
 * are null when the user has not linked; the Patreon field is null unless the user granted the {@code patreon} scope.
 */
public record Registrant(String localUser, Instant signedUpAt, String resoniteId, String resoniteUsername,
                         Instant linkedAt, Boolean patreonActiveSupporter, String origin, String displayName,
                         String email) {

    public boolean linked() {
        return resoniteId != null;
    }

}
