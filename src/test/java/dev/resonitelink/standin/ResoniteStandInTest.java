package dev.resonitelink.standin;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import dev.resonitelink.it.Browser;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The stand-in must behave as a real authorization server, or the integration tests prove nothing. */
class ResoniteStandInTest {

    static final URI REDIRECT = URI.create("http://localhost:9/app/oauth/callback");
    static final ClientID CLIENT = new ClientID("c1");
    static ResoniteStandIn standIn;
    static ResoniteStandIn.User ada;

    @BeforeAll
    static void start() throws Exception {
        standIn = ResoniteStandIn.start(0).register(new ResoniteStandIn.Client("c1", "secret-1", REDIRECT));
        ada = standIn.addUser("ada", "pw", ResoniteStandIn.readProfile("/standin/resonite-profile-full.json"));
    }

    @AfterAll
    static void stop() {
        standIn.close();
    }

    record Issued(AuthorizationCode code, CodeVerifier verifier) {
    }

    Issued authorize(List<String> optionalScopes) throws Exception {
        CodeVerifier verifier = new CodeVerifier();
        URI request = new AuthorizationRequest.Builder(ResponseType.CODE, CLIENT)
                .endpointURI(standIn.baseUri().resolve("connect/authorize")).redirectionURI(REDIRECT)
                .scope(new Scope("profile", "email", "patreon")).state(new State())
                .codeChallenge(verifier, CodeChallengeMethod.S256).build().toURI();
        Browser browser = new Browser();
        Browser.Page consent = browser.get(request);
        assertThat(consent.status()).isEqualTo(200);
        Map<String, String> form = consent.form("form");
        Browser.Page back = browser.postMulti(consent.formAction("form"), Map.of(
                "txn", List.of(form.get("txn")), "login", List.of("ada"), "password", List.of("pw"),
                "decision", List.of("allow"),
                "scope", new java.util.ArrayList<>(List.of("profile")) {{ addAll(optionalScopes); }}));
        AuthorizationResponse response = AuthorizationResponse.parse(back.locationUri());
        assertThat(response.indicatesSuccess()).isTrue();
        assertThat(response.getIssuer()).isEqualTo(standIn.issuer());
        return new Issued(response.toSuccessResponse().getAuthorizationCode(), verifier);
    }

    TokenResponse redeem(Issued issued, String secret, URI redirect, CodeVerifier verifier) throws Exception {
        return TokenResponse.parse(new TokenRequest.Builder(standIn.baseUri().resolve("connect/token"),
                new ClientSecretPost(CLIENT, new Secret(secret)),
                new AuthorizationCodeGrant(issued.code(), redirect, verifier)).build().toHTTPRequest().send());
    }

    HTTPResponse profile(AccessToken token) throws Exception {
        HTTPRequest request = new HTTPRequest(HTTPRequest.Method.GET, standIn.baseUri().resolve("api/user/profile"));
        if (token != null) {
            request.setAuthorization(token.toAuthorizationHeader());
        }
        return request.send();
    }

    @Test
    void aGoodCodeIsRedeemedOnceAndTheTokenReadsTheProfile() throws Exception {
        Issued issued = authorize(List.of("email"));
        TokenResponse tokens = redeem(issued, "secret-1", REDIRECT, issued.verifier());
        assertThat(tokens.indicatesSuccess()).isTrue();
        AccessToken token = tokens.toSuccessResponse().getTokens().getAccessToken();
        HTTPResponse profile = profile(token);
        assertThat(profile.getStatusCode()).isEqualTo(200);
        assertThat(profile.getBodyAsJSONObject()).containsEntry("id", ada.id()).containsEntry("email", "ada@example.org")
                .doesNotContainKey("isActiveSupporter");

        TokenResponse again = redeem(issued, "secret-1", REDIRECT, issued.verifier());
        assertThat(again.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_grant");
        assertThat(profile(token).getStatusCode()).as("a replayed code revokes its tokens").isEqualTo(401);
    }

    @Test
    void aWrongSecretRedirectUriOrVerifierIsRefused() throws Exception {
        Issued a = authorize(List.of());
        assertThat(redeem(a, "wrong", REDIRECT, a.verifier()).toErrorResponse().getErrorObject().getCode())
                .isEqualTo("invalid_client");
        Issued b = authorize(List.of());
        assertThat(redeem(b, "secret-1", URI.create("http://localhost:9/other"), b.verifier())
                .toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_grant");
        Issued c = authorize(List.of());
        assertThat(redeem(c, "secret-1", REDIRECT, new CodeVerifier()).toErrorResponse().getErrorObject().getCode())
                .isEqualTo("invalid_grant");
        Issued d = authorize(List.of());
        TokenResponse basic = TokenResponse.parse(new TokenRequest.Builder(standIn.baseUri().resolve("connect/token"),
                new ClientSecretBasic(CLIENT, new Secret("secret-1")),
                new AuthorizationCodeGrant(d.code(), REDIRECT, d.verifier())).build().toHTTPRequest().send());
        assertThat(basic.indicatesSuccess()).isTrue();
    }

    @Test
    void anUnregisteredRedirectUriGetsAnErrorPageNotARedirect() {
        URI request = new AuthorizationRequest.Builder(ResponseType.CODE, CLIENT)
                .endpointURI(standIn.baseUri().resolve("connect/authorize"))
                .redirectionURI(URI.create("https://evil.example/steal")).scope(new Scope("profile")).state(new State())
                .build().toURI();
        Browser.Page page = new Browser().get(request);
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.location()).isNull();
    }

    @Test
    void aCodeExpiresAfterItsLifetime() throws Exception {
        try {
            Issued issued = authorize(List.of());
            standIn.clock().advance(Duration.ofSeconds(61));
            assertThat(redeem(issued, "secret-1", REDIRECT, issued.verifier()).indicatesSuccess()).isFalse();
        } finally {
            standIn.reset();
        }
    }

    @Test
    void anAccessTokenExpiresAfterItsLifetime() throws Exception {
        try {
            Issued issued = authorize(List.of());
            AccessToken token = redeem(issued, "secret-1", REDIRECT, issued.verifier()).toSuccessResponse().getTokens().getAccessToken();
            assertThat(profile(token).getStatusCode()).isEqualTo(200);
            standIn.clock().advance(Duration.ofHours(1).plusSeconds(1));
            assertThat(profile(token).getStatusCode()).isEqualTo(401);
        } finally {
            standIn.reset();
        }
    }

    @Test
    void theProfileNeedsABearerToken() throws Exception {
        assertThat(profile(null).getStatusCode()).isEqualTo(401);
        HTTPResponse forged = profile(new com.nimbusds.oauth2.sdk.token.BearerAccessToken("forged"));
        assertThat(forged.getStatusCode()).isEqualTo(401);
        assertThat(forged.getWWWAuthenticate()).contains("invalid_token");
    }
}
