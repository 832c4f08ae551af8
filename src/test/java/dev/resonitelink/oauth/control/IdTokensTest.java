package dev.resonitelink.oauth.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import dev.resonitelink.oauth.entity.LinkFailedException;
import dev.resonitelink.oauth.entity.LinkFailure;
import dev.resonitelink.settings.Setting;
import dev.resonitelink.settings.Settings;
import dev.resonitelink.settings.TestSettings;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** OpenID Connect Core 3.1.3.7 on tokens made here, with the provider's discovery document and JWKS answered in memory. */
class IdTokensTest {

    private static final String ISSUER = "https://account.resonite.com";
    private static final RSAKey KEY = key("k1");

    private final IdTokens idTokens = idTokens(TestSettings.defaults());

    @Test
    void aValidTokenGivesItsSubject() throws Exception {
        assertThat(idTokens.claims(signed(claims -> claims), "n-1").getSubject()).isEqualTo("U-ada");
    }

    @Test
    void everyBrokenRuleIsRefusedAsAnInvalidIdToken() {
        Instant now = Instant.now();
        invalid(() -> idTokens.claims(signed(c -> c.issuer("https://evil.example")), "n-1").getSubject());
        invalid(() -> idTokens.claims(signed(c -> c.audience("another-client")), "n-1").getSubject());
        invalid(() -> idTokens.claims(signed(c -> c.expirationTime(Date.from(now.minusSeconds(600)))), "n-1").getSubject());
        invalid(() -> idTokens.claims(signed(c -> c.claim("nonce", "another")), "n-1").getSubject());
        invalid(() -> idTokens.claims(null, "n-1").getSubject());
        invalid(() -> idTokens.claims("not a jwt", "n-1").getSubject());
    }

    @Test
    void onlyTheProvidersAsymmetricKeysSign() throws Exception {
        invalid(() -> idTokens.claims(new PlainJWT(claims(c -> c)).serialize(), "n-1").getSubject());
        SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("k1").build(), claims(c -> c));
        hmac.sign(new MACSigner(KEY.toRSAPublicKey().getEncoded()));
        invalid(() -> idTokens.claims(hmac.serialize(), "n-1").getSubject());
        SignedJWT foreign = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(), claims(c -> c));
        foreign.sign(new RSASSASigner(key("k1")));
        invalid(() -> idTokens.claims(foreign.serialize(), "n-1").getSubject());
    }

    @Test
    void aTokenWithoutTheNonceIsAcceptedUnlessTheNonceIsRequired() throws Exception {
        String withoutNonce = signed(c -> c.claim("nonce", null));
        assertThat(idTokens.claims(withoutNonce, "n-1").getSubject()).isEqualTo("U-ada");
        Map<String, String> values = TestSettings.valid();
        values.put(Setting.REQUIRE_NONCE.key(), "true");
        IdTokens strict = idTokens(TestSettings.with(values));
        invalid(() -> strict.claims(withoutNonce, "n-1").getSubject());
    }

    private static IdTokens idTokens(Settings settings) {
        String discovery = """
                {"issuer":"%s","authorization_endpoint":"%s/connect/authorize","token_endpoint":"%s/connect/token",
                 "jwks_uri":"%s/.well-known/jwks.json","response_types_supported":["code"],
                 "subject_types_supported":["public"],"id_token_signing_alg_values_supported":["RS256","HS256"]}"""
                .formatted(ISSUER, ISSUER, ISSUER, ISSUER);
        String jwks = new JWKSet(List.of(KEY)).toString(true);
        return Flows.idTokens(settings, request -> json(discovery), request -> json(jwks));
    }

    private static HTTPResponse json(String body) {
        HTTPResponse response = new HTTPResponse(200);
        response.setHeader("Content-Type", "application/json");
        response.setBody(body);
        return response;
    }

    private static JWTClaimsSet claims(UnaryOperator<JWTClaimsSet.Builder> change) {
        Instant now = Instant.now();
        return change.apply(new JWTClaimsSet.Builder().issuer(ISSUER).subject("U-ada").audience("client-1")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300))).claim("nonce", "n-1")).build();
    }

    private static String signed(UnaryOperator<JWTClaimsSet.Builder> change) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY.getKeyID()).build(), claims(change));
        jwt.sign(new RSASSASigner(KEY));
        return jwt.serialize();
    }

    private static RSAKey key(String id) {
        try {
            return new RSAKeyGenerator(2048).keyID(id).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void invalid(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(LinkFailedException.class,
                e -> assertThat(e.failure()).isEqualTo(LinkFailure.ID_TOKEN_INVALID));
    }
}
