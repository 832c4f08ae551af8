package dev.resonitelink.settings;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Every setting of the application, read and checked once at startup, in eight groups: the client Resonite
 * registered, Resonite's endpoints, its OpenID Connect, timeouts and limits, the keys of stored tokens, organizers,
 * the site's sign-in, and background jobs. Keys and
 * defaults are in {@link Setting}; {@link #from} reports every bad key at once and never echoes a secret.
 */
public record Settings(Client client, Endpoints endpoints, OpenId openId, Limits limits, Tokens tokens,
                       Organizers organizers, SignIn signIn, Jobs jobs, Webhooks webhooks) {

    /** Scopes Resonite is known to answer; anything else is a typo in the configuration. */
    public static final Set<String> KNOWN_SCOPES = Set.of("profile", "email", "patreon", "offline_access", "openid");

    /** How the client authenticates at the token endpoint (RFC 6749 section 2.3.1). */
    public enum ClientAuth {
        CLIENT_SECRET_POST, CLIENT_SECRET_BASIC
    }

    /** The client as Resonite registered it. */
    public record Client(String id, String secret, URI redirectUri, Set<String> scopes, ClientAuth auth, boolean pkce) {
        /** Whether Resonite is asked for an id_token (OpenID Connect): the scopes include {@code openid}. */
        public boolean openId() {
            return scopes.contains("openid");
        }

        /** Whether the app's own pages are served over https (decides the session cookie's Secure flag). */
        public boolean servedOverHttps() {
            return "https".equals(redirectUri.getScheme());
        }

        @Override
        public String toString() {
            return "Client[id=" + id + ", secret=***, redirectUri=" + redirectUri + ", scopes=" + scopes + ", auth="
                    + auth + ", pkce=" + pkce + "]";
        }
    }

    /** A URI's origin, {@code scheme://host[:port]}, as a Content-Security-Policy or an issuer names it. */
    public static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    /**
     * Resonite's endpoints as configured (or their defaults); {@code revocation} is null when none is configured.
     * With {@code openid} among the scopes, the ones not in {@code explicit} give way to the discovery document's
     * (in {@code oauth.control.ProviderEndpoints}).
     */
    public record Endpoints(URI authorize, URI token, URI profile, URI revocation, String issuer, boolean requireIssuer,
                            String iconBase, Explicit explicit) {

        /** Which endpoints the deployment set itself (instead of taking the default). */
        public record Explicit(boolean authorize, boolean token, boolean revocation) {
        }
    }

    /**
     * Resonite's OpenID Connect, used when the scopes include {@code openid}: where its discovery document is, whether
     * an id_token must carry the nonce (Resonite omits it; PKCE already binds the code), and the clock skew allowed.
     */
    public record OpenId(URI discovery, boolean requireNonce, Duration clockSkew, Set<String> allowedEndpointOrigins) {
    }

    public record Limits(Duration connectTimeout, Duration readTimeout, Duration stateLifetime, int maxPendingFlows,
                         int maxResponseBytes, int signUpsPerAddressPerHour, Set<String> trustedProxies,
                         int admissionsPerKeyPerMinute, int admissionsPerAddressPerMinute, int passwordHashIterations) {
    }

    /** The keys that seal stored refresh tokens; {@code key} is null when none are kept. */
    public record Tokens(String key, List<String> previousKeys) {
        @Override
        public String toString() {
            return "Tokens[key=" + (key == null ? "none" : "***") + ", previousKeys=" + previousKeys.size() + "]";
        }
    }

    /** Names made organizers at startup, the first organizer's code and the registrant API's token (null when unset). */
    public record Organizers(List<String> names, String bootstrapCode, String apiToken) {
        @Override
        public String toString() {
            return "Organizers[names=" + names + ", bootstrapCode=" + (bootstrapCode == null ? "none" : "***")
                    + ", apiToken=" + (apiToken == null ? "none" : "***") + "]";
        }
    }

    /**
     * How the site's users sign in: {@code local} (the built-in accounts) or {@code oidc} (the site's OpenID Connect
     * provider; then {@code sso} is set, otherwise it is null).
     */
    public record SignIn(boolean oidc, Sso sso) {
        public static final SignIn LOCAL = new SignIn(false, null);
    }

    /**
     * The site's OpenID Connect provider and this app as its client: where its discovery document is, the client
     * registered there, which id_token claims give the principal, the display name, the e-mail and the groups, and
     * which group makes an organizer (null: nobody is an organizer through the provider).
     */
    public record Sso(String issuer, URI discovery, String clientId, String clientSecret, URI redirectUri,
                      URI postLogoutRedirectUri, Set<String> scopes, String principalClaim, String nameClaim,
                      String emailClaim, String groupsClaim, String organizerGroup, String providerName,
                      Set<String> allowedEndpointOrigins, Duration maxSession, boolean takeOverLocalAccounts) {
        @Override
        public String toString() {
            return "Sso[issuer=" + issuer + ", clientId=" + clientId + ", clientSecret=***, redirectUri=" + redirectUri
                    + ", scopes=" + scopes + ", principalClaim=" + principalClaim + ", groupsClaim=" + groupsClaim
                    + ", organizerGroup=" + organizerGroup + "]";
        }
    }

    /**
     * The background jobs: the profile refresh, and the retention job (how often it runs, and how long it keeps audit
     * entries, cancelled registrations of past events and sign-in throttle rows); and the key of the pseudonyms that
     * replace an erased user's name in what is kept (null: a random key kept in the database).
     */
    public record Jobs(Duration refreshInterval, Duration refreshStaleAfter, int auditRetentionDays,
                       Duration retentionInterval, int cancelledRegistrationDays, Duration signInThrottleRetention,
                       String pseudonymKey) {
        @Override
        public String toString() {
            return "Jobs[refreshInterval=" + refreshInterval + ", refreshStaleAfter=" + refreshStaleAfter
                    + ", auditRetentionDays=" + auditRetentionDays + ", retentionInterval=" + retentionInterval
                    + ", cancelledRegistrationDays=" + cancelledRegistrationDays + ", signInThrottleRetention="
                    + signInThrottleRetention + ", pseudonymKey=" + (pseudonymKey == null ? "none" : "***") + "]";
        }
    }

    /**
     * Delivering webhooks: how long one attempt may take, the waits before each retry (the last one ends the
     * delivery as failed), after how long of failing without a success an endpoint is disabled, how often the
     * deliveries are looked at, and which targets besides public https addresses are allowed.
     */
    public record Webhooks(Duration timeout, List<Duration> retryDelays, Duration disableAfter, Duration pollInterval,
                           boolean allowLoopback, boolean allowPrivateNetworks) {
    }

    /**
     * Reads and validates the settings.
     *
     * @param lookup the raw value of a key, empty when unset (MicroProfile Config in production, a map in tests)
     */
    public static Settings from(Function<String, Optional<String>> lookup) {
        SettingsReader r = new SettingsReader(lookup);
        URI base = SettingGroups.base(r);
        Settings settings = new Settings(SettingGroups.client(r), SettingGroups.endpoints(r, base),
                SettingGroups.openId(r, base), SettingGroups.limits(r),
                SettingGroups.tokens(r), SettingGroups.organizers(r), SettingGroups.signIn(r), SettingGroups.jobs(r),
                SettingGroups.webhooks(r));
        SettingGroups.crossCheck(r, settings);
        r.failIfAnyProblem();
        return settings;
    }

    static Set<String> orderedSet(List<String> values) {
        return java.util.Collections.unmodifiableSet(new LinkedHashSet<>(values));
    }
}
