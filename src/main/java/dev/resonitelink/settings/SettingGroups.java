package dev.resonitelink.settings;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Builds each group of {@link Settings} from its keys, with the checks that belong to it. */
final class SettingGroups {

    /** The fewest PBKDF2 iterations Jakarta Security's {@code Pbkdf2PasswordHash} accepts. */
    static final int MIN_HASH_ITERATIONS = 1_024;

    private SettingGroups() {
    }

    static Settings.Client client(SettingsReader r) {
        return new Settings.Client(r.required(Setting.CLIENT_ID), r.required(Setting.CLIENT_SECRET), redirectUri(r),
                scopes(r), clientAuth(r), r.bool(Setting.PKCE));
    }

    /** Resonite's host, which relative endpoints resolve against. */
    static URI base(SettingsReader r) {
        return r.absolute(Setting.BASE_URI, r.text(Setting.BASE_URI));
    }

    static Settings.Endpoints endpoints(SettingsReader r, URI base) {
        URI revocation = r.set(Setting.REVOCATION_URI).isPresent() ? r.endpoint(Setting.REVOCATION_URI, base) : null;
        String issuer = r.set(Setting.ISSUER).filter(raw -> r.absolute(Setting.ISSUER, raw) != null)
                .orElse(base == null ? null : Settings.origin(base));
        URI icons = r.absolute(Setting.ICON_BASE_URI, r.text(Setting.ICON_BASE_URI));
        String iconBase = icons == null ? null : icons.toString().endsWith("/") ? icons.toString() : icons + "/";
        return new Settings.Endpoints(r.endpoint(Setting.AUTHORIZE_URI, base), r.endpoint(Setting.TOKEN_URI, base),
                r.endpoint(Setting.PROFILE_URI, base), revocation, issuer, r.bool(Setting.REQUIRE_ISS), iconBase,
                new Settings.Endpoints.Explicit(r.set(Setting.AUTHORIZE_URI).isPresent(),
                        r.set(Setting.TOKEN_URI).isPresent(), r.set(Setting.REVOCATION_URI).isPresent()));
    }

    static Settings.OpenId openId(SettingsReader r, URI base) {
        return new Settings.OpenId(r.endpoint(Setting.DISCOVERY_URI, base), r.bool(Setting.REQUIRE_NONCE),
                Duration.ofSeconds(r.positiveInt(Setting.ID_TOKEN_CLOCK_SKEW)), r.origins(Setting.ALLOWED_ENDPOINT_ORIGINS));
    }

    static Settings.Limits limits(SettingsReader r) {
        return new Settings.Limits(Duration.ofMillis(r.positiveInt(Setting.CONNECT_TIMEOUT)),
                Duration.ofMillis(r.positiveInt(Setting.READ_TIMEOUT)),
                Duration.ofSeconds(r.positiveInt(Setting.STATE_LIFETIME)), r.positiveInt(Setting.MAX_PENDING_FLOWS),
                r.positiveInt(Setting.MAX_RESPONSE_BYTES), r.positiveInt(Setting.SIGN_UPS_PER_ADDRESS),
                trustedProxies(r), r.positiveInt(Setting.ADMISSIONS_PER_KEY), r.positiveInt(Setting.ADMISSIONS_PER_ADDRESS),
                hashIterations(r));
    }

    /** PBKDF2 iterations: at least {@link #MIN_HASH_ITERATIONS} (below OWASP's 210,000 the app warns at startup). */
    private static int hashIterations(SettingsReader r) {
        int iterations = r.positiveInt(Setting.PASSWORD_HASH_ITERATIONS);
        if (iterations < MIN_HASH_ITERATIONS) {
            r.problem(Setting.PASSWORD_HASH_ITERATIONS + " must be at least " + MIN_HASH_ITERATIONS + ", got " + iterations);
        }
        return iterations;
    }

    static Settings.Tokens tokens(SettingsReader r) {
        String key = r.set(Setting.TOKEN_KEY).orElse(null);
        List<String> previous = r.list(Setting.TOKEN_PREVIOUS_KEYS);
        if (key != null) {
            r.aesKey(Setting.TOKEN_KEY, key);
        }
        previous.forEach(old -> r.aesKey(Setting.TOKEN_PREVIOUS_KEYS, old));
        return new Settings.Tokens(key, previous);
    }

    static Settings.Organizers organizers(SettingsReader r) {
        return new Settings.Organizers(r.list(Setting.ORGANIZERS), secret(r, Setting.ORGANIZER_BOOTSTRAP_CODE),
                secret(r, Setting.API_TOKEN));
    }

    /** A secret the operator chose: at least 16 characters, or a startup error (refused, never ignored). */
    private static String secret(SettingsReader r, Setting setting) {
        String value = r.set(setting).orElse(null);
        if (value != null && value.trim().length() < 16) {
            r.problem(setting + " must be at least 16 characters (a random secret); a shorter one is refused,"
                    + " not ignored");
        }
        return value;
    }

    static Settings.SignIn signIn(SettingsReader r) {
        String mode = r.text(Setting.SIGN_IN).toLowerCase(Locale.ROOT);
        if (mode.equals("local")) {
            return Settings.SignIn.LOCAL;
        }
        if (!mode.equals("oidc")) {
            r.problem(Setting.SIGN_IN + " must be local or oidc, got '" + r.text(Setting.SIGN_IN) + "'");
            return Settings.SignIn.LOCAL;
        }
        String issuerText = r.required(Setting.SSO_ISSUER);
        URI issuer = issuerText == null ? null : r.absolute(Setting.SSO_ISSUER, issuerText);
        URI discovery = r.set(Setting.SSO_DISCOVERY_URI).map(raw -> r.absolute(Setting.SSO_DISCOVERY_URI, raw))
                .orElse(issuer == null ? null : URI.create(withoutTrailingSlash(issuer.toString())
                        + "/.well-known/openid-configuration"));
        URI redirect = callbackUri(r, Setting.SSO_REDIRECT_URI, r.required(Setting.SSO_REDIRECT_URI));
        URI postLogout = r.set(Setting.SSO_POST_LOGOUT_URI).map(raw -> r.absolute(Setting.SSO_POST_LOGOUT_URI, raw))
                .orElse(redirect == null ? null : redirect.resolve("../login?signedOut"));
        List<String> scopes = r.list(Setting.SSO_SCOPES);
        if (!scopes.contains("openid")) {
            r.problem(Setting.SSO_SCOPES + " must include 'openid': the sign-in rests on the id_token");
        }
        return new Settings.SignIn(true, new Settings.Sso(issuerText, discovery, r.required(Setting.SSO_CLIENT_ID),
                r.required(Setting.SSO_CLIENT_SECRET), redirect, postLogout, Settings.orderedSet(scopes),
                r.text(Setting.SSO_PRINCIPAL_CLAIM), r.text(Setting.SSO_NAME_CLAIM), r.text(Setting.SSO_EMAIL_CLAIM),
                r.text(Setting.SSO_GROUPS_CLAIM), r.set(Setting.SSO_ORGANIZER_GROUP).orElse(null),
                r.text(Setting.SSO_PROVIDER_NAME), r.origins(Setting.SSO_ALLOWED_ENDPOINT_ORIGINS),
                Duration.ofSeconds(r.positiveInt(Setting.SSO_MAX_SESSION)), r.bool(Setting.SSO_TAKE_OVER_LOCAL)));
    }

    private static String withoutTrailingSlash(String value) {
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }

    static Settings.Jobs jobs(SettingsReader r) {
        return new Settings.Jobs(Duration.ofSeconds(r.positiveInt(Setting.REFRESH_INTERVAL)),
                Duration.ofSeconds(r.positiveInt(Setting.REFRESH_STALE_AFTER)),
                r.positiveInt(Setting.AUDIT_RETENTION_DAYS), Duration.ofSeconds(r.positiveInt(Setting.RETENTION_INTERVAL)),
                r.positiveInt(Setting.RETENTION_CANCELLED_REGISTRATIONS),
                Duration.ofHours(r.positiveInt(Setting.RETENTION_SIGN_IN_THROTTLE)), secret(r, Setting.PSEUDONYM_KEY));
    }

    static Settings.Webhooks webhooks(SettingsReader r) {
        java.util.List<Duration> delays = new java.util.ArrayList<>();
        for (String delay : r.list(Setting.WEBHOOK_RETRY_DELAYS)) {
            try {
                long seconds = Long.parseLong(delay);
                if (seconds < 0 || seconds > 7 * 86_400) {
                    throw new NumberFormatException();
                }
                delays.add(Duration.ofSeconds(seconds));
            } catch (NumberFormatException e) {
                r.problem(Setting.WEBHOOK_RETRY_DELAYS + " must list waits in seconds (0 to a week), got '" + delay + "'");
            }
        }
        if (delays.isEmpty() || delays.size() > 20) {
            r.problem(Setting.WEBHOOK_RETRY_DELAYS + " must list 1 to 20 waits");
        }
        return new Settings.Webhooks(Duration.ofSeconds(r.positiveInt(Setting.WEBHOOK_TIMEOUT)), java.util.List.copyOf(delays),
                Duration.ofDays(r.positiveInt(Setting.WEBHOOK_DISABLE_AFTER_DAYS)),
                Duration.ofMillis(r.positiveInt(Setting.WEBHOOK_POLL_INTERVAL)), r.bool(Setting.WEBHOOK_ALLOW_LOOPBACK),
                r.bool(Setting.WEBHOOK_ALLOW_PRIVATE));
    }

    /** Keys whose mistakes show only together with another key. */
    static void crossCheck(SettingsReader r, Settings settings) {
        if (settings.client().scopes().contains("offline_access") && settings.tokens().key() == null) {
            r.problem(Setting.SCOPES + " asks for offline_access, but " + Setting.TOKEN_KEY + " is not set: the refresh"
                    + " tokens could not be stored sealed (set the key, or drop offline_access)");
        }
    }

    private static URI redirectUri(SettingsReader r) {
        return callbackUri(r, Setting.REDIRECT_URI, r.required(Setting.REDIRECT_URI));
    }

    /** A callback registered at a provider: absolute https (http only on localhost), no query, no fragment. */
    private static URI callbackUri(SettingsReader r, Setting setting, String raw) {
        URI uri = raw == null ? null : r.parse(setting, raw);
        if (uri == null) {
            return null;
        }
        boolean https = "https".equals(uri.getScheme());
        boolean localHttp = "http".equals(uri.getScheme()) && SettingsReader.isLoopback(uri);
        if (!uri.isAbsolute() || uri.getHost() == null || !(https || localHttp)) {
            r.problem(setting + " must be an absolute https URI (http only on localhost), got '" + raw + "'");
            return null;
        }
        if (uri.getRawFragment() != null || uri.getRawQuery() != null) {
            r.problem(setting + " must have no query and no fragment, got '" + raw + "'");
            return null;
        }
        return uri;
    }

    private static Set<String> scopes(SettingsReader r) {
        List<String> scopes = r.list(Setting.SCOPES);
        for (String scope : scopes) {
            if (!Settings.KNOWN_SCOPES.contains(scope)) {
                r.problem(Setting.SCOPES + " has unknown scope '" + scope + "' (known: "
                        + String.join(", ", Settings.KNOWN_SCOPES.stream().sorted().toList()) + ")");
            }
        }
        if (!scopes.contains("profile")) {
            r.problem(Setting.SCOPES + " must include 'profile': without it there is no Resonite user id to link");
        }
        return Set.copyOf(scopes);
    }

    private static Settings.ClientAuth clientAuth(SettingsReader r) {
        String raw = r.text(Setting.CLIENT_AUTH);
        for (Settings.ClientAuth auth : Settings.ClientAuth.values()) {
            if (auth.name().equals(raw.toUpperCase(Locale.ROOT))) {
                return auth;
            }
        }
        r.problem(Setting.CLIENT_AUTH + " must be client_secret_post or client_secret_basic, got '" + raw + "'");
        return null;
    }

    /** Proxy addresses must be IP literals: a host name would be resolved once and trusted forever. */
    private static Set<String> trustedProxies(SettingsReader r) {
        List<String> proxies = r.list(Setting.TRUSTED_PROXIES);
        proxies.stream().filter(proxy -> !proxy.matches("[0-9a-fA-F:.]+") || !proxy.matches(".*[.:].*"))
                .forEach(proxy -> r.problem(Setting.TRUSTED_PROXIES + " must list IP addresses, got '" + proxy + "'"));
        return Settings.orderedSet(proxies);
    }
}
