package dev.resonitelink.oauth.control;

import dev.resonitelink.ResoniteUserId;
import dev.resonitelink.oauth.entity.ResoniteProfile;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads Resonite's profile JSON tolerantly: only {@code id} and {@code username} are required; unknown fields,
 * odd spellings and polymorphic {@code $type} entries are ignored. E-mail is kept only when the {@code email}
 * scope was granted, Patreon state only with {@code patreon}, whatever the provider sent.
 */
public final class ResoniteProfiles {

    private static final Pattern RESDB = Pattern.compile("resdb:///([0-9A-Za-z]{1,128})(\\.[0-9A-Za-z]{1,10})?");
    private static final int MAX_TEXT = 512;
    /**
     * One factory for every profile: {@code Json.createReader} looks the JSON provider up again on each call, which on
     * Payara scans service files in jars (3% of the server's CPU in the load benchmark's profile).
     */
    private static final JsonReaderFactory READERS = Json.createReaderFactory(java.util.Map.of());

    private ResoniteProfiles() {
    }

    /**
     * @throws IllegalArgumentException when the body is not a JSON object or lacks a valid id or username
     */
    public static ResoniteProfile parse(String body, Set<String> grantedScopes, String iconBaseUri) {
        JsonObject json;
        try (JsonReader reader = READERS.createReader(new StringReader(body == null ? "" : body))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new IllegalArgumentException("profile is not a JSON object");
            }
            json = value.asJsonObject();
        } catch (JsonException | IllegalStateException e) {
            throw new IllegalArgumentException("profile is not valid JSON");
        }
        String id = text(json, "id").orElseThrow(() -> new IllegalArgumentException("profile has no id"));
        if (!ResoniteUserId.valid(id)) {
            throw new IllegalArgumentException("profile id is not a Resonite user id");
        }
        String username = text(json, "username").filter(u -> !u.isBlank())
                .orElseThrow(() -> new IllegalArgumentException("profile has no username"));
        String icon = object(json, "profile").flatMap(p -> text(p, "iconUrl"))
                .map(raw -> browserIconUrl(raw, iconBaseUri)).orElse(null);
        String email = grantedScopes.contains("email") ? text(json, "email").filter(e -> e.contains("@")).orElse(null) : null;
        ResoniteProfile.PatreonSupport patreon = grantedScopes.contains("patreon") ? patreon(json) : null;
        return new ResoniteProfile(new ResoniteUserId(id), username, icon, email, patreon, Set.copyOf(grantedScopes));
    }

    /** {@code resdb:///<hash>.<ext>} becomes {@code <base><hash>}; https URLs pass; anything else is dropped. */
    public static String browserIconUrl(String raw, String iconBaseUri) {
        var resdb = RESDB.matcher(raw.trim());
        if (resdb.matches()) {
            return iconBaseUri + resdb.group(1);
        }
        if (raw.startsWith("https://") && raw.length() <= 1024 && raw.chars().noneMatch(c -> c <= ' ' || c == '"' || c == '<')) {
            return raw;
        }
        return null;
    }

    private static ResoniteProfile.PatreonSupport patreon(JsonObject json) {
        boolean active = bool(json, "isActiveSupporter").orElse(false);
        Integer months = null;
        Integer lastTier = null;
        JsonValue metadata = json.get("supporterMetadata");
        if (metadata != null && metadata.getValueType() == JsonValue.ValueType.ARRAY) {
            for (JsonValue entry : metadata.asJsonArray()) {
                if (entry.getValueType() != JsonValue.ValueType.OBJECT) {
                    continue;
                }
                JsonObject o = entry.asJsonObject();
                if (!text(o, "$type").map("patreon"::equalsIgnoreCase).orElse(false)) {
                    continue;
                }
                active = active || bool(o, "isActiveSupporter").orElse(false);
                months = integer(o, "totalSupportMonths").orElse(months);
                lastTier = integer(o, "lastTierCents").orElse(lastTier);
            }
        }
        return new ResoniteProfile.PatreonSupport(active, months, lastTier);
    }

    private static Optional<String> text(JsonObject o, String key) {
        JsonValue v = o.get(key);
        if (v instanceof JsonString s) {
            String value = s.getString();
            return Optional.of(value.length() > MAX_TEXT ? value.substring(0, MAX_TEXT) : value);
        }
        return Optional.empty();
    }

    private static Optional<JsonObject> object(JsonObject o, String key) {
        JsonValue v = o.get(key);
        return v != null && v.getValueType() == JsonValue.ValueType.OBJECT ? Optional.of(v.asJsonObject()) : Optional.empty();
    }

    private static Optional<Boolean> bool(JsonObject o, String key) {
        JsonValue v = o.get(key);
        if (v == JsonValue.TRUE) {
            return Optional.of(true);
        }
        return v == JsonValue.FALSE ? Optional.of(false) : Optional.empty();
    }

    private static Optional<Integer> integer(JsonObject o, String key) {
        JsonValue v = o.get(key);
        if (v instanceof JsonNumber n && n.isIntegral()) {
            try {
                return Optional.of(n.intValueExact());
            } catch (ArithmeticException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
