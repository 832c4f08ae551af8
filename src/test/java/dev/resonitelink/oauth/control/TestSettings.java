package dev.resonitelink.oauth.control;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Settings for unit tests, built through the same validation as production. */
final class TestSettings {

    static Map<String, String> valid() {
        Map<String, String> values = new HashMap<>();
        values.put(ResoniteSettings.KEY_CLIENT_ID, "client-1");
        values.put(ResoniteSettings.KEY_CLIENT_SECRET, "s3cret-value");
        values.put(ResoniteSettings.KEY_REDIRECT_URI, "https://events.example/resonite-link/oauth/callback");
        values.put(ResoniteSettings.KEY_SCOPES, "profile email patreon");
        return values;
    }

    static ResoniteSettings with(Map<String, String> values) {
        return ResoniteSettings.from(key -> Optional.ofNullable(values.get(key)));
    }

    static ResoniteSettings defaults() {
        return with(valid());
    }

    private TestSettings() {
    }
}
