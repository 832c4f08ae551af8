package dev.resonitelink.oauth.control;

import dev.resonitelink.settings.Settings;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.http.HTTPRequestSender;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import dev.resonitelink.oauth.entity.LinkFailedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;

/**
 * Step 2 of the flow: redeems the authorization code at the token endpoint (RFC 6749 section 4.1.3) with the
 * client secret, the PKCE verifier and the exact redirect URI, and returns the access token with the scopes
 * actually granted (section 5.1: an absent {@code scope} means the requested ones), plus the refresh token when
 * {@code offline_access} was granted.
 */
@ApplicationScoped
public class CodeRedemption {

    private Settings settings;
    private ResoniteEndpoints endpoints;
    private HTTPRequestSender http;

    CodeRedemption() {
    }

    @Inject
    public CodeRedemption(Settings settings, ResoniteEndpoints endpoints, ProviderHttp http) {
        this(settings, endpoints, (HTTPRequestSender) http);
    }

    /** For unit tests: every call to Resonite (discovery included) goes to {@code http}. */
    CodeRedemption(Settings settings, HTTPRequestSender http) {
        this(settings, new ResoniteEndpoints(settings, new ProviderDiscovery(settings, http)), http);
    }

    private CodeRedemption(Settings settings, ResoniteEndpoints endpoints, HTTPRequestSender http) {
        this.settings = settings;
        this.endpoints = endpoints;
        this.http = http;
    }

    /** What the token endpoint gave us. The access token is used once, for the profile, and never stored or logged. */
    public record Grant(String accessToken, String refreshToken, Set<String> grantedScopes, String idToken) {
        @Override
        public String toString() {
            return "Grant[accessToken=***, refreshToken=" + (refreshToken == null ? "none" : "***") + ", grantedScopes="
                    + grantedScopes + ", idToken=" + (idToken == null ? "none" : "***") + "]";
        }
    }

    public Grant redeem(String code, String codeVerifier, Set<String> requestedScopes) throws LinkFailedException {
        AuthorizationCodeGrant grant = new AuthorizationCodeGrant(new AuthorizationCode(code), settings.client().redirectUri(),
                codeVerifier == null ? null : new CodeVerifier(codeVerifier));
        TokenExchange.Grant result = TokenExchange.exchange(settings, endpoints, http, grant, requestedScopes);
        return new Grant(result.accessToken().getValue(),
                result.refreshToken() == null ? null : result.refreshToken().getValue(), result.grantedScopes(),
                result.idToken());
    }
}
