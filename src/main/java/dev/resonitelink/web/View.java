package dev.resonitelink.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * What every page's frame needs from its request, handed to each template as {@code page}
 * ({@code src/main/jte/layout.jte}): addresses under the app's context path, the session's CSRF token, who is signed
 * in, whether to show the organizer navigation, and the request's parameters (notices such as {@code ?linked}).
 */
public final class View {

    /** The request attribute a feature sets to tell the navigation whether the caller is an organizer. */
    public static final String CALLER_RIGHTS = "access";

    /** What the navigation may ask of the caller's rights; looked up only when a page asks. */
    public interface CallerRights {
        boolean isOrganizer();
    }

    private final HttpServletRequest request;
    private final String csrf;

    View(HttpServletRequest request, String csrf) {
        this.request = request;
        this.csrf = csrf;
    }

    /** An address of this app: {@code path} (starting with '/') under its context path. */
    public String path(String path) {
        return request.getContextPath() + path;
    }

    /**
     * An address of this app with query parameters, each name followed by its value; a null value leaves its
     * parameter out, other values are URL-encoded.
     */
    public String url(String path, Object... namesAndValues) {
        StringBuilder url = new StringBuilder(path(path));
        char separator = '?';
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                url.append(separator).append(namesAndValues[i]).append('=')
                        .append(URLEncoder.encode(String.valueOf(namesAndValues[i + 1]), StandardCharsets.UTF_8));
                separator = '&';
            }
        }
        return url.toString();
    }

    public String csrf() {
        return csrf;
    }

    public boolean signedIn() {
        return request.getUserPrincipal() != null;
    }

    /** How the signed-in person is named ({@link Pages#displayName}); null when signed out. */
    public String displayName() {
        return Pages.displayName(request);
    }

    /** Whether the navigation shows the organizer pages. */
    public boolean organizer() {
        return request.getAttribute(CALLER_RIGHTS) instanceof CallerRights rights && rights.isOrganizer();
    }

    /** Whether the request carries the parameter, with or without a value (e.g. {@code /account?linked}). */
    public boolean has(String parameter) {
        return request.getParameter(parameter) != null;
    }

    /** The parameter's first value, or null. */
    public String parameter(String name) {
        return request.getParameter(name);
    }

    /** The value as text, or {@code none} when there is none (a table's empty cell). */
    public String or(Object value, String none) {
        return value == null || value.toString().isEmpty() ? none : value.toString();
    }
}
