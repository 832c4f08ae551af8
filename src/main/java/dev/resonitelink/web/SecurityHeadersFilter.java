package dev.resonitelink.web;

import dev.resonitelink.settings.Settings;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;

/**
 * Headers every response carries: a strict Content-Security-Policy (no inline script, no framing), no sniffing,
 * no referrer (so the callback's code never leaks through a Referer), and no caching of anything but static files.
 */
@WebFilter(filterName = "SecurityHeadersFilter", urlPatterns = "/*", asyncSupported = true)
public class SecurityHeadersFilter extends HttpFilter {

    @Inject
    Settings settings;

    private String policy;

    @Override
    public void init() {
        String providerOrigin = Settings.origin(settings.endpoints().authorize());
        String iconOrigin = Settings.origin(URI.create(settings.endpoints().iconBase()));
        // form-action must allow the provider: the link form's POST is answered by a redirect there (with openid to
        // the authorization endpoint of Resonite's discovery document, which is used on the issuer's origin only);
        // with single sign-on the sign-out form's POST is answered by a redirect to the site's identity provider
        String formTargets = "'self' " + providerOrigin;
        if (settings.client().openId()) {
            String issuerOrigin = Settings.origin(URI.create(settings.endpoints().issuer()));
            if (!issuerOrigin.equalsIgnoreCase(providerOrigin)) {
                formTargets += " " + issuerOrigin;
            }
        }
        if (settings.signIn().oidc()) {
            formTargets += " " + Settings.origin(URI.create(settings.signIn().sso().issuer()));
        }
        policy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' " + iconOrigin
                + "; form-action " + formTargets + "; frame-ancestors 'none'; base-uri 'none'";
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Content-Security-Policy", policy);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        if (!isStaticFile(request)) {
            response.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, response);
    }

    /**
     * Decided on the servlet path the container resolved (decoded, normalised, without path parameters), never on
     * the raw URI: {@code /static/..;/account}, {@code /%61ccount} or {@code /static;x/../account} all name a dynamic
     * page and get {@code no-store}.
     */
    static boolean isStaticFile(HttpServletRequest request) {
        return request.getServletPath().startsWith("/static/");
    }
}
