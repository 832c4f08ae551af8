package dev.resonitelink.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

/**
 * What no request may bring, answered with a plain page before anything else reads it: a method this app has no use
 * for (405 with {@code Allow}; the servlet API's default would be 501 for PATCH, a server error no input should
 * cause), a body larger than any of its forms takes ({@value #MAX_BODY_BYTES} bytes: 413), a form
 * that does not announce its length (411, so nothing reads an unbounded body), or a NUL character in a parameter
 * (400). The proxy (server-config/nginx) refuses large bodies earlier still.
 */
@WebFilter(filterName = "RequestLimitsFilter", urlPatterns = "/*", asyncSupported = true)
public class RequestLimitsFilter extends HttpFilter {

    public static final int MAX_BODY_BYTES = 64 * 1024;
    static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "OPTIONS");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!METHODS.contains(request.getMethod())) {
            response.setHeader("Allow", "GET, HEAD, POST, OPTIONS");
            Pages.plain(request, response, 405, Text.of("limits.method.title"), Text.of("limits.method.text"));
            return;
        }
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            response.setHeader("Connection", "close");
            Pages.plain(request, response, 413, Text.of("limits.tooLarge.title"), Text.of("limits.tooLarge.text"));
            return;
        }
        if ("POST".equals(request.getMethod()) && request.getContentLengthLong() < 0 && request.getContentType() != null
                && request.getContentType().startsWith("application/x-www-form-urlencoded")) {
            Pages.plain(request, response, 411, Text.of("limits.length.title"), Text.of("limits.length.text"));
            return;
        }
        if (hasNulCharacter(request)) {
            Pages.plain(request, response, 400, Text.of("limits.characters.title"), Text.of("limits.characters.text"));
            return;
        }
        chain.doFilter(request, response);
    }

    /** NUL never belongs in a form or an address, and some databases refuse it outright (PostgreSQL text). */
    private static boolean hasNulCharacter(HttpServletRequest request) {
        for (var parameter : request.getParameterMap().entrySet()) {
            if (parameter.getKey().indexOf('\0') >= 0) {
                return true;
            }
            for (String value : parameter.getValue()) {
                if (value.indexOf('\0') >= 0) {
                    return true;
                }
            }
        }
        return false;
    }
}
