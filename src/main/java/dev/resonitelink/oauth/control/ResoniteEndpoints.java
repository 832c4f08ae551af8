package dev.resonitelink.oauth.control;

import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import dev.resonitelink.oauth.entity.LinkFailedException;
import dev.resonitelink.settings.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.logging.Logger;

/**
 * The Resonite endpoints a flow uses. Without {@code openid} among the scopes: the configured ones (or their
 * defaults), as always. With it: the discovery document's authorization, token and revocation endpoints, except
 * where the deployment set one itself (an explicitly configured endpoint wins), read through
 * {@link ProviderDiscovery} (lazily, kept, refreshed; an outage is a failed link attempt, never an unready app).
 * So an unlink revokes the grant whenever Resonite announces a revocation endpoint, configured or not.
 * <p>
 * An announced authorization endpoint is used only on the issuer's origin or the configured endpoint's: those are
 * the origins the pages' Content-Security-Policy lets the link form go to. One elsewhere must be configured.
 */
@ApplicationScoped
public class ResoniteEndpoints {

    private static final Logger LOG = Logger.getLogger(ResoniteEndpoints.class.getName());

    private Settings settings;
    private ProviderDiscovery discovery;
    private ProviderHttp http;
    private volatile Merged merged;

    /** The endpoints as merged with one discovery document (merged again when the document is read again). */
    private record Merged(OIDCProviderMetadata document, Settings.Endpoints endpoints) {
    }

    ResoniteEndpoints() {
    }

    @Inject
    public ResoniteEndpoints(Settings settings, ProviderDiscovery discovery, ProviderHttp http) {
        this.settings = settings;
        this.discovery = discovery;
        this.http = http;
    }

    /** For unit tests: the endpoints of these settings, discovery (when asked for) read through {@code discovery}. */
    ResoniteEndpoints(Settings settings, ProviderDiscovery discovery) {
        this(settings, discovery, null);
    }

    /**
     * @throws LinkFailedException with {@code openid}, when the discovery document cannot be read and none was read
     *                             before ({@code PROVIDER_UNAVAILABLE}), or is not Resonite's ({@code ID_TOKEN_INVALID})
     */
    public Settings.Endpoints current() throws LinkFailedException {
        Settings.Endpoints configured = settings.endpoints();
        if (!settings.client().openId()) {
            return configured;
        }
        OIDCProviderMetadata document = discovery.metadata();
        Merged known = merged;
        if (known != null && known.document() == document) {
            return known.endpoints();
        }
        Settings.Endpoints endpoints = configured.announced(
                usableAuthorize(configured, document.getAuthorizationEndpointURI()), document.getTokenEndpointURI(),
                document.getRevocationEndpointURI());
        if (http != null) {
            http.announced(endpoints.token(), "token");
            http.announced(endpoints.revocation(), "revocation");
        }
        merged = new Merged(document, endpoints);
        return endpoints;
    }

    private URI usableAuthorize(Settings.Endpoints configured, URI announced) {
        if (announced == null || sameOrigin(announced, URI.create(configured.issuer()))
                || sameOrigin(announced, configured.authorize())) {
            return announced;
        }
        LOG.warning(() -> "Resonite's discovery document announces its authorization endpoint on "
                + Settings.origin(announced)
                + ", neither the issuer's origin nor the configured endpoint's; using the configured "
                + configured.authorize() + " (set resonite.authorize-uri to use the other)");
        return null;
    }

    private static boolean sameOrigin(URI a, URI b) {
        return Settings.origin(a).equalsIgnoreCase(Settings.origin(b));
    }
}
