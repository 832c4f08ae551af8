package dev.resonitelink.account.boundary;

import dev.resonitelink.web.CsrfTokens;
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

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        Pages.render(req, resp, "signup", 200);
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        if (!CsrfTokens.isValid(req)) {
            Pages.message(req, resp, 403, "This form has expired", "Please open the sign-up page again and resubmit.");
            return;
        }
        String username = req.getParameter("username");
        Optional<String> problem = accounts.signUp(username, req.getParameter("password"));
        if (problem.isPresent()) {
            req.setAttribute("error", problem.get());
            req.setAttribute("username", username);
            Pages.render(req, resp, "signup", 400);
            return;
        }
        resp.sendRedirect(req.getContextPath() + "/login?created");
    }
}
