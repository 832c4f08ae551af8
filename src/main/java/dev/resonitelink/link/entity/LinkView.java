package dev.resonitelink.link.entity;

import java.time.Instant;
import java.util.List;

/** A link as the UI and other services see it (JSON through JSON-B). No token, ever. */
public record LinkView(String resoniteId, String username, String iconUrl, String email, Boolean patreonActiveSupporter,
                       Integer patreonSupportMonths, List<String> scopes, Instant linkedAt, Instant refreshedAt) {

    /** For pages: when linked, in words. */
    public String linkedAtText() {
        return dev.resonitelink.web.Dates.show(linkedAt);
    }

    public String refreshedAtText() {
        return dev.resonitelink.web.Dates.show(refreshedAt);
    }

    public static LinkView of(AccountLink link) {
        return new LinkView(link.resoniteId(), link.username(), link.iconUrl(), link.email(), link.patreonActive(),
                link.patreonMonths(), List.copyOf(link.scopes()), link.linkedAt(), link.refreshedAt());
    }
}
