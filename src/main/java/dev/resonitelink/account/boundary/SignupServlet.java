package dev.resonitelink.account.boundary;

import dev.resonitelink.web.Text;
import dev.resonitelink.settings.Settings;
import dev.resonitelink.web.Pages;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/** Creates a local account, then sends the person to sign in with it. */
@WebServlet("/signup")
public class SignupServlet extends HttpServlet {

    @Inject
    Accounts accounts;

    @Inject
    SignInThrottle throttle;

    @Inject
    ClientAddresses clientAddresses;

    @Inject
    Settings settings;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        if (!singleSignOn(req, resp)) {
            Pages.render(req, resp, "signup", 200);
        }
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        if (singleSignOn(req, resp) || Pages.refusedForm(req, resp, Text.of("form.expired.signup"))) {
            return;
        }
        String username = req.getParameter("username");
        if (!throttle.allowSignUp(clientAddresses.of(req))) {
            resp.setHeader("Retry-After", "3600");
            req.setAttribute("error", Text.of("signup.error.throttled"));
            req.setAttribute("username", username);
            Pages.render(req, resp, "signup", 429);
            return;
        }
        Optional<Text> problem;
        try {
            problem = accounts.signUp(username, req.getParameter("password"));
        } catch (PasswordHashing.BusyException e) {
            resp.setHeader("Retry-After", "5");
            problem = Optional.of(Text.of("signup.error.busy"));
        }
        if (problem.isPresent()) {
            req.setAttribute("error", problem.get());
            req.setAttribute("username", username);
            Pages.render(req, resp, "signup", resp.containsHeader("Retry-After") ? 429 : 400);
            return;
        }
        resp.sendRedirect(req.getContextPath() + "/login?created");
    }

    /** With single sign-on there is no sign-up: accounts are the identity provider's. Answers, and says whether it did. */
    private boolean singleSignOn(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        if (!settings.signIn().oidc()) {
            return false;
        }
        Pages.message(req, resp, 404, Text.of("signup.none.title"), Text.of("signup.none.text"));

        return true;
    }
}
