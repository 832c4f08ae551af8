package dev.resonitelink.oauth.control;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPRequestSender;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import dev.resonitelink.oauth.entity.LinkFailedException;
import dev.resonitelink.oauth.entity.LinkFailure;
import dev.resonitelink.settings.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * An OpenID Connect provider's discovery document (Resonite's, or the site's own provider's) (OpenID Connect Discovery 1.0, section 4), read when an id_token has
 * to be checked, never at startup: a provider outage never makes the app unready. Kept for an hour; when a refresh
 * fails the last good document is used, and without one the link attempt ends as "Resonite could not be reached".
 * Its {@code issuer} must be the configured one (section 4.3).
 */
@ApplicationScoped
public class ProviderDiscovery {

    static final Duration FRESH_FOR = Duration.ofHours(1);

    private record Known(OIDCProviderMetadata metadata, Instant fetched) {
    }

    private OpenIdClient client;
    private HTTPRequestSender http;
    private Clock clock = Clock.systemUTC();
    private volatile Known known;

    ProviderDiscovery() {
    }

    @Inject
    public ProviderDiscovery(Settings settings, ProviderHttp http) {
        this(settings, (HTTPRequestSender) http);
    }

    ProviderDiscovery(Settings settings, HTTPRequestSender http) {
        this(OpenIdClient.resonite(settings), http);
    }

    ProviderDiscovery(OpenIdClient client, HTTPRequestSender http) {
        this.client = client;
        this.http = http;
    }

    public OIDCProviderMetadata metadata() throws LinkFailedException {
        Known current = known;
        if (current != null && clock.instant().isBefore(current.fetched().plus(FRESH_FOR))) {
            return current.metadata();
        }
        synchronized (this) {
            current = known;
            if (current != null && clock.instant().isBefore(current.fetched().plus(FRESH_FOR))) {
                return current.metadata();
            }
            try {
                known = new Known(fetch(), clock.instant());
                return known.metadata();
            } catch (LinkFailedException e) {
                if (current != null && e.failure() == LinkFailure.PROVIDER_UNAVAILABLE) {
                    return current.metadata(); // Resonite is down: the keys we know are still Resonite's
                }
                throw e;
            }
        }
    }

    private OIDCProviderMetadata fetch() throws LinkFailedException {
        HTTPRequest request = new HTTPRequest(HTTPRequest.Method.GET, client.discovery());
        request.setAccept("application/json");
        HTTPResponse response;
        try {
            response = request.send(http);
        } catch (IOException e) {
            throw new LinkFailedException(LinkFailure.PROVIDER_UNAVAILABLE,
                    "discovery document unreachable: " + e.getClass().getSimpleName(), null, null);
        }
        if (response.getStatusCode() != 200) {
            throw new LinkFailedException(LinkFailure.PROVIDER_UNAVAILABLE,
                    "discovery document answered HTTP " + response.getStatusCode());
        }
        OIDCProviderMetadata metadata;
        try {
            metadata = OIDCProviderMetadata.parse(response.getBody());
        } catch (ParseException e) {
            throw new LinkFailedException(LinkFailure.ID_TOKEN_INVALID, "unusable discovery document: " + e.getMessage());
        }
        if (!metadata.getIssuer().getValue().equals(client.issuer())) {
            throw new LinkFailedException(LinkFailure.ID_TOKEN_INVALID, "the discovery document names issuer "
                    + metadata.getIssuer() + ", not the configured " + client.issuer());
        }
        return metadata;
    }
}
