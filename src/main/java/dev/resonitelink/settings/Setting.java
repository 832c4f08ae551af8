package dev.resonitelink.settings;

/**
 * Every configuration key of the application with its default, written here once. MicroProfile Config maps each key
 * to an environment variable ({@code resonite.client-secret} -> {@code RESONITE_CLIENT_SECRET}). The table of docs/configuration.md
 * lists the same keys and defaults ({@code SettingsDocumentationTest} compares them).
 */
public enum Setting {
    // client
    CLIENT_ID("resonite.client-id", null, false),
    CLIENT_SECRET("resonite.client-secret", null, true),
    REDIRECT_URI("resonite.redirect-uri", null, false),
    SCOPES("resonite.scopes", "profile", false),
    CLIENT_AUTH("resonite.client-auth", "client_secret_post", false),
    PKCE("resonite.pkce", "true", false),
    // endpoints
    BASE_URI("resonite.base-uri", "https://account.resonite.com/", false),
    AUTHORIZE_URI("resonite.authorize-uri", "connect/authorize", false),
    TOKEN_URI("resonite.token-uri", "connect/token", false),
    PROFILE_URI("resonite.profile-uri", "api/user/profile", false),
    REVOCATION_URI("resonite.revocation-uri", null, false),
    ISSUER("resonite.issuer", null, false),
    REQUIRE_ISS("resonite.require-iss", "false", false),
    ICON_BASE_URI("resonite.icon-base-uri", "https://assets.resonite.com/", false),
    // OpenID Connect (only when the scopes include openid)
    DISCOVERY_URI("resonite.discovery-uri", ".well-known/openid-configuration", false),
    REQUIRE_NONCE("resonite.require-nonce", "false", false),
    ID_TOKEN_CLOCK_SKEW("resonite.id-token-clock-skew-seconds", "60", false),
    ALLOWED_ENDPOINT_ORIGINS("resonite.allowed-endpoint-origins", null, false),
    // timeouts and limits
    CONNECT_TIMEOUT("resonite.connect-timeout-ms", "5000", false),
    READ_TIMEOUT("resonite.read-timeout-ms", "10000", false),
    STATE_LIFETIME("resonite.state-lifetime-seconds", "600", false),
    MAX_PENDING_FLOWS("resonite.max-pending-flows", "5", false),
    MAX_RESPONSE_BYTES("resonite.max-response-bytes", "1048576", false),
    SIGN_UPS_PER_ADDRESS("resonite-link.sign-up.per-address-per-hour", "20", false),
    PASSWORD_HASH_ITERATIONS("resonite-link.password.hash-iterations", "210000", false),
    ADMISSIONS_PER_KEY("resonite-link.admission.per-key-per-minute", "6000", false),
    ADMISSIONS_PER_ADDRESS("resonite-link.admission.per-address-per-minute", "6000", false),
    TRUSTED_PROXIES("resonite-link.trusted-proxies", null, false),
    // tokens
    TOKEN_KEY("resonite-link.token-encryption-key", null, true),
    TOKEN_PREVIOUS_KEYS("resonite-link.token-encryption-previous-keys", null, true),
    // organizers
    ORGANIZERS("resonite-link.organizers", null, false),
    ORGANIZER_BOOTSTRAP_CODE("resonite-link.organizer-bootstrap-code", null, true),
    API_TOKEN("resonite-link.api-token", null, true),
    // the site's own sign-in: built-in accounts, or the site's OpenID Connect provider
    SIGN_IN("resonite-link.sign-in", "local", false),
    SSO_ISSUER("resonite-link.sso.issuer", null, false),
    SSO_DISCOVERY_URI("resonite-link.sso.discovery-uri", null, false),
    SSO_CLIENT_ID("resonite-link.sso.client-id", null, false),
    SSO_CLIENT_SECRET("resonite-link.sso.client-secret", null, true),
    SSO_REDIRECT_URI("resonite-link.sso.redirect-uri", null, false),
    SSO_POST_LOGOUT_URI("resonite-link.sso.post-logout-redirect-uri", null, false),
    SSO_SCOPES("resonite-link.sso.scopes", "openid profile email", false),
    SSO_PRINCIPAL_CLAIM("resonite-link.sso.principal-claim", "sub", false),
    SSO_NAME_CLAIM("resonite-link.sso.name-claim", "name", false),
    SSO_EMAIL_CLAIM("resonite-link.sso.email-claim", "email", false),
    SSO_GROUPS_CLAIM("resonite-link.sso.groups-claim", "groups", false),
    SSO_ORGANIZER_GROUP("resonite-link.sso.organizer-group", null, false),
    SSO_PROVIDER_NAME("resonite-link.sso.provider-name", "your organization's sign-in", false),
    SSO_ALLOWED_ENDPOINT_ORIGINS("resonite-link.sso.allowed-endpoint-origins", null, false),
    SSO_MAX_SESSION("resonite-link.sso.max-session-seconds", "28800", false),
    SSO_TAKE_OVER_LOCAL("resonite-link.sso.take-over-local-accounts", "false", false),
    // jobs
    REFRESH_INTERVAL("resonite-link.refresh.interval-seconds", "3600", false),
    REFRESH_STALE_AFTER("resonite-link.refresh.stale-after-seconds", "86400", false),
    AUDIT_RETENTION_DAYS("resonite-link.audit.retention-days", "365", false),
    // retention (the pruning job) and erasure
    RETENTION_INTERVAL("resonite-link.retention.interval-seconds", "21600", false),
    RETENTION_CANCELLED_REGISTRATIONS("resonite-link.retention.cancelled-registrations-days", "30", false),
    RETENTION_SIGN_IN_THROTTLE("resonite-link.retention.sign-in-throttle-hours", "24", false),
    PSEUDONYM_KEY("resonite-link.pseudonym-key", null, true),
    // webhooks
    WEBHOOK_TIMEOUT("resonite-link.webhooks.timeout-seconds", "10", false),
    WEBHOOK_RETRY_DELAYS("resonite-link.webhooks.retry-delays-seconds", "5,300,1800,7200,18000,36000,36000", false),
    WEBHOOK_DISABLE_AFTER_DAYS("resonite-link.webhooks.disable-after-days", "5", false),
    WEBHOOK_POLL_INTERVAL("resonite-link.webhooks.poll-interval-ms", "1000", false),
    WEBHOOK_ALLOW_LOOPBACK("resonite-link.webhooks.allow-loopback", "false", false),
    WEBHOOK_ALLOW_PRIVATE("resonite-link.webhooks.allow-private-networks", "false", false);

    private final String key;
    private final String defaultValue;
    private final boolean secret;

    Setting(String key, String defaultValue, boolean secret) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.secret = secret;
    }

    public String key() {
        return key;
    }

    /** The value used when the key is unset; null when there is none (required, or off when unset). */
    public String defaultValue() {
        return defaultValue;
    }

    /** Whether the value is a secret: never logged, never echoed in an error message. */
    public boolean secret() {
        return secret;
    }

    @Override
    public String toString() {
        return key;
    }
}
