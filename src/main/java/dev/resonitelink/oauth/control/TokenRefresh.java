package dev.resonitelink.oauth.control;

import dev.resonitelink.settings.Settings;

import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.http.HTTPRequestSender;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import dev.resonitelink.oauth.entity.LinkFailedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;

/**
 * A new access token for a stored refresh token (RFC 6749 section 6). The provider may rotate the refresh token;
 * the grant then carries the new one, which replaces the old. {@code invalid_grant} surfaces as
 * {@code CODE_REJECTED}: the user has to consent again.
 */
@ApplicationScoped
public class TokenRefresh {

    private Settings settings;
    private ResoniteEndpoints endpoints;
    private HTTPRequestSender http;

    TokenRefresh() {
    }

    @Inject
    public TokenRefresh(Settings settings, ResoniteEndpoints endpoints, ProviderHttp http) {
        this.settings = settings;
        this.endpoints = endpoints;
        this.http = http;
    }

    public CodeRedemption.Grant refresh(String refreshToken, Set<String> scopes) throws LinkFailedException {
        TokenExchange.Grant result = TokenExchange.exchange(settings, endpoints, http,
                new RefreshTokenGrant(new RefreshToken(refreshToken)), scopes);
        return new CodeRedemption.Grant(result.accessToken().getValue(),
                result.refreshToken() == null ? refreshToken : result.refreshToken().getValue(), result.grantedScopes(),
                result.idToken());
    }
}
