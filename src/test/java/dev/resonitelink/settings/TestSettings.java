package dev.resonitelink.settings;


import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Settings for unit tests, built through the same validation as production. */
public final class TestSettings {

    public static Map<String, String> valid() {
        Map<String, String> values = new HashMap<>();
        values.put(Setting.CLIENT_ID.key(), "client-1");
        values.put(Setting.CLIENT_SECRET.key(), "s3cret-value");
        values.put(Setting.REDIRECT_URI.key(), "https://events.example/resonite-link/oauth/callback");
        values.put(Setting.SCOPES.key(), "profile email patreon");
        return values;
    }

    public static Settings with(Map<String, String> values) {
        return Settings.from(key -> Optional.ofNullable(values.get(key)));
    }

    public static Settings defaults() {
        return with(valid());
    }

    private TestSettings() {
    }
}
