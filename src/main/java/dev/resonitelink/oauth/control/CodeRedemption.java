package dev.resonitelink.oauth.control;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
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
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import dev.resonitelink.oauth.entity.LinkFailedException;
import dev.resonitelink.oauth.entity.LinkFailure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.Set;

/**
 * Step 2 of the flow: redeems the authorization code at the token endpoint (RFC 6749 section 4.1.3) with the
 * client secret, the PKCE verifier and the exact redirect URI, and returns the access token with the scopes
 * actually granted (section 5.1: an absent {@code scope} means the requested ones).
 */
@ApplicationScoped
public class CodeRedemption {

    private ResoniteSettings settings;
    private HTTPRequestSender http;

    CodeRedemption() {
    }

    @Inject
    public CodeRedemption(ResoniteSettings settings, ProviderHttp http) {
        this(settings, (HTTPRequestSender) http);
    }

    CodeRedemption(ResoniteSettings settings, HTTPRequestSender http) {
        this.settings = settings;
        this.http = http;
    }

    /** What the token endpoint gave us. The token is used once, for the profile, and never stored or logged. */
    public record Grant(AccessToken accessToken, Set<String> grantedScopes) {
    }

    public Grant redeem(String code, String codeVerifier, Set<String> requestedScopes) throws LinkFailedException {
        ClientID clientId = new ClientID(settings.clientId());
        Secret secret = new Secret(settings.clientSecret());
        ClientAuthentication auth = settings.clientAuth() == ResoniteSettings.ClientAuth.CLIENT_SECRET_BASIC
                ? new ClientSecretBasic(clientId, secret)
                : new ClientSecretPost(clientId, secret);
        AuthorizationCodeGrant grant = new AuthorizationCodeGrant(new AuthorizationCode(code), settings.redirectUri(),
                codeVerifier == null ? null : new CodeVerifier(codeVerifier));
        HTTPRequest request = new TokenRequest.Builder(settings.tokenUri(), auth, grant).build().toHTTPRequest();
        request.setConnectTimeout((int) settings.connectTimeout().toMillis());
        request.setReadTimeout((int) settings.readTimeout().toMillis());

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
            String code0 = error.getCode();
            LinkFailure failure = OAuth2Error.INVALID_CLIENT.getCode().equals(code0)
                    || OAuth2Error.UNAUTHORIZED_CLIENT.getCode().equals(code0)
                    ? LinkFailure.CLIENT_REJECTED
                    : OAuth2Error.INVALID_GRANT.getCode().equals(code0)
                    ? LinkFailure.CODE_REJECTED
                    : LinkFailure.PROVIDER_FAILED;
            throw new LinkFailedException(failure, "token endpoint answered HTTP " + httpResponse.getStatusCode()
                    + " error=" + code0, code0, null);
        }
        AccessTokenResponse success = response.toSuccessResponse();
        Tokens tokens = success.getTokens();
        Scope granted = tokens.getAccessToken().getScope();
        Set<String> scopes = granted == null ? requestedScopes : Set.copyOf(granted.toStringList());
        return new Grant(tokens.getAccessToken(), scopes);
    }
}
