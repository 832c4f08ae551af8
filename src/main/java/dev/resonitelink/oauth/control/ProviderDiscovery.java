package dev.resonitelink.oauth.control;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPRequestSender;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import dev.resonitelink.oauth.entity.LinkFailedException;
import dev.resonitelink.oauth.entity.LinkFailure;
import dev.resonitelink.oauth.entity.ProviderRegistration;
import dev.resonitelink.settings.Settings;
import dev.resonitelink.settings.Origins;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Logger;

/**
 * An OpenID Connect provider's discovery document (Resonite's, or the site's own provider's) (OpenID Connect Discovery 1.0, section 4), read when an id_token has
 * to be checked, never at startup: a provider outage never makes the app unready. Kept for an hour; when a refresh
 * fails the last good document is used, and without one the flow ends as "the provider could not be reached". One per registration, held by its
 * {@link AuthorizationCodeFlow}.
 * Its {@code issuer} must be the configured one (section 4.3).
 */
public class ProviderDiscovery {

    private static final Logger LOG = Logger.getLogger(ProviderDiscovery.class.getName());

    static final Duration FRESH_FOR = Duration.ofHours(1);
    /** After a failed read, how long the answer stands before the document is asked for again. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(10);

    /**
     * What is known until {@code nextRead}: the document (null when none could be read), or why the last read
     * failed when it cannot be used (null when it can).
     */
    private record Known(OIDCProviderMetadata metadata, LinkFailedException failure, Instant nextRead) {
    }

    private final ProviderRegistration registration;
    private final HTTPRequestSender http;
    private final Settings.Limits limits;
    private final Clock clock;
    private volatile Known known;

    /** The document of this registration's provider ({@code openId} must be set), read through {@code http}. */
    ProviderDiscovery(ProviderRegistration registration, HTTPRequestSender http, Settings.Limits limits, Clock clock) {
        this.registration = registration;
        this.http = http;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * The document: read on first use, then again an hour later. While the provider cannot be reached the last good
     * document stays in use; a failed read is not repeated for {@link #RETRY_AFTER}, so an outage costs one timeout
     * per ten seconds, not one per request.
     */
    public OIDCProviderMetadata metadata() throws LinkFailedException {
        Known current = known;
        if (current == null || !clock.instant().isBefore(current.nextRead())) {
            synchronized (this) {
                current = known;
                if (current == null || !clock.instant().isBefore(current.nextRead())) {
                    current = read(current == null ? null : current.metadata());
                    known = current;
                }
            }
        }
        if (current.failure() != null) {
            throw new LinkFailedException(current.failure().failure(), current.failure().getMessage());
        }
        return current.metadata();
    }

    private Known read(OIDCProviderMetadata previous) {
        Instant now = clock.instant();
        try {
            return new Known(fetch(), null, now.plus(FRESH_FOR));
        } catch (LinkFailedException e) {
            if (previous != null && e.failure() == LinkFailure.PROVIDER_UNAVAILABLE) {
                return new Known(previous, null, now.plus(RETRY_AFTER)); // the keys we know are still the provider's
            }
            return new Known(null, e, now.plus(RETRY_AFTER));
        }
    }

    private OIDCProviderMetadata fetch() throws LinkFailedException {
        HTTPRequest request = new HTTPRequest(HTTPRequest.Method.GET, registration.openId().discovery());
        request.setAccept("application/json");
        HTTPResponse response = ProviderHttp.call(request, http, limits, "discovery document",
                LinkFailure.PROVIDER_UNAVAILABLE);
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
        if (!metadata.getIssuer().getValue().equals(registration.issuer())) {
            throw new LinkFailedException(LinkFailure.ID_TOKEN_INVALID, "the discovery document names issuer "
                    + metadata.getIssuer() + ", not the configured " + registration.issuer());
        }
        checkEndpoints(metadata);
        return metadata;
    }

    /**
     * Every endpoint the document announces and this app may call or send a browser to must be https (http only on
     * this machine) and on the issuer's origin, or on an origin the operator allowed: otherwise a bad document could
     * have the client secret posted, or keys fetched, over plain http or from a host inside the network.
     */
    private void checkEndpoints(OIDCProviderMetadata metadata) throws LinkFailedException {
        String issuerOrigin = Origins.of(URI.create(registration.issuer()));
        Map<String, URI> announced = new LinkedHashMap<>();
        announced.put("authorization_endpoint", metadata.getAuthorizationEndpointURI());
        announced.put("token_endpoint", metadata.getTokenEndpointURI());
        announced.put("jwks_uri", metadata.getJWKSetURI());
        announced.put("revocation_endpoint", metadata.getRevocationEndpointURI());
        announced.put("end_session_endpoint", metadata.getEndSessionEndpointURI());
        announced.put("userinfo_endpoint", metadata.getUserInfoEndpointURI());
        for (Map.Entry<String, URI> endpoint : announced.entrySet()) {
            URI uri = endpoint.getValue();
            if (uri == null) {
                continue;
            }
            String origin = Origins.of(uri);
            if (!Origins.secure(uri) || !(Objects.equals(origin, issuerOrigin)
                    || registration.openId().allowedEndpointOrigins().contains(origin))) {
                String why = "the discovery document of " + registration.issuer() + " announces " + endpoint.getKey() + " "
                        + uri + ", which is " + (Origins.secure(uri) ? "not on the issuer's origin "
                        + issuerOrigin : "not https") + "; the document is refused (allow the origin in the"
                        + " provider's allowed-endpoint-origins setting if it is truly the provider's)";
                LOG.warning(why);
                throw new LinkFailedException(LinkFailure.PROVIDER_UNAVAILABLE, why);
            }
        }
    }
}
