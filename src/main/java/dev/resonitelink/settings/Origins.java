package dev.resonitelink.settings;

import java.net.URI;
import java.util.Locale;

/** Web origins (RFC 6454: scheme, host, port), for the rule that a provider's endpoints live where its issuer does. */
public final class Origins {

    private Origins() {
    }

    /** {@code https://host:443}: scheme and host in lower case, the port always written; null for a URI without host. */
    public static String of(URI uri) {
        if (uri == null || uri.getScheme() == null || uri.getHost() == null) {
            return null;
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(scheme) ? 443 : "http".equals(scheme) ? 80 : -1;
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }

    /** https, or http on this machine (the stand-in and the test providers of a developer's machine). */
    public static boolean secure(URI uri) {
        return uri != null && ("https".equalsIgnoreCase(uri.getScheme())
                || "http".equalsIgnoreCase(uri.getScheme()) && SettingsReader.isLoopback(uri));
    }
}
