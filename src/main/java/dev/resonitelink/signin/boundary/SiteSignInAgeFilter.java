package dev.resonitelink.signin.boundary;

import dev.resonitelink.settings.Settings;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.logging.Logger;

/**
 * Ends a single sign-on session older than its maximum age ({@link SiteSignInAge}) at its next request: the session is
 * invalidated and the browser asked for the same page again (a GET) or sent to the sign-in page, which takes it to the
 * provider. Mapped in web.xml, before the organizer check, so an expired organizer session opens no organizer page.
 */
@WebFilter(filterName = "SiteSignInAgeFilter", urlPatterns = "/*", asyncSupported = true)
public class SiteSignInAgeFilter extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(SiteSignInAgeFilter.class.getName());

    @Inject
    Settings settings;

    @Inject
    SiteSignInAge age;

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        HttpSession session = req.getUserPrincipal() != null && settings.signIn().oidc() ? req.getSession(false) : null;
        if (session != null && age.expired(session)) {
            String principal = req.getUserPrincipal().getName();
            session.invalidate();
            LOG.fine(() -> "single sign-on session of " + principal + " reached its maximum age: signing in again");
            boolean get = "GET".equals(req.getMethod()) || "HEAD".equals(req.getMethod());
            String query = req.getQueryString();
            resp.sendRedirect(get ? req.getRequestURI() + (query == null ? "" : "?" + query)
                    : req.getContextPath() + "/login");
            return;
        }
        chain.doFilter(req, resp);
    }
}
