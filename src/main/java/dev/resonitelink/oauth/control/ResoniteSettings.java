package dev.resonitelink.oauth.control;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Every deployment-specific setting of the Resonite client, read and checked once.
 * <p>
 * All keys live under {@value #PREFIX}; MicroProfile Config maps each to an environment variable
 * ({@code resonite.client-secret} -> {@code RESONITE_CLIENT_SECRET}). Endpoint keys may be absolute
 * or relative to {@link #KEY_BASE_URI}. {@link #from} reports every bad key at once and never echoes
 * the secret's value.
 */
public record ResoniteSettings(
        String clientId,
        String clientSecret,
        URI redirectUri,
        URI authorizeUri,
        URI tokenUri,
        URI profileUri,
        Set<String> scopes,
        ClientAuth clientAuth,
        boolean pkce,
        String issuer,
        boolean requireIssuer,
        Duration connectTimeout,
        Duration readTimeout,
        Duration stateLifetime,
        int maxPendingFlows,
        int maxResponseBytes,
        String iconBaseUri,
        URI revocationUri) {

    public static final String PREFIX = "resonite.";
    public static final String KEY_CLIENT_ID = PREFIX + "client-id";
    public static final String KEY_CLIENT_SECRET = PREFIX + "client-secret";
    public static final String KEY_REDIRECT_URI = PREFIX + "redirect-uri";
    public static final String KEY_BASE_URI = PREFIX + "base-uri";
    public static final String KEY_AUTHORIZE_URI = PREFIX + "authorize-uri";
    public static final String KEY_TOKEN_URI = PREFIX + "token-uri";
    public static final String KEY_PROFILE_URI = PREFIX + "profile-uri";
    public static final String KEY_REVOCATION_URI = PREFIX + "revocation-uri";
    public static final String KEY_SCOPES = PREFIX + "scopes";
    public static final String KEY_CLIENT_AUTH = PREFIX + "client-auth";
    public static final String KEY_PKCE = PREFIX + "pkce";
    public static final String KEY_ISSUER = PREFIX + "issuer";
    public static final String KEY_REQUIRE_ISSUER = PREFIX + "require-iss";
    public static final String KEY_CONNECT_TIMEOUT = PREFIX + "connect-timeout-ms";
    public static final String KEY_READ_TIMEOUT = PREFIX + "read-timeout-ms";
    public static final String KEY_STATE_LIFETIME = PREFIX + "state-lifetime-seconds";
    public static final String KEY_MAX_PENDING = PREFIX + "max-pending-flows";
    public static final String KEY_MAX_RESPONSE_BYTES = PREFIX + "max-response-bytes";
    public static final String KEY_ICON_BASE_URI = PREFIX + "icon-base-uri";

    /** Scopes Resonite is known to answer; anything else is a typo in the configuration. */
    public static final Set<String> KNOWN_SCOPES = Set.of("profile", "email", "patreon", "offline_access", "openid");

    /** How the client authenticates at the token endpoint (RFC 6749 section 2.3.1). */
    public enum ClientAuth {
        CLIENT_SECRET_POST, CLIENT_SECRET_BASIC;

        static Optional<ClientAuth> parse(String value) {
            for (ClientAuth auth : values()) {
                if (auth.name().equalsIgnoreCase(value.trim())) {
                    return Optional.of(auth);
                }
            }
            return Optional.empty();
        }
    }

    /** The configuration was unusable; the message names every bad key. */
    public static class InvalidSettingsException extends RuntimeException {
        private final List<String> problems;

        InvalidSettingsException(List<String> problems) {
            super("resonite-link configuration is invalid: " + String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    /**
     * Reads and validates the settings.
     *
     * @param lookup the raw value of a key, empty when unset (MicroProfile Config in production, a map in tests)
     */
    public static ResoniteSettings from(Function<String, Optional<String>> lookup) {
        Reader r = new Reader(lookup);
        String clientId = r.required(KEY_CLIENT_ID);
        String secret = r.secret(KEY_CLIENT_SECRET);
        URI redirect = r.redirectUri();
        URI base = r.absolute(KEY_BASE_URI, "https://account.resonite.com/");
        URI authorize = r.endpoint(KEY_AUTHORIZE_URI, base, "connect/authorize");
        URI token = r.endpoint(KEY_TOKEN_URI, base, "connect/token");
        URI profile = r.endpoint(KEY_PROFILE_URI, base, "api/user/profile");
        Set<String> scopes = r.scopes();
        ClientAuth auth = r.clientAuth();
        boolean pkce = r.bool(KEY_PKCE, true);
        String issuer = r.optional(KEY_ISSUER).orElse(base == null ? null : origin(base));
        boolean requireIss = r.bool(KEY_REQUIRE_ISSUER, false);
        Duration connect = Duration.ofMillis(r.positiveInt(KEY_CONNECT_TIMEOUT, 5_000));
        Duration read = Duration.ofMillis(r.positiveInt(KEY_READ_TIMEOUT, 10_000));
        Duration lifetime = Duration.ofSeconds(r.positiveInt(KEY_STATE_LIFETIME, 600));
        int maxPending = r.positiveInt(KEY_MAX_PENDING, 5);
        int maxBytes = r.positiveInt(KEY_MAX_RESPONSE_BYTES, 1_048_576);
        URI iconBase = r.absolute(KEY_ICON_BASE_URI, "https://assets.resonite.com/");
        URI revocation = r.optional(KEY_REVOCATION_URI).map(v -> r.endpoint(KEY_REVOCATION_URI, base, v)).orElse(null);
        r.crossChecks(scopes);
        r.failIfAnyProblem();
        String icons = iconBase.toString().endsWith("/") ? iconBase.toString() : iconBase + "/";
        return new ResoniteSettings(clientId, secret, redirect, authorize, token, profile, scopes, auth, pkce,
                issuer, requireIss, connect, read, lifetime, maxPending, maxBytes, icons, revocation);
    }

    /** Whether the app's own pages are served over https (decides the session cookie's Secure flag by default). */
    public boolean servedOverHttps() {
        return "https".equals(redirectUri.getScheme());
    }

    @Override
    public String toString() {
        return "ResoniteSettings[clientId=" + clientId + ", clientSecret=***, redirectUri=" + redirectUri
                + ", authorizeUri=" + authorizeUri + ", tokenUri=" + tokenUri + ", profileUri=" + profileUri
                + ", scopes=" + scopes + ", clientAuth=" + clientAuth + ", pkce=" + pkce + "]";
    }

    static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    static boolean isLoopback(URI uri) {
        String host = uri.getHost();
        return host != null && (host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]"));
    }

    /** Collects problems instead of failing on the first, so an operator fixes everything in one round. */
    private static final class Reader {
        private final Function<String, Optional<String>> lookup;
        private final List<String> problems = new ArrayList<>();

        Reader(Function<String, Optional<String>> lookup) {
            this.lookup = lookup;
        }

        Optional<String> optional(String key) {
            return lookup.apply(key).map(String::trim).filter(v -> !v.isEmpty());
        }

        String required(String key) {
            Optional<String> value = optional(key);
            if (value.isEmpty()) {
                problems.add(key + " is missing");
            }
            return value.orElse(null);
        }

        String secret(String key) {
            Optional<String> value = optional(key);
            if (value.isEmpty()) {
                problems.add(key + " is missing (set it from the environment or a password alias, never in the WAR)");
            }
            return value.orElse(null);
        }

        URI redirectUri() {
            String raw = required(KEY_REDIRECT_URI);
            if (raw == null) {
                return null;
            }
            URI uri = parse(KEY_REDIRECT_URI, raw);
            if (uri == null) {
                return null;
            }
            boolean https = "https".equals(uri.getScheme());
            boolean localHttp = "http".equals(uri.getScheme()) && isLoopback(uri);
            if (!uri.isAbsolute() || uri.getHost() == null || !(https || localHttp)) {
                problems.add(KEY_REDIRECT_URI + " must be an absolute https URI (http only on localhost), got '" + raw + "'");
                return null;
            }
            if (uri.getRawFragment() != null || uri.getRawQuery() != null) {
                problems.add(KEY_REDIRECT_URI + " must have no query and no fragment, got '" + raw + "'");
                return null;
            }
            return uri;
        }

        URI absolute(String key, String defaultValue) {
            String raw = optional(key).orElse(defaultValue);
            URI uri = parse(key, raw);
            if (uri != null && (!uri.isAbsolute() || uri.getHost() == null
                    || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())))) {
                problems.add(key + " must be an absolute http(s) URI, got '" + raw + "'");
                return null;
            }
            if (uri != null && "http".equals(uri.getScheme()) && !isLoopback(uri)) {
                problems.add(key + " must use https outside localhost, got '" + raw + "'");
                return null;
            }
            return uri;
        }

        URI endpoint(String key, URI base, String defaultPath) {
            String raw = optional(key).orElse(defaultPath);
            URI uri = parse(key, raw);
            if (uri == null) {
                return null;
            }
            if (uri.isAbsolute()) {
                return absolute(key, raw);
            }
            if (base == null) {
                return null;
            }
            String baseText = base.toString().endsWith("/") ? base.toString() : base + "/";
            return URI.create(baseText).resolve(raw.startsWith("/") ? raw.substring(1) : raw);
        }

        Set<String> scopes() {
            String raw = optional(KEY_SCOPES).orElse("profile");
            Set<String> scopes = new LinkedHashSet<>();
            for (String scope : raw.split("[\\s,]+")) {
                if (scope.isBlank()) {
                    continue;
                }
                if (!KNOWN_SCOPES.contains(scope)) {
                    problems.add(KEY_SCOPES + " has unknown scope '" + scope + "' (known: " + String.join(", ",
                            KNOWN_SCOPES.stream().sorted().toList()) + ")");
                }
                scopes.add(scope);
            }
            if (!scopes.contains("profile")) {
                problems.add(KEY_SCOPES + " must include 'profile': without it there is no Resonite user id to link");
            }
            return Set.copyOf(scopes);
        }

        ClientAuth clientAuth() {
            String raw = optional(KEY_CLIENT_AUTH).orElse("client_secret_post");
            Optional<ClientAuth> auth = ClientAuth.parse(raw);
            if (auth.isEmpty()) {
                problems.add(KEY_CLIENT_AUTH + " must be client_secret_post or client_secret_basic, got '" + raw + "'");
            }
            return auth.orElse(null);
        }

        boolean bool(String key, boolean defaultValue) {
            Optional<String> raw = optional(key);
            if (raw.isEmpty()) {
                return defaultValue;
            }
            String v = raw.get().toLowerCase(Locale.ROOT);
            if (!v.equals("true") && !v.equals("false")) {
                problems.add(key + " must be true or false, got '" + raw.get() + "'");
                return defaultValue;
            }
            return Boolean.parseBoolean(v);
        }

        int positiveInt(String key, int defaultValue) {
            Optional<String> raw = optional(key);
            if (raw.isEmpty()) {
                return defaultValue;
            }
            try {
                int value = Integer.parseInt(raw.get());
                if (value > 0) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            problems.add(key + " must be a positive whole number, got '" + raw.get() + "'");
            return defaultValue;
        }

        private URI parse(String key, String raw) {
            try {
                return new URI(raw);
            } catch (Exception e) {
                problems.add(key + " is not a valid URI: '" + raw + "'");
                return null;
            }
        }

        /** Keys of other features whose mistakes would otherwise show only later, reported with the rest. */
        void crossChecks(Set<String> scopes) {
            optional("resonite-link.api-token").filter(token -> token.length() < 16).ifPresent(token -> problems.add(
                    "resonite-link.api-token must be at least 16 characters (a random secret); a shorter one is refused,"
                            + " not ignored"));
            if (scopes.contains("offline_access") && optional("resonite-link.token-encryption-key").isEmpty()) {
                problems.add(KEY_SCOPES + " asks for offline_access, but resonite-link.token-encryption-key is not set:"
                        + " the refresh tokens could not be stored sealed (set the key, or drop offline_access)");
            }
        }

        void failIfAnyProblem() {
            if (!problems.isEmpty()) {
                throw new InvalidSettingsException(problems);
            }
        }
    }
}
