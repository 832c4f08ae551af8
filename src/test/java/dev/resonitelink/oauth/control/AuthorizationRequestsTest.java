package dev.resonitelink.oauth.control;

import dev.resonitelink.settings.TestSettings;

import dev.resonitelink.settings.Setting;
import dev.resonitelink.settings.Settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import java.net.URI;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthorizationRequestsTest {

    @Test
    void requestCarriesCodeClientExactRedirectScopesStateAndS256Challenge() throws Exception {
        Settings settings = TestSettings.defaults();
        AuthorizationRequests.Started started = requests(settings).start("alice", null, java.util.Set.of());

        URI uri = started.redirect();
        assertThat(uri.toString()).startsWith("https://account.resonite.com/connect/authorize?");
        AuthorizationRequest parsed = AuthorizationRequest.parse(uri);
        assertThat(parsed.getResponseType().toString()).isEqualTo("code");
        assertThat(parsed.getClientID().getValue()).isEqualTo("client-1");
        assertThat(parsed.getRedirectionURI()).isEqualTo(settings.client().redirectUri());
        assertThat(parsed.getScope().toStringList()).containsExactlyInAnyOrder("profile", "email", "patreon");
        assertThat(parsed.getState().getValue()).isEqualTo(started.pending().state());
        assertThat(parsed.getCodeChallengeMethod()).isEqualTo(CodeChallengeMethod.S256);
        assertThat(started.pending().codeVerifier()).isNotBlank();
        assertThat(uri.toString()).doesNotContain(started.pending().codeVerifier());
        assertThat(started.pending().principal()).isEqualTo("alice");
    }

    @Test
    void theChallengeIsTheS256OfTheVerifierAsInRfc7636AppendixB() throws Exception {
        String verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
        AuthorizationRequests.Started started = new AuthorizationRequests(TestSettings.defaults(),
                new ResoniteEndpoints(TestSettings.defaults(), null), () -> new CodeVerifier(verifier)).start("alice", null, java.util.Set.of());
        AuthorizationRequest parsed = AuthorizationRequest.parse(started.redirect());
        assertThat(parsed.getCodeChallenge().getValue()).isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
        assertThat(started.pending().codeVerifier()).isEqualTo(verifier);
    }

    @Test
    void theVerifierIsFreshEachTimeWithTheEntropyRfc7636Asks() throws Exception {
        AuthorizationRequests requests = requests(TestSettings.defaults());
        String first = requests.start("alice", null, java.util.Set.of()).pending().codeVerifier();
        assertThat(first).isNotEqualTo(requests.start("alice", null, java.util.Set.of()).pending().codeVerifier());
        assertThat(first).matches("[A-Za-z0-9._~-]{43,128}");
    }

    @Test
    void stateHasAtLeast128BitsAndIsFreshEachTime() throws Exception {
        AuthorizationRequests requests = requests(TestSettings.defaults());
        String first = requests.start("alice", null, java.util.Set.of()).pending().state();
        String second = requests.start("alice", null, java.util.Set.of()).pending().state();
        assertThat(first).isNotEqualTo(second);
        assertThat(Base64.getUrlDecoder().decode(first)).hasSizeGreaterThanOrEqualTo(16);
    }

    @Test
    void pkceCanBeTurnedOffOnlyByConfiguration() throws Exception {
        Map<String, String> values = TestSettings.valid();
        values.put(Setting.PKCE.key(), "false");
        AuthorizationRequests.Started started = requests(TestSettings.with(values)).start("alice", null, java.util.Set.of());
        assertThat(AuthorizationRequest.parse(started.redirect()).getCodeChallenge()).isNull();
        assertThat(started.pending().codeVerifier()).isNull();
    }

    /** Without {@code openid} (the settings here): the configured endpoints, no discovery. */
    private static AuthorizationRequests requests(Settings settings) {
        return new AuthorizationRequests(settings, new ResoniteEndpoints(settings, null));
    }
}
