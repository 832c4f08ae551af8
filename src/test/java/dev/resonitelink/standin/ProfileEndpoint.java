package dev.resonitelink.standin;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.sun.net.httpserver.HttpExchange;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.util.Set;

/**
 * The profile endpoint (singular and plural path): needs an unexpired bearer token (RFC 6750), and shows e-mail and
 * Patreon data only to tokens with those scopes.
 */
final class ProfileEndpoint {

    private final StandInState state;

    ProfileEndpoint(StandInState state) {
        this.state = state;
    }

    void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Faults f = state.faults;
            Faults.pause(f.profileDelay);
            if (f.profileStatus != null) {
                Exchanges.send(exchange, f.profileStatus, "application/json", f.profileBody == null ? "" : f.profileBody);
                return;
            }
            StandInState.IssuedToken token = bearer(exchange);
            if (token == null || !state.clock.instant().isBefore(token.expires())) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer error=\"invalid_token\"");
                Exchanges.send(exchange, 401, "application/json", "{\"error\":\"invalid_token\"}");
                return;
            }
            ResoniteStandIn.User user = state.userWithId(token.userId()).orElse(null);
            if (user == null) {
                Exchanges.send(exchange, 404, "application/json", "{\"error\":\"not_found\"}");
                return;
            }
            Exchanges.send(exchange, 200, "application/json", visibleProfile(user.profile(), token.scopes()).toString());
        }
    }

    private StandInState.IssuedToken bearer(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        try {
            return header == null ? null : state.accessTokens.get(BearerAccessToken.parse(header).getValue());
        } catch (ParseException e) {
            return null;
        }
    }

    /** What a token with these scopes may see: e-mail only with {@code email}, Patreon state only with {@code patreon}. */
    static JsonObject visibleProfile(JsonObject profile, Set<String> scopes) {
        JsonObjectBuilder out = Json.createObjectBuilder(profile);
        if (!scopes.contains("email")) {
            out.remove("email");
        }
        if (!scopes.contains("patreon")) {
            out.remove("isActiveSupporter");
            if (profile.containsKey("supporterMetadata")
                    && profile.get("supporterMetadata").getValueType() == JsonValue.ValueType.ARRAY) {
                var kept = Json.createArrayBuilder();
                for (JsonValue entry : profile.getJsonArray("supporterMetadata")) {
                    boolean patreon = entry.getValueType() == JsonValue.ValueType.OBJECT
                            && "patreon".equals(entry.asJsonObject().getString("$type", ""));
                    if (!patreon) {
                        kept.add(entry);
                    }
                }
                out.add("supporterMetadata", kept);
            }
        }
        return out.build();
    }
}
