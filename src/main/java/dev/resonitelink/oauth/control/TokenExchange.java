package dev.resonitelink.oauth.control;

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
import com.nimbusds.oauth2.sdk.http.HTTPRequestSender;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.Tokens;
import dev.resonitelink.oauth.entity.Grant;
import dev.resonitelink.oauth.entity.LinkFailedException;
import dev.resonitelink.oauth.entity.LinkFailure;
import dev.resonitelink.oauth.entity.ProviderRegistration;
import dev.resonitelink.settings.Settings;
import java.net.URI;
import java.util.Set;

/**
 * One request to a token endpoint (RFC 6749 sections 4.1.3 and 6), for code redemption and refresh alike: the
 * registration's client authentication, the deadline, and every failure mapped to a {@link LinkFailure}.
 */
final class TokenExchange {

    private TokenExchange() {
    }

    /** The registration's client authentication: the secret in HTTP Basic or in the body (RFC 6749 section 2.3.1). */
    static ClientAuthentication clientAuthentication(ProviderRegistration registration) {
        ClientID clientId = new ClientID(registration.clientId());
        Secret secret = new Secret(registration.clientSecret());
        return registration.basicAuth() ? new ClientSecretBasic(clientId, secret) : new ClientSecretPost(clientId, secret);
    }

    static Grant exchange(ProviderRegistration registration, URI endpoint, HTTPRequestSender http, Settings.Limits limits,
                          AuthorizationGrant grant, Set<String> requestedScopes) throws LinkFailedException {
        HTTPResponse httpResponse = ProviderHttp.call(new TokenRequest.Builder(endpoint,
                        clientAuthentication(registration), grant).build().toHTTPRequest(), http, limits,
                "token endpoint", LinkFailure.PROVIDER_FAILED);
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
        return new Grant(tokens.getAccessToken().getValue(),
                tokens.getRefreshToken() == null ? null : tokens.getRefreshToken().getValue(), scopes,
                idToken instanceof String value ? value : null);
    }
}
