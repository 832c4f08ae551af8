package dev.resonitelink.oauth.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.http.HTTPRequestSender;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.http.ReadOnlyHTTPRequest;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import dev.resonitelink.oauth.entity.Grant;
import dev.resonitelink.oauth.entity.LinkFailedException;
import dev.resonitelink.oauth.entity.LinkFailure;
import dev.resonitelink.oauth.entity.PendingAuthorization;
import dev.resonitelink.oauth.entity.Redeemed;
import dev.resonitelink.settings.Setting;
import dev.resonitelink.settings.Settings;
import dev.resonitelink.settings.TestSettings;
import java.net.ConnectException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The one authorization-code flow, step by step, with the provider played by a lambda: the request it builds, the
 * pending request it keeps and gives back once, the code redemption, and what happens to a grant whose id_token is
 * refused.
 */
class AuthorizationCodeFlowTest {

    private static final dev.resonitelink.SitePrincipal ALICE_P = new dev.resonitelink.SitePrincipal("alice");

    private static final String VERIFIER = "v".repeat(43);

    private final AtomicReference<ReadOnlyHTTPRequest> sent = new AtomicReference<>();
    private final FakeSession session = FakeSession.create();

    @Test
    void requestCarriesCodeClientExactRedirectScopesStateAndS256Challenge() throws Exception {
        Settings settings = TestSettings.defaults();
        URI uri = Flows.resonite(settings, unreachable()).start(session, ALICE_P, null, Set.of());

        assertThat(uri.toString()).startsWith("https://account.resonite.com/connect/authorize?");
        AuthorizationRequest parsed = AuthorizationRequest.parse(uri);
        assertThat(parsed.getResponseType().toString()).isEqualTo("code");
        assertThat(parsed.getClientID().getValue()).isEqualTo("client-1");
        assertThat(parsed.getRedirectionURI()).isEqualTo(settings.client().redirectUri());
        assertThat(parsed.getScope().toStringList()).containsExactlyInAnyOrder("profile", "email", "patreon");
        assertThat(parsed.getCodeChallengeMethod()).isEqualTo(CodeChallengeMethod.S256);
        PendingAuthorization pending = pendingOf(Flows.resonite(settings, unreachable()), uri);
        assertThat(pending.codeVerifier()).isNotBlank();
        assertThat(uri.toString()).doesNotContain(pending.codeVerifier());
        assertThat(pending.principal()).isEqualTo(ALICE_P);
        assertThat(parsed.getCustomParameter("nonce")).as("no openid, no nonce").isNull();
    }

    @Test
    void theChallengeIsTheS256OfTheVerifierAsInRfc7636AppendixB() throws Exception {
        String verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
        AuthorizationCodeFlow flow = Flows.resonite(TestSettings.defaults(), unreachable(), () -> new CodeVerifier(verifier));
        URI uri = flow.start(session, ALICE_P, null, Set.of());
        assertThat(AuthorizationRequest.parse(uri).getCodeChallenge().getValue())
                .isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
        assertThat(pendingOf(flow, uri).codeVerifier()).isEqualTo(verifier);
    }

    @Test
    void theVerifierAndTheStateAreFreshEachTimeWithTheEntropyTheRfcsAsk() throws Exception {
        AuthorizationCodeFlow flow = Flows.resonite(TestSettings.defaults(), unreachable());
        PendingAuthorization first = pendingOf(flow, flow.start(session, ALICE_P, null, Set.of()));
        PendingAuthorization second = pendingOf(flow, flow.start(session, ALICE_P, null, Set.of()));
        assertThat(first.codeVerifier()).isNotEqualTo(second.codeVerifier()).matches("[A-Za-z0-9._~-]{43,128}");
        assertThat(first.state()).isNotEqualTo(second.state());
        assertThat(Base64.getUrlDecoder().decode(first.state())).hasSizeGreaterThanOrEqualTo(16);
    }

    @Test
    void pkceCanBeTurnedOffOnlyByConfiguration() throws Exception {
        Map<String, String> values = TestSettings.valid();
        values.put(Setting.PKCE.key(), "false");
        AuthorizationCodeFlow flow = Flows.resonite(TestSettings.with(values), unreachable());
        URI uri = flow.start(session, ALICE_P, null, Set.of());
        assertThat(AuthorizationRequest.parse(uri).getCodeChallenge()).isNull();
        assertThat(pendingOf(flow, uri).codeVerifier()).isNull();
    }

    @Test
    void extraScopesAreAskedForThisRequestOnlyAndKeptWithIt() throws Exception {
        AuthorizationCodeFlow flow = Flows.resonite(TestSettings.defaults(), unreachable());
        URI uri = flow.start(session, ALICE_P, "/events/e1", Set.of("offline_access"));
        assertThat(AuthorizationRequest.parse(uri).getScope().toStringList()).contains("offline_access");
        PendingAuthorization pending = pendingOf(flow, uri);
        assertThat(pending.scopes()).contains("offline_access", "profile");
        assertThat(pending.returnTo()).isEqualTo("/events/e1");
        URI plain = flow.start(session, ALICE_P, null, Set.of());
        assertThat(AuthorizationRequest.parse(plain).getScope().toStringList()).doesNotContain("offline_access");
    }

    @Test
    void aPendingRequestIsGivenBackOnceAndOnlyToItsOwnSession() throws Exception {
        AuthorizationCodeFlow flow = Flows.resonite(TestSettings.defaults(), unreachable());
        URI uri = flow.start(session, ALICE_P, null, Set.of());
        Map<String, List<String>> query = Map.of("state", List.of(state(uri)), "code", List.of("c"));
        assertFailure(() -> flow.pending(FakeSession.create(), query, 40), LinkFailure.STATE_UNKNOWN);
        assertThat(flow.pending(session, query, 40).principal()).isEqualTo(ALICE_P);
        assertFailure(() -> flow.pending(session, query, 40), LinkFailure.STATE_UNKNOWN);
        assertFailure(() -> flow.pending(session, Map.of("code", List.of("c")), 6), LinkFailure.STATE_MISSING);
    }

    @Test
    void redeemsWithSecretInTheBodyVerifierAndExactRedirectUri() throws Exception {
        Redeemed redeemed = redeem(TestSettings.defaults(), "code-1", 200,
                "{\"access_token\":\"at-1\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"scope\":\"profile email\"}");

        Map<String, List<String>> form = URLUtils.parseParameters(sent.get().getBody());
        assertThat(form).containsEntry("grant_type", List.of("authorization_code"))
                .containsEntry("code", List.of("code-1"))
                .containsEntry("code_verifier", List.of(VERIFIER))
                .containsEntry("redirect_uri", List.of("https://events.example/resonite-link/oauth/callback"))
                .containsEntry("client_id", List.of("client-1"))
                .containsEntry("client_secret", List.of("s3cret-value"));
        assertThat(sent.get().getURI()).hasToString("https://account.resonite.com/connect/token");
        assertThat(sent.get().getHeaderMap()).doesNotContainKey("Authorization");
        assertThat(redeemed.grant().accessToken()).isEqualTo("at-1");
        assertThat(redeemed.grant().grantedScopes()).containsExactlyInAnyOrder("profile", "email");
        assertThat(redeemed.idTokenClaims()).as("no openid, no id_token checked").isEmpty();
        assertThat(redeemed.subject()).isNull();
    }

    @Test
    void basicAuthenticationWhenConfigured() throws Exception {
        Map<String, String> values = TestSettings.valid();
        values.put(Setting.CLIENT_AUTH.key(), "client_secret_basic");
        redeem(TestSettings.with(values), "c", 200, "{\"access_token\":\"at\",\"token_type\":\"Bearer\"}");
        assertThat(sent.get().getHeaderMap().get("Authorization").get(0)).startsWith("Basic ");
        assertThat(URLUtils.parseParameters(sent.get().getBody())).doesNotContainKey("client_secret");
    }

    @Test
    void absentScopeMeansTheRequestedOnes() throws Exception {
        Grant grant = redeem(TestSettings.defaults(), "c", 200, "{\"access_token\":\"at\",\"token_type\":\"Bearer\"}")
                .grant();
        assertThat(grant.grantedScopes()).containsExactlyInAnyOrder("profile", "email", "patreon");
    }

    @Test
    void providerAnswersMapToClearFailures() {
        assertRedeemFails(401, "{\"error\":\"invalid_client\"}", LinkFailure.CLIENT_REJECTED);
        assertRedeemFails(400, "{\"error\":\"invalid_grant\"}", LinkFailure.CODE_REJECTED);
        assertRedeemFails(400, "{\"error\":\"invalid_request\"}", LinkFailure.PROVIDER_FAILED);
        assertRedeemFails(500, "<html>oops</html>", LinkFailure.PROVIDER_FAILED);
        assertRedeemFails(200, "{\"token_type\":\"Bearer\"}", LinkFailure.PROVIDER_FAILED);
        assertRedeemFails(200, "{\"access_token\":", LinkFailure.PROVIDER_FAILED);
    }

    @Test
    void anUnreachableProviderIsAFailureNotAnException() throws Exception {
        AuthorizationCodeFlow flow = Flows.resonite(TestSettings.defaults(), unreachable(), () -> new CodeVerifier(VERIFIER));
        PendingAuthorization pending = pendingOf(flow, flow.start(session, ALICE_P, null, Set.of()));
        assertFailure(() -> flow.redeem(pending, Map.of("code", List.of("c"), "state", List.of(pending.state()))),
                LinkFailure.PROVIDER_UNAVAILABLE);
    }

    @Test
    void failureDetailsNeverCarryTheCodeOrSecret() {
        assertThatThrownBy(() -> redeem(TestSettings.defaults(), "the-code-value", 400, "{\"error\":\"invalid_grant\"}"))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("the-code-value", VERIFIER, "s3cret-value"));
    }

    @Test
    void aRefreshTokenGrantedWithAnIdTokenThatIsRefusedIsRevokedAtOnce() throws Exception {
        Map<String, String> values = TestSettings.valid();
        values.put(Setting.SCOPES.key(), "openid profile");
        List<String> calls = new ArrayList<>();
        AuthorizationCodeFlow flow = Flows.resonite(TestSettings.with(values), request -> {
            calls.add(request.getURI().getPath() + " " + (request.getBody() == null ? "" : request.getBody()));
            return switch (request.getURI().getPath()) {
                case "/.well-known/openid-configuration" -> json(200, """
                        {"issuer":"https://account.resonite.com","authorization_endpoint":"https://account.resonite.com/connect/authorize",
                         "token_endpoint":"https://account.resonite.com/connect/token",
                         "revocation_endpoint":"https://account.resonite.com/connect/revocation",
                         "jwks_uri":"https://account.resonite.com/.well-known/jwks.json","response_types_supported":["code"],
                         "subject_types_supported":["public"],"id_token_signing_alg_values_supported":["RS256"]}""");
                case "/connect/token" -> json(200, "{\"access_token\":\"at\",\"token_type\":\"Bearer\","
                        + "\"refresh_token\":\"rt-granted\",\"id_token\":\"not-a-jwt\"}");
                case "/connect/revocation" -> json(200, "");
                default -> json(404, "{}");
            };
        }, () -> new CodeVerifier(VERIFIER));
        PendingAuthorization pending = pendingOf(flow, flow.start(session, ALICE_P, null, Set.of()));

        assertFailure(() -> flow.redeem(pending, Map.of("code", List.of("c"), "state", List.of(pending.state()))),
                LinkFailure.ID_TOKEN_INVALID);
        assertThat(calls).anySatisfy(call -> assertThat(call).startsWith("/connect/revocation").contains("rt-granted"));
    }

    @Test
    void aRefreshKeepsTheRefreshTokenUnlessTheProviderRotatesIt() throws Exception {
        String[] answer = {"{\"access_token\":\"at\",\"token_type\":\"Bearer\"}"};
        AuthorizationCodeFlow flow = Flows.resonite(TestSettings.defaults(), request -> {
            sent.set(request);
            return json(200, answer[0]);
        });
        Grant kept = flow.refresh("rt-1", Set.of("profile"));
        assertThat(kept.refreshToken()).isEqualTo("rt-1");
        assertThat(URLUtils.parseParameters(sent.get().getBody())).containsEntry("grant_type", List.of("refresh_token"))
                .containsEntry("refresh_token", List.of("rt-1"));
        answer[0] = "{\"access_token\":\"at\",\"token_type\":\"Bearer\",\"refresh_token\":\"rt-2\"}";
        assertThat(flow.refresh("rt-1", Set.of("profile")).refreshToken()).isEqualTo("rt-2");
    }

    @Test
    void revocationIsBestEffortAndNeedsAnEndpoint() {
        assertThat(Flows.resonite(TestSettings.defaults(), request -> {
            throw new AssertionError("no revocation endpoint is configured: nothing may be sent");
        }).revoke("rt")).isFalse();
        Map<String, String> values = TestSettings.valid();
        values.put(Setting.REVOCATION_URI.key(), "connect/revocation");
        assertThat(Flows.resonite(TestSettings.with(values), unreachable()).revoke("rt")).isFalse();
        assertThat(Flows.resonite(TestSettings.with(values), request -> {
            sent.set(request);
            return json(200, "");
        }).revoke("rt")).isTrue();
        assertThat(URLUtils.parseParameters(sent.get().getBody())).containsEntry("token", List.of("rt"));
    }

    private Redeemed redeem(Settings settings, String code, int status, String body) throws Exception {
        AuthorizationCodeFlow flow = Flows.resonite(settings, request -> {
            sent.set(request);
            return json(status, body);
        }, () -> new CodeVerifier(VERIFIER));
        PendingAuthorization pending = pendingOf(flow, flow.start(session, ALICE_P, null, Set.of()));
        return flow.redeem(pending, Map.of("code", List.of(code), "state", List.of(pending.state())));
    }

    private void assertRedeemFails(int status, String body, LinkFailure expected) {
        assertFailure(() -> redeem(TestSettings.defaults(), "c", status, body), expected);
    }

    /** The request the session keeps for the authorization request sent to {@code uri} (taken, as a callback does). */
    private PendingAuthorization pendingOf(AuthorizationCodeFlow flow, URI uri) throws Exception {
        return flow.pending(session, Map.of("state", List.of(state(uri))), 60);
    }

    private static String state(URI uri) throws Exception {
        return AuthorizationRequest.parse(uri).getState().getValue();
    }

    private static HTTPRequestSender unreachable() {
        return request -> {
            throw new ConnectException("Connection refused");
        };
    }

    private static HTTPResponse json(int status, String body) {
        HTTPResponse response = new HTTPResponse(status);
        response.setHeader("Content-Type", "application/json");
        response.setBody(body);
        return response;
    }

    private static void assertFailure(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, LinkFailure expected) {
        assertThatThrownBy(call).isInstanceOfSatisfying(LinkFailedException.class,
                e -> assertThat(e.failure()).isEqualTo(expected));
    }
}
