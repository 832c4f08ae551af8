package dev.resonitelink.standin;

import static dev.resonitelink.standin.Exchanges.sendNimbus;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * The token endpoint (RFC 6749 sections 4.1.3 and 6): client secret (post or basic), single-use expiring codes
 * bound to client, redirect URI and PKCE challenge; a replayed code revokes what it gave; refresh tokens rotate.
 */
final class TokenEndpoint {

    private final StandInState state;

    TokenEndpoint(StandInState state) {
        this.state = state;
    }

    void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            state.tokenRequests.incrementAndGet();
            Faults f = state.faults;
            Faults.pause(f.tokenDelay);
            if (f.tokenStatus != null) {
                Exchanges.send(exchange, f.tokenStatus, f.tokenContentType, f.tokenBody == null ? "" : f.tokenBody);
            } else if (!"POST".equals(exchange.getRequestMethod())) {
                Exchanges.send(exchange, 405, "text/plain", "method not allowed");
            } else {
                grant(exchange);
            }
        }
    }

    private void grant(HttpExchange exchange) throws IOException {
        TokenRequest request;
        try {
            request = TokenRequest.parse(Exchanges.nimbusPost(exchange, java.net.URI.create(state.issuer.getValue() + "/connect/token")));
        } catch (ParseException e) {
            ErrorObject error = e.getErrorObject() != null ? e.getErrorObject() : OAuth2Error.INVALID_REQUEST;
            sendNimbus(exchange, new TokenErrorResponse(error).toHTTPResponse());
            return;
        }
        ResoniteStandIn.Client client = authenticate(state, request.getClientAuthentication());
        AuthorizationGrant grant = request.getAuthorizationGrant();
        if (client == null) {
            sendNimbus(exchange, new TokenErrorResponse(OAuth2Error.INVALID_CLIENT).toHTTPResponse());
        } else if (grant instanceof AuthorizationCodeGrant codeGrant) {
            redeemCode(exchange, client, codeGrant);
        } else if (grant instanceof RefreshTokenGrant refreshGrant) {
            refresh(exchange, client, refreshGrant);
        } else {
            sendNimbus(exchange, new TokenErrorResponse(OAuth2Error.UNSUPPORTED_GRANT_TYPE).toHTTPResponse());
        }
    }

    /** The client whose id and secret were sent, or null. */
    static ResoniteStandIn.Client authenticate(StandInState state, ClientAuthentication auth) {
        ResoniteStandIn.Client client = auth == null ? null : state.clients.get(auth.getClientID().getValue());
        if (client == null) {
            return null;
        }
        Secret sent = auth instanceof ClientSecretPost post ? post.getClientSecret()
                : auth instanceof ClientSecretBasic basic ? basic.getClientSecret() : null;
        return sent != null && MessageDigest.isEqual(sent.getValueBytes(), client.secret().getBytes(StandardCharsets.UTF_8))
                ? client : null;
    }

    private void redeemCode(HttpExchange exchange, ResoniteStandIn.Client client, AuthorizationCodeGrant grant)
            throws IOException {
        String value = grant.getAuthorizationCode().getValue();
        StandInState.IssuedCode code = state.codes.remove(value);
        if (code == null) {
            if (state.usedCodes.contains(value)) {
                // a replayed code: refuse it and revoke what it gave (RFC 6749 section 4.1.2)
                state.accessTokens.values().removeIf(t -> value.equals(t.fromCode()));
                state.refreshTokens.values().removeIf(t -> value.equals(t.fromCode()));
            }
            sendNimbus(exchange, new TokenErrorResponse(OAuth2Error.INVALID_GRANT).toHTTPResponse());
            return;
        }
        state.usedCodes.add(value);
        if (grant.getCodeVerifier() != null) {
            state.everIssued.add(grant.getCodeVerifier().getValue()); // not issued by us, but just as secret
        }
        boolean valid = code.clientId().equals(client.id())
                && state.clock.instant().isBefore(code.expires())
                && (code.redirectUri() == null || code.redirectUri().equals(grant.getRedirectionURI()))
                && pkceMatches(code, grant.getCodeVerifier());
        if (!valid) {
            sendNimbus(exchange, new TokenErrorResponse(OAuth2Error.INVALID_GRANT).toHTTPResponse());
            return;
        }
        sendTokens(exchange, client, code.userId(), code.scopes(), value,
                code.scopes().contains("openid") ? state.openId.idToken(client.id(), code.userId(), code.nonce()) : null);
    }

    private static boolean pkceMatches(StandInState.IssuedCode code, CodeVerifier verifier) {
        if (code.challenge() == null || verifier == null) {
            return code.challenge() == null && verifier == null;
        }
        CodeChallengeMethod method = code.method() == null ? CodeChallengeMethod.PLAIN : code.method();
        return MessageDigest.isEqual(CodeChallenge.compute(method, verifier).getValue().getBytes(StandardCharsets.US_ASCII),
                code.challenge().getValue().getBytes(StandardCharsets.US_ASCII));
    }

    private void refresh(HttpExchange exchange, ResoniteStandIn.Client client, RefreshTokenGrant grant)
            throws IOException {
        Faults.pause(state.faults.refreshDelay);
        StandInState.IssuedToken old = state.refreshTokens.remove(grant.getRefreshToken().getValue());
        if (old == null || !old.clientId().equals(client.id())) {
            sendNimbus(exchange, new TokenErrorResponse(OAuth2Error.INVALID_GRANT).toHTTPResponse());
            return;
        }
        sendTokens(exchange, client, old.userId(), old.scopes(), old.fromCode(), null);
    }

    private void sendTokens(HttpExchange exchange, ResoniteStandIn.Client client, String userId, Set<String> scopes,
                            String fromCode, String idToken) throws IOException {
        String access = Exchanges.random(32);
        state.everIssued.add(access);
        Instant expires = state.clock.instant().plus(state.tokenLifetime);
        state.accessTokens.put(access, new StandInState.IssuedToken(client.id(), userId, scopes, expires, fromCode));
        RefreshToken refresh = null;
        if (scopes.contains("offline_access")) {
            refresh = new RefreshToken(Exchanges.random(32));
            state.everIssued.add(refresh.getValue());
            state.refreshTokens.put(refresh.getValue(),
                    new StandInState.IssuedToken(client.id(), userId, scopes, Instant.MAX, fromCode));
        }
        Scope scope = new Scope(scopes.toArray(String[]::new));
        Tokens tokens = new Tokens(new BearerAccessToken(access, state.tokenLifetime.toSeconds(), scope), refresh);
        sendNimbus(exchange, new AccessTokenResponse(tokens, idToken == null ? null : Map.of("id_token", idToken))
                .toHTTPResponse());
    }
}
