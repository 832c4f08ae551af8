package dev.resonitelink.account.boundary;

import dev.resonitelink.web.Text;
import dev.resonitelink.settings.Settings;
import dev.resonitelink.web.CsrfTokens;
import dev.resonitelink.web.Pages;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;

/**
 * The sign-in form of the custom form mechanism. Each attempt is claimed from the throttle before any password is
 * hashed, and a throttled account or address is answered 429 ({@link SignInThrottle#claim}); the session id and the CSRF token are replaced before authenticating, so
 * neither a planted session id nor a token seen before sign-in is worth anything afterwards.
 */
@WebServlet("/login")
public class LoginServlet extends HttpServlet {

    @Inject
    SecurityContext security;

    @Inject
    SignInThrottle throttle;

    @Inject
    ClientAddresses clientAddresses;

    @Inject
    Settings settings;

    /**
     * With single sign-on, a caller sent here to sign in goes straight on to the provider; after signing out, or
     * when a sign-in failed, the page offers the provider's sign-in instead, so nobody is signed in again unasked.
     */
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        if (req.getUserPrincipal() != null) {
            resp.sendRedirect(req.getContextPath() + "/account");
            return;
        }
        if (settings.signIn().oidc()) {
            if (req.getParameter("signedOut") == null && req.getParameter("choose") == null
                    && req.getParameter("deleted") == null) { // a deleted user is not signed in again unasked
                resp.sendRedirect(req.getContextPath() + "/sso/start");
                return;
            }
            renderSso(req, resp, 200, settings);
            return;
        }
        Pages.render(req, resp, "login", 200);
    }

    /** The sign-in page of single sign-on: a button to the provider's sign-in, and what went wrong, if anything. */
    public static void renderSso(HttpServletRequest req, HttpServletResponse resp, int status, Settings settings)
            throws ServletException, IOException {
        req.setAttribute("sso", Boolean.TRUE);
        req.setAttribute("ssoProvider", settings.signIn().sso().providerName());
        Pages.render(req, resp, "login", status);
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        if (settings.signIn().oidc()) { // nothing is checked or changed, so no form token is needed to say so
            req.setAttribute("error", Text.of("login.error.noPasswords"));
            req.setAttribute("errorOutcome", "no-local-passwords");
            renderSso(req, resp, 400, settings);
            return;
        }
        if (Pages.refusedForm(req, resp, Text.of("form.expired.login"))) {
            return;
        }
        String username = req.getParameter("username");
        String password = req.getParameter("password");
        if (username == null || password == null || username.isBlank() || username.length() > 64
                || password.length() > 256) {
            failed(req, resp, username);
            return;
        }
        SignInThrottle.Claim claim = throttle.claim(username, clientAddresses.of(req));
        if (!claim.granted()) {
            tooMany(req, resp, username, claim.blockedFor(), Text.of("login.error.throttled"));
            return;
        }
        signIn(req, resp, claim, password);
    }

    /** Authenticates through the platform's security API in a new session (no fixation); the claim is settled. */
    private void signIn(HttpServletRequest req, HttpServletResponse resp, SignInThrottle.Claim claim, String password)
            throws ServletException, IOException {
        req.changeSessionId();
        CsrfTokens.rotate(req);
        String username = claim.username();
        AuthenticationStatus status;
        try {
            status = security.authenticate(req, resp, AuthenticationParameters.withParams()
                    .credential(new UsernamePasswordCredential(username, new Password(password)))
                    .newAuthentication(true));
        } catch (RuntimeException e) {
            throttle.abandoned(claim);
            if (!busy(e)) {
                throw e;
            }
            tooMany(req, resp, username, Duration.ofSeconds(5), Text.of("login.error.busy"));
            return;
        }
        switch (status) {
            case SUCCESS -> {
                throttle.succeeded(claim);
                resp.sendRedirect(req.getContextPath() + "/account");
            }
            case SEND_CONTINUE -> throttle.succeeded(claim); // the mechanism redirects to the page that asked
            default -> {
                throttle.failed(claim);
                failed(req, resp, username);
            }
        }
    }

    private static boolean busy(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof PasswordHashing.BusyException) {
                return true;
            }
        }
        return false;
    }

    private static void failed(HttpServletRequest req, HttpServletResponse resp, String username)
            throws ServletException, IOException {
        req.setAttribute("error", Text.of("login.error.failed"));
        req.setAttribute("errorOutcome", "failed");
        req.setAttribute("username", username);
        Pages.render(req, resp, "login", 401);
    }

    static void tooMany(HttpServletRequest req, HttpServletResponse resp, String username, Duration wait, Text text)

            throws ServletException, IOException {
        resp.setHeader("Retry-After", String.valueOf(Math.max(1, (wait.toMillis() + 999) / 1000)));
        req.setAttribute("error", text);
        req.setAttribute("errorOutcome", "throttled");
        req.setAttribute("username", username);
        Pages.render(req, resp, "login", 429);
    }
}
