package dev.resonitelink.oauth.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Resource;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPRequestSender;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import dev.resonitelink.oauth.entity.LinkFailedException;
import dev.resonitelink.oauth.entity.LinkFailure;
import dev.resonitelink.oauth.entity.ProviderRegistration;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a provider's id_token (OpenID Connect Core 1.0, section 3.1.3.7) with Nimbus's {@link IDTokenValidator} and
 * the keys of the provider's JWKS: a signature by one of the asymmetric algorithms the provider announces (never
 * {@code none}, never an HMAC, which would be keyed with public material), {@code iss} exactly the configured issuer,
 * {@code aud} containing the client id ({@code azp} when several), {@code exp} and {@code iat} within the clock
 * skew, and the {@code nonce} when the token carries one (a token without it is accepted unless
 * the registration requires it). A token signed with a key the app has not seen makes the JWKS be read again, at
 * most once per {@link #KEYS_REFRESH_MIN_INTERVAL_MS} ms, so key rotation needs no restart.
 */
public class IdTokens {

    static final long KEYS_REFRESH_MIN_INTERVAL_MS = 5_000;
    private static final Set<JWSAlgorithm.Family> ASYMMETRIC = Set.of(JWSAlgorithm.Family.RSA, JWSAlgorithm.Family.EC,
            JWSAlgorithm.Family.ED);

    private final ProviderRegistration registration;
    private final ProviderDiscovery discovery;
    private final HTTPRequestSender http;
    private volatile KeysOf keys;

    private record KeysOf(URI jwksUri, JWKSource<SecurityContext> source) {
    }

    /** The id_tokens of this registration's provider ({@code openId} must be set), keys found through discovery. */
    IdTokens(ProviderRegistration registration, ProviderDiscovery discovery, HTTPRequestSender http) {
        this.registration = registration;
        this.discovery = discovery;
        this.http = http;
    }

    /** The id_token's claims, once every rule holds; otherwise {@code ID_TOKEN_INVALID}. */
    JWTClaimsSet claims(String idToken, String sentNonce) throws LinkFailedException {
        if (idToken == null) {
            throw new LinkFailedException(LinkFailure.ID_TOKEN_INVALID, "no id_token although openid was asked for");
        }
        OIDCProviderMetadata metadata = discovery.metadata();
        try {
            JWT jwt = JWTParser.parse(idToken);
            IDTokenValidator validator = new IDTokenValidator(new Issuer(registration.issuer()),
                    new ClientID(registration.clientId()),
                    new JWSVerificationKeySelector<>(algorithms(metadata), keys(metadata.getJWKSetURI())), null);
            validator.setMaxClockSkew((int) registration.openId().clockSkew().toSeconds());
            boolean carriesNonce = jwt.getJWTClaimsSet().getClaim("nonce") != null;
            Nonce expected = sentNonce != null && (carriesNonce || registration.openId().requireNonce())
                    ? new Nonce(sentNonce) : null;
            return validator.validate(jwt, expected).toJWTClaimsSet();
        } catch (java.text.ParseException | BadJOSEException | JOSEException | com.nimbusds.oauth2.sdk.ParseException e) {
            throw new LinkFailedException(LinkFailure.ID_TOKEN_INVALID, "id_token refused: " + e.getMessage());
        }
    }

    /** The JWKS through the same HTTP client as every other call to the provider (deadline, size cap, metrics). */
    private Resource retrieve(URL url) throws IOException {
        HTTPRequest request;
        try {
            request = new HTTPRequest(HTTPRequest.Method.GET, url.toURI());
        } catch (URISyntaxException e) {
            throw new IOException("unusable jwks_uri", e);
        }
        request.setAccept("application/json");
        HTTPResponse response = request.send(http);
        if (response.getStatusCode() != 200) {
            throw new IOException("jwks_uri answered HTTP " + response.getStatusCode());
        }
        return new Resource(response.getBody(), response.getHeaderValue("Content-Type"));
    }

    private static Set<JWSAlgorithm> algorithms(OIDCProviderMetadata metadata) throws LinkFailedException {
        List<JWSAlgorithm> announced = metadata.getIDTokenJWSAlgs() == null ? List.of() : metadata.getIDTokenJWSAlgs();
        Set<JWSAlgorithm> usable = announced.stream()
                .filter(alg -> ASYMMETRIC.stream().anyMatch(family -> family.contains(alg)))
                .collect(Collectors.toSet());
        if (usable.isEmpty()) {
            throw new LinkFailedException(LinkFailure.ID_TOKEN_INVALID, "the provider announces no asymmetric id_token"
                    + " algorithm: " + announced);
        }
        return usable;
    }

    private JWKSource<SecurityContext> keys(URI jwksUri) throws LinkFailedException {
        KeysOf current = keys;
        if (current != null && current.jwksUri().equals(jwksUri)) {
            return current.source();
        }
        if (jwksUri == null) {
            throw new LinkFailedException(LinkFailure.ID_TOKEN_INVALID, "the discovery document has no jwks_uri");
        }
        try {
            JWKSource<SecurityContext> source = JWKSourceBuilder.create(jwksUri.toURL(), this::retrieve)
                    .rateLimited(KEYS_REFRESH_MIN_INTERVAL_MS)
                    .build();
            keys = new KeysOf(jwksUri, source);
            return source;
        } catch (MalformedURLException e) {
            throw new LinkFailedException(LinkFailure.ID_TOKEN_INVALID, "unusable jwks_uri " + jwksUri);
        }
    }
}
