package dev.resonitelink.link.entity;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

/** A link as the UI and other services see it (JSON through JSON-B). No token, ever. */
@Schema(name = "LinkView", description = "A Resonite link", properties = {
        @SchemaProperty(name = "resoniteId", type = SchemaType.STRING, description = "Resonite user id, U-..."),
        @SchemaProperty(name = "username", type = SchemaType.STRING, description = "Resonite username when linked or refreshed"),
        @SchemaProperty(name = "iconUrl", type = SchemaType.STRING, nullable = true),
        @SchemaProperty(name = "email", type = SchemaType.STRING, nullable = true, description = "only with the email scope"),
        @SchemaProperty(name = "patreonActiveSupporter", type = SchemaType.BOOLEAN, nullable = true,
                description = "only with the patreon scope"),
        @SchemaProperty(name = "patreonSupportMonths", type = SchemaType.INTEGER, nullable = true),
        @SchemaProperty(name = "scopes", type = SchemaType.ARRAY, description = "granted scopes"),
        @SchemaProperty(name = "linkedAt", type = SchemaType.STRING, format = "date-time"),
        @SchemaProperty(name = "refreshedAt", type = SchemaType.STRING, format = "date-time"),
        @SchemaProperty(name = "refreshable", type = SchemaType.BOOLEAN,
                description = "the profile is kept current in the background (offline_access granted)"),
        @SchemaProperty(name = "needsReconsent", type = SchemaType.BOOLEAN,
                description = "Resonite stopped honouring the grant; the user should re-link")})
public record LinkView(String resoniteId, String username, String iconUrl, String email, Boolean patreonActiveSupporter,
                       Integer patreonSupportMonths, List<String> scopes, Instant linkedAt, Instant refreshedAt,
                       boolean refreshable, boolean needsReconsent) {



    public static LinkView of(AccountLink link) {
        return new LinkView(link.resoniteId(), link.username(), link.iconUrl(), link.email(), link.patreonActive(),
                link.patreonMonths(), List.copyOf(link.scopes()), link.linkedAt(), link.refreshedAt(),
                link.refreshToken() != null, link.needsReconsent());
    }
}
