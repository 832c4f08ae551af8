package dev.resonitelink.settings;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads raw values into typed ones and collects every problem instead of failing on the first, so an operator
 * fixes everything in one round. A secret's value is never part of a message.
 */
final class SettingsReader {

    private final Function<String, Optional<String>> lookup;
    private final List<String> problems = new ArrayList<>();

    SettingsReader(Function<String, Optional<String>> lookup) {
        this.lookup = lookup;
    }

    void problem(String message) {
        problems.add(message);
    }

    /** The value when set (trimmed, not empty), without its default. */
    Optional<String> set(Setting setting) {
        return lookup.apply(setting.key()).map(String::trim).filter(v -> !v.isEmpty());
    }

    /** The value, or its default; null when neither. */
    String text(Setting setting) {
        return set(setting).orElse(setting.defaultValue());
    }

    String required(Setting setting) {
        Optional<String> value = set(setting);
        if (value.isEmpty()) {
            problems.add(setting + " is missing" + (setting.secret()
                    ? " (set it from the environment or a password alias, never in the WAR)" : ""));
        }
        return value.orElse(null);
    }

    /** A comma- or space-separated list; empty when unset. */
    List<String> list(Setting setting) {
        String raw = text(setting);
        return raw == null ? List.of() : Arrays.stream(raw.split("[\\s,]+")).filter(v -> !v.isEmpty()).toList();
    }

    boolean bool(Setting setting) {
        String raw = text(setting);
        String v = raw.toLowerCase(Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) {
            problems.add(setting + " must be true or false, got '" + raw + "'");
            return Boolean.parseBoolean(setting.defaultValue());
        }
        return Boolean.parseBoolean(v);
    }

    int positiveInt(Setting setting) {
        String raw = text(setting);
        try {
            int value = Integer.parseInt(raw);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(setting + " must be a positive whole number, got '" + raw + "'");
        return Integer.parseInt(setting.defaultValue());
    }

    /** An absolute http(s) URI; http only on a loopback host. */
    URI absolute(Setting setting, String raw) {
        URI uri = parse(setting, raw);
        if (uri != null && (!uri.isAbsolute() || uri.getHost() == null
                || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())))) {
            problems.add(setting + " must be an absolute http(s) URI, got '" + raw + "'");
            return null;
        }
        if (uri != null && "http".equals(uri.getScheme()) && !isLoopback(uri)) {
            problems.add(setting + " must use https outside localhost, got '" + raw + "'");
            return null;
        }
        return uri;
    }

    /** A list of web origins ({@code https://host[:port]}), each normalized by {@link Origins#of}. */
    java.util.Set<String> origins(Setting setting) {
        java.util.Set<String> origins = new java.util.LinkedHashSet<>();
        for (String raw : list(setting)) {
            URI uri = absolute(setting, raw);
            if (uri != null && (uri.getPath() == null || uri.getPath().isEmpty() || uri.getPath().equals("/"))
                    && uri.getQuery() == null) {
                origins.add(Origins.of(uri));
            } else if (uri != null) {
                problems.add(setting + " must list origins (scheme, host and port only), got '" + raw + "'");
            }
        }
        return java.util.Collections.unmodifiableSet(origins);
    }

    /** An endpoint: absolute, or relative to the base URI. */
    URI endpoint(Setting setting, URI base) {
        String raw = text(setting);
        URI uri = parse(setting, raw);
        if (uri == null) {
            return null;
        }
        if (uri.isAbsolute()) {
            return absolute(setting, raw);
        }
        if (base == null) {
            return null;
        }
        String baseText = base.toString().endsWith("/") ? base.toString() : base + "/";
        return URI.create(baseText).resolve(raw.startsWith("/") ? raw.substring(1) : raw);
    }

    /** A base64 AES-256 key (32 bytes), checked here so a bad key is reported with everything else. */
    void aesKey(Setting setting, String value) {
        try {
            if (Base64.getDecoder().decode(value).length == 32) {
                return;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        problems.add(setting + " must be the base64 of 32 random bytes (e.g. openssl rand -base64 32)");
    }

    URI parse(Setting setting, String raw) {
        try {
            return new URI(raw);
        } catch (Exception e) {
            problems.add(setting + " is not a valid URI: '" + raw + "'");
            return null;
        }
    }

    static boolean isLoopback(URI uri) {
        String host = uri.getHost();
        return host != null && (host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]"));
    }

    void failIfAnyProblem() {
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
    }
}
