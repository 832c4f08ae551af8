package dev.resonitelink.organizer.entity;

import java.time.Instant;

/**
 * One local user as an organizer sees them. The Resonite fields are null when the user has not linked; the Patreon
 * field is null unless the user granted the {@code patreon} scope.
 */
public record Registrant(String localUser, Instant signedUpAt, String resoniteId, String resoniteUsername,
                         Instant linkedAt, Boolean patreonActiveSupporter) {

    public boolean linked() {
        return resoniteId != null;
    }

    public String linkedAtText() {
        return dev.resonitelink.web.Dates.show(linkedAt);
    }
}
