package dev.resonitelink.oauth.control;

import dev.resonitelink.settings.Settings;

import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import dev.resonitelink.oauth.entity.LinkFailedException;
import java.io.IOException;
import java.net.URI;
import java.util.logging.Logger;

/**
 * Revokes a refresh token at Resonite's revocation endpoint (RFC 7009): the configured one, or with {@code openid}
 * the one its discovery document announces ({@link ResoniteEndpoints}), so an unlink also ends the grant at
 * Resonite. Best effort: the answer is reported, never thrown, and the caller unlinks locally whatever happens.
 */
@ApplicationScoped
public class TokenRevocation {

    private static final Logger LOG = Logger.getLogger(TokenRevocation.class.getName());

    @Inject
    Settings settings;

    @Inject
    ProviderHttp http;

    @Inject
    ResoniteEndpoints endpoints;

    /** Whether the provider confirmed the revocation (false also when it has no revocation endpoint). */
    public boolean revoke(String refreshToken) {
        if (refreshToken == null) {
            return false;
        }
        URI endpoint;
        try {
            endpoint = endpoints.current().revocation();
        } catch (LinkFailedException e) {
            LOG.warning(() -> "token revocation failed: Resonite's endpoints are unknown (" + e.failure() + ")");
            return false;
        }
        if (endpoint == null) {
            return false;
        }
        HTTPRequest request = new TokenRevocationRequest(endpoint,
                TokenExchange.clientAuthentication(settings), new RefreshToken(refreshToken)).toHTTPRequest();
        request.setConnectTimeout((int) settings.limits().connectTimeout().toMillis());
        request.setReadTimeout((int) settings.limits().readTimeout().toMillis());
        try {
            HTTPResponse response = request.send(http);
            if (response.getStatusCode() == 200) {
                return true;
            }
            LOG.warning(() -> "token revocation answered HTTP " + response.getStatusCode());
        } catch (IOException e) {
            LOG.warning(() -> "token revocation failed: " + e.getClass().getSimpleName());
        }
        return false;
    }
}
