package dev.resonitelink.it;

import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * A cookie jar that sends cookies the way browsers do (RFC 6265: {@code name=value} pairs, values as the server set
 * them), kept in the JDK's {@link CookieManager}. The JDK's own handler sends a cookie whose value it would have to
 * quote (Payara's {@code JSESSIONIDVERSION=...:0}) in the old RFC 2965 form ({@code $Version="1"; name="value";
 * $Path=...}), which no browser sends and which Payara 7 fails to parse: it then answers an empty 200 without
 * running the application.
 */
public final class BrowserCookies extends CookieHandler {

    private final CookieManager jar = new CookieManager(null, CookiePolicy.ACCEPT_ORIGINAL_SERVER);

    public CookieManager jar() {
        return jar;
    }

    @Override
    public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
        boolean secure = "https".equalsIgnoreCase(uri.getScheme());
        String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
        List<String> pairs = jar.getCookieStore().get(uri).stream()
                .filter(cookie -> secure || !cookie.getSecure())
                .filter(cookie -> pathMatches(path, cookie))
                .map(cookie -> cookie.getName() + "=" + cookie.getValue())
                .toList();
        return pairs.isEmpty() ? Map.of() : Map.of("Cookie", List.of(String.join("; ", pairs)));
    }

    @Override
    public void put(URI uri, Map<String, List<String>> responseHeaders) throws java.io.IOException {
        jar.put(uri, responseHeaders);
    }

    /** RFC 6265 5.1.4: the cookie's path is the request's path or a directory prefix of it. */
    private static boolean pathMatches(String path, HttpCookie cookie) {
        String cookiePath = cookie.getPath() == null ? "/" : cookie.getPath();
        return path.equals(cookiePath) || path.startsWith(cookiePath.endsWith("/") ? cookiePath : cookiePath + "/");
    }
}
