package dev.resonitelink.standin;

import com.nimbusds.jose.JOSEException;
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
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.SubjectType;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Resonite's OpenID Connect side: the discovery document, a JWKS whose RSA keys can be rotated, and RS256 id_tokens
 * (OpenID Connect Core 1.0, section 2), each of which {@link Faults#idToken} can break in one way.
 */
final class OpenIdProvider {

    /**
     * Where the discovery document says the authorization, token and revocation endpoints are. Resonite's own
     * document is not public (clients read it, never hard-code it); the stand-in announces paths other than the
     * usual {@code /connect/...} it also serves, so the tests see whether a client followed the document.
     */
    static final String ANNOUNCED = "/oidc";

    private final StandInState state;
    private final List<RSAKey> keys = new CopyOnWriteArrayList<>();
    /** The key of {@link Faults.IdTokenFault#UNKNOWN_KEY}, made once: made per token, a busy machine's key generation
     *  could outlast the app's read timeout, and the test would see an unreachable provider instead. */
    private final RSAKey unknownKey = newKey();

    OpenIdProvider(StandInState state) {
        this.state = state;
        rotate();
    }

    /** A new signing key; the old ones stay in the JWKS (as a provider keeps them while their tokens live). */
    void rotate() {
        keys.add(newKey());
    }

    void discovery(HttpExchange exchange) throws IOException {
        try (exchange) {
            Integer down = state.faults.discoveryStatus;
            if (down != null) {
                Exchanges.send(exchange, down, "text/plain", "unavailable");
                return;
            }
            String base = state.issuer.getValue();
            URI jwks = state.faults.announcedJwks;
            OIDCProviderMetadata metadata = new OIDCProviderMetadata(new Issuer(base), List.of(SubjectType.PUBLIC),
                    jwks != null ? jwks : URI.create(base + "/.well-known/jwks.json"));
            metadata.setAuthorizationEndpointURI(URI.create(base + ANNOUNCED + "/authorize"));
            metadata.setTokenEndpointURI(URI.create(base + ANNOUNCED + "/token"));
            metadata.setUserInfoEndpointURI(URI.create(base + "/api/user/profile"));
            metadata.setRevocationEndpointURI(URI.create(base + ANNOUNCED + "/revocation"));
            metadata.setResponseTypes(List.of(ResponseType.CODE));
            metadata.setScopes(new Scope(ConsentPage.SUPPORTED_SCOPES.toArray(String[]::new)));
            metadata.setIDTokenJWSAlgs(List.of(JWSAlgorithm.RS256));
            Exchanges.send(exchange, 200, "application/json", metadata.toJSONObject().toJSONString());
        }
    }

    void jwks(HttpExchange exchange) throws IOException {
        try (exchange) {
            Exchanges.send(exchange, 200, "application/json", new JWKSet(List.copyOf(keys)).toString(true));
        }
    }

    /** The id_token for a code of {@code userId} redeemed by {@code clientId}, or null when the fault drops it. */
    String idToken(String clientId, String userId, String nonce) {
        Faults.IdTokenFault fault = state.faults.idToken;
        if (fault == Faults.IdTokenFault.MISSING) {
            return null;
        }
        Instant now = state.clock.instant();
        boolean expired = fault == Faults.IdTokenFault.EXPIRED;
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(fault == Faults.IdTokenFault.WRONG_ISSUER ? "https://evil.example" : state.issuer.getValue())
                .subject(fault == Faults.IdTokenFault.OTHER_SUBJECT ? "U-someone-else" : userId)
                .audience(fault == Faults.IdTokenFault.WRONG_AUDIENCE ? "another-client" : clientId)
                .issueTime(Date.from(expired ? now.minus(Duration.ofHours(2)) : now))
                .expirationTime(Date.from(expired ? now.minus(Duration.ofHours(1)) : now.plus(Duration.ofMinutes(5))));
        if (nonce != null && fault != Faults.IdTokenFault.NONCE_OMITTED) {
            claims.claim("nonce", fault == Faults.IdTokenFault.NONCE_WRONG ? "not-the-nonce-sent" : nonce);
        }
        return sign(claims.build(), fault);
    }

    private String sign(JWTClaimsSet claims, Faults.IdTokenFault fault) {
        try {
            if (fault == Faults.IdTokenFault.ALG_NONE) {
                return new PlainJWT(claims).serialize();
            }
            RSAKey current = keys.get(keys.size() - 1);
            if (fault == Faults.IdTokenFault.HMAC_WITH_PUBLIC_KEY) {
                SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(current.getKeyID()).build(), claims);
                jwt.sign(new MACSigner(current.toRSAPublicKey().getEncoded()));
                return jwt.serialize();
            }
            RSAKey key = fault == Faults.IdTokenFault.UNKNOWN_KEY ? unknownKey : current;
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            String serialized = jwt.serialize();
            return fault == Faults.IdTokenFault.BAD_SIGNATURE ? tamper(serialized) : serialized;
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same token with one character of its signature changed. */
    private static String tamper(String jwt) {
        int at = jwt.lastIndexOf('.') + 5;
        char changed = jwt.charAt(at) == 'A' ? 'B' : 'A';
        return jwt.substring(0, at) + changed + jwt.substring(at + 1);
    }

    private static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyID(Exchanges.random(8)).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
