package dev.resonitelink.oauth.control;

import dev.resonitelink.settings.TestSettings;

import dev.resonitelink.settings.Setting;
import dev.resonitelink.settings.Settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.http.ReadOnlyHTTPRequest;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import dev.resonitelink.oauth.entity.LinkFailedException;
import dev.resonitelink.oauth.entity.LinkFailure;
import java.net.ConnectException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CodeRedemptionTest {

    private static final String VERIFIER = "v".repeat(43);

    private final AtomicReference<ReadOnlyHTTPRequest> sent = new AtomicReference<>();

    private CodeRedemption answering(Settings settings, int status, String body) {
        return new CodeRedemption(settings, request -> {
            sent.set(request);
            HTTPResponse response = new HTTPResponse(status);
            response.setHeader("Content-Type", "application/json");
            response.setBody(body);
            return response;
        });
    }

    @Test
    void redeemsWithSecretInTheBodyVerifierAndExactRedirectUri() throws Exception {
        CodeRedemption.Grant grant = answering(TestSettings.defaults(), 200,
                "{\"access_token\":\"at-1\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"scope\":\"profile email\"}")
                .redeem("code-1", VERIFIER, Set.of("profile", "email", "patreon"));

        Map<String, List<String>> form = URLUtils.parseParameters(sent.get().getBody());
        assertThat(form).containsEntry("grant_type", List.of("authorization_code"))
                .containsEntry("code", List.of("code-1"))
                .containsEntry("code_verifier", List.of(VERIFIER))
                .containsEntry("redirect_uri", List.of("https://events.example/resonite-link/oauth/callback"))
                .containsEntry("client_id", List.of("client-1"))
                .containsEntry("client_secret", List.of("s3cret-value"));
        assertThat(sent.get().getHeaderMap()).doesNotContainKey("Authorization");
        assertThat(grant.accessToken()).isEqualTo("at-1");
        assertThat(grant.grantedScopes()).containsExactlyInAnyOrder("profile", "email");
    }

    @Test
    void basicAuthenticationWhenConfigured() throws Exception {
        Map<String, String> values = TestSettings.valid();
        values.put(Setting.CLIENT_AUTH.key(), "client_secret_basic");
        answering(TestSettings.with(values), 200, "{\"access_token\":\"at\",\"token_type\":\"Bearer\"}")
                .redeem("c", VERIFIER, Set.of("profile"));
        assertThat(sent.get().getHeaderMap().get("Authorization").get(0)).startsWith("Basic ");
        assertThat(URLUtils.parseParameters(sent.get().getBody())).doesNotContainKey("client_secret");
    }

    @Test
    void absentScopeMeansTheRequestedOnes() throws Exception {
        CodeRedemption.Grant grant = answering(TestSettings.defaults(), 200,
                "{\"access_token\":\"at\",\"token_type\":\"Bearer\"}").redeem("c", VERIFIER, Set.of("profile", "email"));
        assertThat(grant.grantedScopes()).containsExactlyInAnyOrder("profile", "email");
    }

    @Test
    void providerAnswersMapToClearFailures() {
        assertFailure(401, "{\"error\":\"invalid_client\"}", LinkFailure.CLIENT_REJECTED);
        assertFailure(400, "{\"error\":\"invalid_grant\"}", LinkFailure.CODE_REJECTED);
        assertFailure(400, "{\"error\":\"invalid_request\"}", LinkFailure.PROVIDER_FAILED);
        assertFailure(500, "<html>oops</html>", LinkFailure.PROVIDER_FAILED);
        assertFailure(200, "{\"token_type\":\"Bearer\"}", LinkFailure.PROVIDER_FAILED);
        assertFailure(200, "{\"access_token\":", LinkFailure.PROVIDER_FAILED);
    }

    @Test
    void anUnreachableProviderIsAFailureNotAnException() {
        CodeRedemption redemption = new CodeRedemption(TestSettings.defaults(), request -> {
            throw new ConnectException("Connection refused");
        });
        assertThatThrownBy(() -> redemption.redeem("c", VERIFIER, Set.of("profile")))
                .isInstanceOfSatisfying(LinkFailedException.class,
                        e -> assertThat(e.failure()).isEqualTo(LinkFailure.PROVIDER_UNAVAILABLE));
    }

    @Test
    void failureDetailsNeverCarryTheCodeOrSecret() {
        assertThatThrownBy(() -> answering(TestSettings.defaults(), 400, "{\"error\":\"invalid_grant\"}")
                .redeem("the-code-value", VERIFIER, Set.of("profile")))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("the-code-value", VERIFIER, "s3cret-value"));
    }

    private void assertFailure(int status, String body, LinkFailure expected) {
        assertThatThrownBy(() -> answering(TestSettings.defaults(), status, body).redeem("c", VERIFIER, Set.of("profile")))
                .isInstanceOfSatisfying(LinkFailedException.class, e -> assertThat(e.failure()).isEqualTo(expected));
    }

}
