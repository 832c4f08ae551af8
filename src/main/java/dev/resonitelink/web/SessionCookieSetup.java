package dev.resonitelink.web;

import dev.resonitelink.settings.Settings;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.SessionTrackingMode;
import jakarta.servlet.annotation.WebListener;
import java.util.EnumSet;

/**
 * The session cookie: HttpOnly and Secure. Secure is left off only when the configured redirect URI is plain http,
 * which configuration allows on localhost alone; behind a TLS-terminating proxy the redirect URI is https, so the
 * cookie stays Secure. {@code SameSite=Lax} comes from web.xml and, on Payara, its HTTP listener (see
 * server-config/payara). Sessions are tracked by cookie only, never by URL.
 */
@WebListener
public class SessionCookieSetup implements ServletContextListener {

    @Inject
    Settings settings;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
        cookie.setHttpOnly(true);
        cookie.setSecure(settings.client().servedOverHttps());
        cookie.setAttribute("SameSite", "Lax");
        event.getServletContext().setSessionTrackingModes(EnumSet.of(SessionTrackingMode.COOKIE));
    }
}
