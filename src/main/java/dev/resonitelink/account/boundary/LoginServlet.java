package dev.resonitelink.account.boundary;

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

/**
 * The sign-in form of the custom form mechanism. The session id is changed before authenticating, so a session
 * id planted before sign-in is worthless afterwards (session fixation).
 */
@WebServlet("/login")
public class LoginServlet extends HttpServlet {

    @Inject
    SecurityContext security;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        if (req.getUserPrincipal() != null) {
            resp.sendRedirect(req.getContextPath() + "/account");
            return;
        }
        Pages.render(req, resp, "login", 200);
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        if (!CsrfTokens.isValid(req)) {
            Pages.message(req, resp, 403, "This form has expired", "Please open the sign-in page again and resubmit.");
            return;
        }
        String username = req.getParameter("username");
        String password = req.getParameter("password");
        if (username == null || password == null || username.isBlank() || username.length() > 64
                || password.length() > 256) {
            failed(req, resp, username);
            return;
        }
        req.changeSessionId();
        AuthenticationStatus status = security.authenticate(req, resp, AuthenticationParameters.withParams()
                .credential(new UsernamePasswordCredential(username, new Password(password)))
                .newAuthentication(true));
        switch (status) {
            case SUCCESS -> resp.sendRedirect(req.getContextPath() + "/account");
            case SEND_CONTINUE -> {
                // the mechanism is already redirecting to the page that asked for sign-in
            }
            default -> failed(req, resp, username);
        }
    }

    private static void failed(HttpServletRequest req, HttpServletResponse resp, String username)
            throws ServletException, IOException {
        req.setAttribute("error", "That user name and password do not match an account.");
        req.setAttribute("username", username);
        Pages.render(req, resp, "login", 401);
    }
}
