package dev.resonitelink.oauth.control;

import dev.resonitelink.settings.Settings;
import java.net.URI;
import java.time.Duration;
import java.util.Set;

/**
 * This app as the client of one OpenID Connect provider: Resonite (linking) or the site's own provider (sign-in).
 * Discovery and id_token checks ({@link ProviderDiscovery}, {@link IdTokens}) work on this alone.
 *
 * @param issuer       the provider's exact issuer
 * @param clientId     the client id it registered (the id_token's audience)
 * @param discovery    where its discovery document is
 * @param clockSkew    tolerated on {@code exp} and {@code iat}
 * @param requireNonce whether an id_token without the nonce that was sent is refused
 * @param allowedEndpointOrigins origins besides the issuer's where its discovery document may place endpoints
 */
record OpenIdClient(String issuer, String clientId, URI discovery, Duration clockSkew, boolean requireNonce,
                    Set<String> allowedEndpointOrigins) {

    OpenIdClient(String issuer, String clientId, URI discovery, Duration clockSkew, boolean requireNonce) {
        this(issuer, clientId, discovery, clockSkew, requireNonce, Set.of());
    }

    /** Resonite: a nonce is always sent, but its id_tokens often omit it (PKCE binds the code to the session). */
    static OpenIdClient resonite(Settings settings) {
        return new OpenIdClient(settings.endpoints().issuer(), settings.client().id(), settings.openId().discovery(),
                settings.openId().clockSkew(), settings.openId().requireNonce(),
                settings.openId().allowedEndpointOrigins());
    }

    /** The site's own provider: every OpenID Connect provider echoes the nonce, so it is required. */
    static OpenIdClient site(Settings settings) {
        Settings.Sso sso = settings.signIn().sso();
        return new OpenIdClient(sso.issuer(), sso.clientId(), sso.discovery(), settings.openId().clockSkew(), true,
                sso.allowedEndpointOrigins());
    }
}
