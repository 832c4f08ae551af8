package dev.resonitelink.oauth.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResoniteSettingsTest {

    @Test
    void defaultsPointAtResonitesWorkingHostAndPaths() {
        ResoniteSettings settings = TestSettings.defaults();
        assertThat(settings.authorizeUri()).isEqualTo(URI.create("https://account.resonite.com/connect/authorize"));
        assertThat(settings.tokenUri()).isEqualTo(URI.create("https://account.resonite.com/connect/token"));
        assertThat(settings.profileUri()).isEqualTo(URI.create("https://account.resonite.com/api/user/profile"));
        assertThat(settings.clientAuth()).isEqualTo(ResoniteSettings.ClientAuth.CLIENT_SECRET_POST);
        assertThat(settings.pkce()).isTrue();
        assertThat(settings.issuer()).isEqualTo("https://account.resonite.com");
        assertThat(settings.stateLifetime()).isEqualTo(Duration.ofMinutes(10));
        assertThat(settings.scopes()).containsExactlyInAnyOrder("profile", "email", "patreon");
    }

    @Test
    void endpointsCanBeMovedToTheWikiHostOrGivenAbsolutely() {
        Map<String, String> values = TestSettings.valid();
        values.put(ResoniteSettings.KEY_BASE_URI, "https://auth.resonite.com");
        values.put(ResoniteSettings.KEY_PROFILE_URI, "/api/user/profiles");
        values.put(ResoniteSettings.KEY_TOKEN_URI, "https://other.example/oauth/token");
        ResoniteSettings settings = TestSettings.with(values);
        assertThat(settings.authorizeUri()).isEqualTo(URI.create("https://auth.resonite.com/connect/authorize"));
        assertThat(settings.profileUri()).isEqualTo(URI.create("https://auth.resonite.com/api/user/profiles"));
        assertThat(settings.tokenUri()).isEqualTo(URI.create("https://other.example/oauth/token"));
    }

    @Test
    void everyBadKeyIsNamedInOneMessage() {
        Map<String, String> values = TestSettings.valid();
        values.remove(ResoniteSettings.KEY_CLIENT_ID);
        values.put(ResoniteSettings.KEY_REDIRECT_URI, "http://events.example/callback");
        values.put(ResoniteSettings.KEY_SCOPES, "profile emails");
        values.put(ResoniteSettings.KEY_READ_TIMEOUT, "-3");
        assertThatThrownBy(() -> TestSettings.with(values))
                .isInstanceOf(ResoniteSettings.InvalidSettingsException.class)
                .hasMessageContaining(ResoniteSettings.KEY_CLIENT_ID + " is missing")
                .hasMessageContaining(ResoniteSettings.KEY_REDIRECT_URI + " must be an absolute https URI")
                .hasMessageContaining("unknown scope 'emails'")
                .hasMessageContaining(ResoniteSettings.KEY_READ_TIMEOUT);
    }

    @Test
    void theSecretIsNeverEchoed() {
        Map<String, String> values = TestSettings.valid();
        values.put(ResoniteSettings.KEY_CLIENT_SECRET, "TOP-SECRET-42");
        values.put(ResoniteSettings.KEY_CLIENT_AUTH, "magic");
        assertThatThrownBy(() -> TestSettings.with(values)).message().doesNotContain("TOP-SECRET-42");
        values.put(ResoniteSettings.KEY_CLIENT_AUTH, "client_secret_basic");
        assertThat(TestSettings.with(values).toString()).doesNotContain("TOP-SECRET-42");
    }

    @Test
    void aMissingSecretIsReported() {
        Map<String, String> values = TestSettings.valid();
        values.put(ResoniteSettings.KEY_CLIENT_SECRET, "  ");
        assertThatThrownBy(() -> TestSettings.with(values)).hasMessageContaining(ResoniteSettings.KEY_CLIENT_SECRET + " is missing");
    }

    @Test
    void plainHttpIsAllowedOnlyOnLocalhost() {
        Map<String, String> values = TestSettings.valid();
        values.put(ResoniteSettings.KEY_REDIRECT_URI, "http://localhost:8080/resonite-link/oauth/callback");
        values.put(ResoniteSettings.KEY_BASE_URI, "http://localhost:8091/");
        ResoniteSettings local = TestSettings.with(values);
        assertThat(local.servedOverHttps()).isFalse();
        assertThat(local.tokenUri()).isEqualTo(URI.create("http://localhost:8091/connect/token"));

        values.put(ResoniteSettings.KEY_BASE_URI, "http://resonite.example/");
        assertThatThrownBy(() -> TestSettings.with(values)).hasMessageContaining(ResoniteSettings.KEY_BASE_URI);
    }

    @Test
    void aRedirectUriWithQueryOrFragmentIsRefused() {
        Map<String, String> values = TestSettings.valid();
        values.put(ResoniteSettings.KEY_REDIRECT_URI, "https://events.example/callback?next=/x");
        assertThatThrownBy(() -> TestSettings.with(values)).hasMessageContaining("no query and no fragment");
    }

    @Test
    void scopesWithoutProfileAreRefused() {
        Map<String, String> values = TestSettings.valid();
        values.put(ResoniteSettings.KEY_SCOPES, "email");
        assertThatThrownBy(() -> TestSettings.with(values)).hasMessageContaining("must include 'profile'");
    }
}
