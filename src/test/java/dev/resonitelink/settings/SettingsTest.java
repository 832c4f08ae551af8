package dev.resonitelink.settings;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

    @Test
    void defaultsPointAtResonitesWorkingHostAndPaths() {
        Settings settings = TestSettings.defaults();
        assertThat(settings.endpoints().authorize()).isEqualTo(URI.create("https://account.resonite.com/connect/authorize"));
        assertThat(settings.endpoints().token()).isEqualTo(URI.create("https://account.resonite.com/connect/token"));
        assertThat(settings.endpoints().profile()).isEqualTo(URI.create("https://account.resonite.com/api/user/profile"));
        assertThat(settings.client().auth()).isEqualTo(Settings.ClientAuth.CLIENT_SECRET_POST);
        assertThat(settings.client().pkce()).isTrue();
        assertThat(settings.endpoints().issuer()).isEqualTo("https://account.resonite.com");
        assertThat(settings.limits().stateLifetime()).isEqualTo(Duration.ofMinutes(10));
        assertThat(settings.client().scopes()).containsExactlyInAnyOrder("profile", "email", "patreon");
    }

    @Test
    void endpointsCanBeMovedToTheWikiHostOrGivenAbsolutely() {
        Map<String, String> values = TestSettings.valid();
        values.put(Setting.BASE_URI.key(), "https://auth.resonite.com");
        values.put(Setting.PROFILE_URI.key(), "/api/user/profiles");
        values.put(Setting.TOKEN_URI.key(), "https://other.example/oauth/token");
        Settings settings = TestSettings.with(values);
        assertThat(settings.endpoints().authorize()).isEqualTo(URI.create("https://auth.resonite.com/connect/authorize"));
        assertThat(settings.endpoints().profile()).isEqualTo(URI.create("https://auth.resonite.com/api/user/profiles"));
        assertThat(settings.endpoints().token()).isEqualTo(URI.create("https://other.example/oauth/token"));
    }

    @Test
    void everyBadKeyIsNamedInOneMessage() {
        Map<String, String> values = TestSettings.valid();
        values.remove(Setting.CLIENT_ID.key());
        values.put(Setting.REDIRECT_URI.key(), "http://events.example/callback");
        values.put(Setting.SCOPES.key(), "profile emails");
        values.put(Setting.READ_TIMEOUT.key(), "-3");
        assertThatThrownBy(() -> TestSettings.with(values))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining(Setting.CLIENT_ID.key() + " is missing")
                .hasMessageContaining(Setting.REDIRECT_URI.key() + " must be an absolute https URI")
                .hasMessageContaining("unknown scope 'emails'")
                .hasMessageContaining(Setting.READ_TIMEOUT.key());
    }

    @Test
    void theSecretIsNeverEchoed() {
        Map<String, String> values = TestSettings.valid();
        values.put(Setting.CLIENT_SECRET.key(), "TOP-SECRET-42");
        values.put(Setting.CLIENT_AUTH.key(), "magic");
        assertThatThrownBy(() -> TestSettings.with(values)).message().doesNotContain("TOP-SECRET-42");
        values.put(Setting.CLIENT_AUTH.key(), "client_secret_basic");
        assertThat(TestSettings.with(values).toString()).doesNotContain("TOP-SECRET-42");
    }

    @Test
    void aMissingSecretIsReported() {
        Map<String, String> values = TestSettings.valid();
        values.put(Setting.CLIENT_SECRET.key(), "  ");
        assertThatThrownBy(() -> TestSettings.with(values)).hasMessageContaining(Setting.CLIENT_SECRET.key() + " is missing");
    }

    @Test
    void plainHttpIsAllowedOnlyOnLocalhost() {
        Map<String, String> values = TestSettings.valid();
        values.put(Setting.REDIRECT_URI.key(), "http://localhost:8080/resonite-link/oauth/callback");
        values.put(Setting.BASE_URI.key(), "http://localhost:8091/");
        Settings local = TestSettings.with(values);
        assertThat(local.client().servedOverHttps()).isFalse();
        assertThat(local.endpoints().token()).isEqualTo(URI.create("http://localhost:8091/connect/token"));

        values.put(Setting.BASE_URI.key(), "http://resonite.example/");
        assertThatThrownBy(() -> TestSettings.with(values)).hasMessageContaining(Setting.BASE_URI.key());
    }

    @Test
    void aRedirectUriWithQueryOrFragmentIsRefused() {
        Map<String, String> values = TestSettings.valid();
        values.put(Setting.REDIRECT_URI.key(), "https://events.example/callback?next=/x");
        assertThatThrownBy(() -> TestSettings.with(values)).hasMessageContaining("no query and no fragment");
    }

    @Test
    void scopesWithoutProfileAreRefused() {
        Map<String, String> values = TestSettings.valid();
        values.put(Setting.SCOPES.key(), "email");
        assertThatThrownBy(() -> TestSettings.with(values)).hasMessageContaining("must include 'profile'");
    }

    @Test
    void badKeysOfEveryGroupAreReportedTogether() {
        Map<String, String> values = TestSettings.valid();
        values.put(Setting.SIGN_UPS_PER_ADDRESS.key(), "many");
        values.put(Setting.TRUSTED_PROXIES.key(), "10.0.0.1, proxy.internal");
        values.put(Setting.TOKEN_KEY.key(), "c2hvcnQ=");
        values.put(Setting.API_TOKEN.key(), "short");
        values.put(Setting.AUDIT_RETENTION_DAYS.key(), "0");
        values.put(Setting.REFRESH_INTERVAL.key(), "1h");
        assertThatThrownBy(() -> TestSettings.with(values))
                .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.problems()).hasSize(6))
                .hasMessageContaining(Setting.SIGN_UPS_PER_ADDRESS.key() + " must be a positive whole number, got 'many'")
                .hasMessageContaining("must list IP addresses, got 'proxy.internal'")
                .hasMessageContaining(Setting.TOKEN_KEY.key() + " must be the base64 of 32 random bytes")
                .hasMessageContaining(Setting.API_TOKEN.key() + " must be at least 16 characters")
                .hasMessageContaining(Setting.AUDIT_RETENTION_DAYS.key())
                .hasMessageContaining(Setting.REFRESH_INTERVAL.key())
                .message().doesNotContain("c2hvcnQ=").doesNotContain("'short'");
    }

    @Test
    void aPseudonymKeyShorterThanSixteenCharactersIsAStartupErrorAndNeverPrinted() {
        Map<String, String> values = TestSettings.valid();
        values.put(Setting.PSEUDONYM_KEY.key(), "tiny-key");
        assertThatThrownBy(() -> TestSettings.with(values))
                .hasMessageContaining(Setting.PSEUDONYM_KEY.key() + " must be at least 16 characters")
                .message().doesNotContain("tiny-key");
        values.put(Setting.PSEUDONYM_KEY.key(), "a-pseudonym-key-of-some-length");
        Settings settings = TestSettings.with(values);
        assertThat(settings.jobs().pseudonymKey()).isEqualTo("a-pseudonym-key-of-some-length");
        assertThat(settings.jobs().toString()).doesNotContain("a-pseudonym-key-of-some-length");
    }

    /** Security round 3, item 9: a configured bootstrap code had no minimum, so "1234" made the first organizer. */
    @Test
    void aConfiguredBootstrapCodeShorterThanSixteenCharactersIsAStartupError() {
        Map<String, String> values = TestSettings.valid();
        values.put(Setting.ORGANIZER_BOOTSTRAP_CODE.key(), "1234");
        assertThatThrownBy(() -> TestSettings.with(values))
                .hasMessageContaining(Setting.ORGANIZER_BOOTSTRAP_CODE.key() + " must be at least 16 characters")
                .message().doesNotContain("1234");
        values.put(Setting.ORGANIZER_BOOTSTRAP_CODE.key(), "   padded-12345   ");
        assertThatThrownBy(() -> TestSettings.with(values)).as("blanks do not count")
                .hasMessageContaining(Setting.ORGANIZER_BOOTSTRAP_CODE.key());
        values.put(Setting.ORGANIZER_BOOTSTRAP_CODE.key(), "a-long-enough-bootstrap-code");
        assertThat(TestSettings.with(values).organizers().bootstrapCode()).isEqualTo("a-long-enough-bootstrap-code");
    }

    @Test
    void everyDefaultIsValidAndGroupedWhereItBelongs() {
        Settings settings = TestSettings.defaults();
        assertThat(settings.limits().signUpsPerAddressPerHour()).isEqualTo(20);
        assertThat(settings.limits().trustedProxies()).isEmpty();
        assertThat(settings.jobs().refreshInterval()).hasHours(1);
        assertThat(settings.jobs().refreshStaleAfter()).hasDays(1);
        assertThat(settings.jobs().auditRetentionDays()).isEqualTo(365);
        assertThat(settings.jobs().retentionInterval()).hasHours(6);
        assertThat(settings.jobs().cancelledRegistrationDays()).isEqualTo(30);
        assertThat(settings.jobs().signInThrottleRetention()).hasHours(24);
        assertThat(settings.jobs().pseudonymKey()).isNull();
        assertThat(settings.tokens().key()).isNull();
        assertThat(settings.organizers().names()).isEmpty();
        assertThat(settings.endpoints().revocation()).isNull();
    }

    @Test
    void listsAreSplitOnCommasAndSecretsAreMaskedInToString() {
        Map<String, String> values = TestSettings.valid();
        values.put(Setting.ORGANIZERS.key(), " ada, grace ,");
        values.put(Setting.TRUSTED_PROXIES.key(), "127.0.0.1,::1");
        values.put(Setting.API_TOKEN.key(), "api-token-0123456789");
        values.put(Setting.ORGANIZER_BOOTSTRAP_CODE.key(), "bootstrap-code-42");
        Settings settings = TestSettings.with(values);
        assertThat(settings.organizers().names()).containsExactly("ada", "grace");
        assertThat(settings.limits().trustedProxies()).containsExactly("127.0.0.1", "::1");
        assertThat(settings.toString()).doesNotContain("api-token-0123456789").doesNotContain("bootstrap-code-42")
                .doesNotContain("s3cret-value");
    }
}
