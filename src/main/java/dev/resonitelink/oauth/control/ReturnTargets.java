package dev.resonitelink.oauth.control;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Where the browser may be sent after linking: only a path inside this application, never another site
 * (RFC 9700 section 4.11, open redirectors). Anything doubtful is refused rather than repaired: absolute and
 * protocol-relative URLs, backslashes, control characters (CRLF header injection), dot segments, and the same
 * tricks hidden behind one or more rounds of percent-encoding.
 */
public final class ReturnTargets {

    static final int MAX_LENGTH = 256;

    private ReturnTargets() {
    }

    /** The target as given when it is a safe application-relative path such as {@code /events/42?tab=me}. */
    public static Optional<String> safe(String raw) {
        if (raw == null || raw.isEmpty() || raw.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String current = raw;
        for (int round = 0; round < 4; round++) {
            if (!looksSafe(current)) {
                return Optional.empty();
            }
            String decoded;
            try {
                decoded = URLDecoder.decode(current.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            if (decoded.equals(current)) {
                return parsesAsPath(raw) ? Optional.of(raw) : Optional.empty();
            }
            current = decoded;
        }
        return Optional.empty(); // encoded more deeply than any honest link
    }

    private static boolean looksSafe(String value) {
        if (!value.startsWith("/") || value.startsWith("//")) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x21 || c == 0x7f || c == '\\' || (c >= 0x80 && c <= 0x9f) || c == '\u2028' || c == '\u2029') {
                return false;
            }
        }
        String path = value.split("[?#]", 2)[0];
        for (String segment : path.split("/")) {
            if (segment.equals("..") || segment.equals(".")) {
                return false;
            }
        }
        return true;
    }

    private static boolean parsesAsPath(String raw) {
        try {
            URI uri = new URI(raw);
            return uri.getScheme() == null && uri.getRawAuthority() == null && uri.getRawFragment() == null
                    && uri.getRawPath() != null && uri.getRawPath().startsWith("/");
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
