package dev.resonitelink.oauth.entity;

import java.net.URI;
import java.time.Duration;
import java.util.Set;

/**
 * This app as the registered client of one authorization server: Resonite (linking) or the site's own OpenID Connect
 * provider (site sign-in). Everything one authorization-code flow needs to know about its provider, read from the
 * settings once; the flow ({@code oauth.control.AuthorizationCodeFlow}) works on this alone.
 *
 * @param name                   the provider as log lines and pages name it
 * @param clientId               the client id it registered (the id_token's audience)
 * @param clientSecret           the client secret; never logged
 * @param basicAuth              whether the secret goes in HTTP Basic ({@code client_secret_basic}) or the body
 * @param redirectUri            this app's callback, exactly as registered
 * @param scopes                 the scopes always asked for
 * @param pkce                   whether every request carries a PKCE S256 challenge
 * @param issuer                 the provider's exact issuer ({@code iss} of the callback and of the id_token)
 * @param requireIssuerParameter whether a callback without {@code iss} (RFC 9207) is refused
 * @param endpoints              the configured endpoints (or their defaults); with OpenID Connect, those not set
 *                               explicitly give way to the ones the discovery document announces
 * @param openId                 the id_token rules, or null for plain OAuth 2.0 (no id_token asked for)
 */
public record ProviderRegistration(String name, String clientId, String clientSecret, boolean basicAuth,
                                   URI redirectUri, Set<String> scopes, boolean pkce, String issuer,
                                   boolean requireIssuerParameter, Endpoints endpoints, OpenId openId) {

    /**
     * Endpoints of the provider; a null one is unknown until discovery announces it (or, for revocation, absent).
     * {@code explicit} says which of them the deployment set itself, so that discovery never overrides those.
     */
    public record Endpoints(URI authorize, URI token, URI revocation, boolean explicitAuthorize,
                            boolean explicitToken, boolean explicitRevocation) {

        /** Nothing configured: every endpoint comes from the discovery document. */
        public static final Endpoints DISCOVERED = new Endpoints(null, null, null, false, false, false);

        /**
         * These endpoints with each one the deployment did not set replaced by the announced one, where one is
         * announced (a null argument keeps the configured or default endpoint).
         */
        public Endpoints announced(URI announcedAuthorize, URI announcedToken, URI announcedRevocation) {
            return new Endpoints(pick(explicitAuthorize, authorize, announcedAuthorize),
                    pick(explicitToken, token, announcedToken), pick(explicitRevocation, revocation, announcedRevocation),
                    explicitAuthorize, explicitToken, explicitRevocation);
        }

        private static URI pick(boolean explicitlySet, URI configured, URI announced) {
            return explicitlySet || announced == null ? configured : announced;
        }
    }

    /**
     * OpenID Connect: where the discovery document is, the clock skew tolerated on {@code exp}/{@code iat}, whether an
     * id_token must carry the nonce that was sent, the origins besides the issuer's where the document may place
     * endpoints, and the claim that names the user.
     */
    public record OpenId(URI discovery, Duration clockSkew, boolean requireNonce, Set<String> allowedEndpointOrigins,
                         String principalClaim) {
    }

    /** Whether an id_token is asked for and checked. */
    public boolean openIdConnect() {
        return openId != null;
    }

    @Override
    public String toString() {
        return "ProviderRegistration[" + name + ", clientId=" + clientId + ", clientSecret=***, redirectUri="
                + redirectUri + ", scopes=" + scopes + ", issuer=" + issuer + ", openId=" + openIdConnect() + "]";
    }
}
