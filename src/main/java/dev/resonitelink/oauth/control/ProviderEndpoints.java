package dev.resonitelink.oauth.control;

import com.nimbusds.oauth2.sdk.http.HTTPRequestSender;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import dev.resonitelink.oauth.entity.LinkFailedException;
import dev.resonitelink.oauth.entity.ProviderRegistration;
import dev.resonitelink.settings.Settings;
import java.net.URI;
import java.util.logging.Logger;

/**
 * The endpoints a flow uses. Without OpenID Connect: the configured ones (or their defaults), as always. With it: the
 * discovery document's authorization, token and revocation endpoints, except where the deployment set one itself (an
 * explicitly configured endpoint wins), read through {@link ProviderDiscovery} (lazily, kept, refreshed; an outage is
 * a failed attempt, never an unready app). So an unlink revokes the grant whenever Resonite announces a revocation
 * endpoint, configured or not.
 * <p>
 * Where an authorization endpoint is configured (Resonite's always is, by default), an announced one is used only on
 * the issuer's origin or the configured endpoint's: those are the origins the pages' Content-Security-Policy lets the
 * link form go to. One elsewhere must be configured.
 */
class ProviderEndpoints {

    private static final Logger LOG = Logger.getLogger(ProviderEndpoints.class.getName());

    private final ProviderRegistration registration;
    private final ProviderDiscovery discovery;
    private final HTTPRequestSender http;
    private volatile Merged merged;

    /** The endpoints as merged with one discovery document (merged again when the document is read again). */
    private record Merged(OIDCProviderMetadata document, ProviderRegistration.Endpoints endpoints) {
    }

    /** @param discovery null without OpenID Connect */
    ProviderEndpoints(ProviderRegistration registration, ProviderDiscovery discovery, HTTPRequestSender http) {
        this.registration = registration;
        this.discovery = discovery;
        this.http = http;
    }

    /**
     * @throws LinkFailedException with OpenID Connect, when the discovery document cannot be read and none was read
     *                             before ({@code PROVIDER_UNAVAILABLE}), or is not the provider's ({@code ID_TOKEN_INVALID})
     */
    ProviderRegistration.Endpoints current() throws LinkFailedException {
        ProviderRegistration.Endpoints configured = registration.endpoints();
        if (discovery == null) {
            return configured;
        }
        OIDCProviderMetadata document = discovery.metadata();
        Merged known = merged;
        if (known != null && known.document() == document) {
            return known.endpoints();
        }
        ProviderRegistration.Endpoints endpoints = configured.announced(
                usableAuthorize(configured, document.getAuthorizationEndpointURI()), document.getTokenEndpointURI(),
                document.getRevocationEndpointURI());
        if (http instanceof ProviderHttp labelled) {
            labelled.announced(endpoints.token(), "token");
            labelled.announced(endpoints.revocation(), "revocation");
        }
        merged = new Merged(document, endpoints);
        return endpoints;
    }

    /** The end-session endpoint (RP-Initiated Logout) the provider announces, or null. */
    URI endSession() throws LinkFailedException {
        return discovery == null ? null : discovery.metadata().getEndSessionEndpointURI();
    }

    private URI usableAuthorize(ProviderRegistration.Endpoints configured, URI announced) {
        if (announced == null || configured.authorize() == null
                || sameOrigin(announced, URI.create(registration.issuer()))
                || sameOrigin(announced, configured.authorize())) {
            return announced;
        }
        LOG.warning(() -> registration.name() + "'s discovery document announces its authorization endpoint on "
                + Settings.origin(announced)
                + ", neither the issuer's origin nor the configured endpoint's; using the configured "
                + configured.authorize() + " (configure the endpoint to use the other)");
        return null;
    }

    private static boolean sameOrigin(URI a, URI b) {
        return Settings.origin(a).equalsIgnoreCase(Settings.origin(b));
    }
}
