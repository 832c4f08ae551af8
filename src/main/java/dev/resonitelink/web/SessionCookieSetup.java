package dev.resonitelink.web;

import dev.resonitelink.oauth.control.ResoniteSettings;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.SessionTrackingMode;
import jakarta.servlet.annotation.WebListener;
import java.util.EnumSet;
import org.eclipse.microprofile.config.Config;

/**
 * The session cookie: HttpOnly, {@code SameSite=Lax} (Strict would drop the cookie on the redirect back from
 * Resonite, losing the pending request), and Secure whenever the app is served over https
 * ({@code resonite-link.cookie-secure} overrides, e.g. for a TLS-terminating proxy in front of plain http).
 * Sessions are tracked by cookie only, never by URL.
 */
@WebListener
public class SessionCookieSetup implements ServletContextListener {

    public static final String KEY_COOKIE_SECURE = "resonite-link.cookie-secure";

    @Inject
    ResoniteSettings settings;

    @Inject
    Config config;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
        cookie.setHttpOnly(true);
        cookie.setSecure(config.getOptionalValue(KEY_COOKIE_SECURE, Boolean.class).orElse(settings.servedOverHttps()));
        cookie.setAttribute("SameSite", "Lax");
        event.getServletContext().setSessionTrackingModes(EnumSet.of(SessionTrackingMode.COOKIE));
    }
}
