package dev.resonitelink.oauth.control;

import dev.resonitelink.settings.Settings;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPRequestSender;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import dev.resonitelink.oauth.entity.LinkFailedException;
import dev.resonitelink.oauth.entity.LinkFailure;
import java.io.IOException;
import java.util.Set;

/**
 * One request to the token endpoint (RFC 6749 sections 4.1.3 and 6), shared by code redemption and refresh:
 * client authentication as configured, timeouts, and every failure mapped to a {@link LinkFailure}.
 */
final class TokenExchange {

    private TokenExchange() {
    }

    /** What the token endpoint gave. Tokens are never logged; the refresh token is null unless one was issued. */
    record Grant(AccessToken accessToken, RefreshToken refreshToken, Set<String> grantedScopes, String idToken) {
    }

    static ClientAuthentication clientAuthentication(Settings settings) {
        ClientID clientId = new ClientID(settings.client().id());
        Secret secret = new Secret(settings.client().secret());
        return settings.client().auth() == Settings.ClientAuth.CLIENT_SECRET_BASIC
                ? new ClientSecretBasic(clientId, secret)
                : new ClientSecretPost(clientId, secret);
    }

    /** At Resonite's token endpoint ({@link ResoniteEndpoints}: configured, or announced by discovery). */
    static Grant exchange(Settings settings, ResoniteEndpoints endpoints, HTTPRequestSender http,
                          AuthorizationGrant grant, Set<String> requestedScopes) throws LinkFailedException {
        return exchange(endpoints.current().token(), clientAuthentication(settings), settings.limits(), http, grant,
                requestedScopes);
    }

    /** The same at another provider's token endpoint (the site's own provider, for sign-in). */
    static Grant exchange(java.net.URI endpoint, ClientAuthentication auth, Settings.Limits limits,
                          HTTPRequestSender http, AuthorizationGrant grant, Set<String> requestedScopes)
            throws LinkFailedException {
        HTTPRequest request = new TokenRequest.Builder(endpoint, auth, grant).build().toHTTPRequest();
        request.setConnectTimeout((int) limits.connectTimeout().toMillis());
        request.setReadTimeout((int) limits.readTimeout().toMillis());

        HTTPResponse httpResponse;
        try {
            httpResponse = request.send(http);
        } catch (ProviderHttp.ResponseTooLargeException e) {
            throw new LinkFailedException(LinkFailure.PROVIDER_FAILED, "token endpoint: " + e.getMessage(), null, null);
        } catch (IOException e) {
            throw new LinkFailedException(LinkFailure.PROVIDER_UNAVAILABLE,
                    "token endpoint unreachable: " + e.getClass().getSimpleName() + ": " + e.getMessage(), null, null);
        }
        TokenResponse response;
        try {
            response = TokenResponse.parse(httpResponse);
        } catch (ParseException e) {
            throw new LinkFailedException(LinkFailure.PROVIDER_FAILED,
                    "token endpoint answered HTTP " + httpResponse.getStatusCode() + " with an unusable body", null, null);
        }
        if (!response.indicatesSuccess()) {
            ErrorObject error = response.toErrorResponse().getErrorObject();
            String code = error.getCode();
            LinkFailure failure = OAuth2Error.INVALID_CLIENT.getCode().equals(code)
                    || OAuth2Error.UNAUTHORIZED_CLIENT.getCode().equals(code)
                    ? LinkFailure.CLIENT_REJECTED
                    : OAuth2Error.INVALID_GRANT.getCode().equals(code)
                    ? LinkFailure.CODE_REJECTED
                    : LinkFailure.PROVIDER_FAILED;
            throw new LinkFailedException(failure, "token endpoint answered HTTP " + httpResponse.getStatusCode()
                    + " error=" + code, code, null);
        }
        AccessTokenResponse success = response.toSuccessResponse();
        Tokens tokens = success.getTokens();
        Scope granted = tokens.getAccessToken().getScope();
        Set<String> scopes = granted == null ? requestedScopes : Set.copyOf(granted.toStringList());
        Object idToken = success.getCustomParameters().get("id_token"); // OpenID Connect Core 3.1.3.3
        return new Grant(tokens.getAccessToken(), tokens.getRefreshToken(), scopes,
                idToken instanceof String value ? value : null);
    }
}
