package dev.resonitelink.account.boundary;

import dev.resonitelink.link.boundary.AccountLinks;
import dev.resonitelink.oauth.control.ReturnTargets;
import dev.resonitelink.web.Pages;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The signed-in user's account page: the link state and the link / re-link / unlink buttons. */
@WebServlet(urlPatterns = {"/account", ""})
public class AccountServlet extends HttpServlet {

    @Inject
    AccountLinks links;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        if (req.getServletPath().isEmpty() || req.getUserPrincipal() == null) {
            resp.sendRedirect(req.getContextPath() + (req.getUserPrincipal() == null ? "/login" : "/account"));
            return;
        }
        req.setAttribute("link", links.view(Pages.principal(req)).orElse(null));
        ReturnTargets.safe(req.getParameter("returnTo")).ifPresent(target -> req.setAttribute("returnTo", target));
        Pages.render(req, resp, "account", 200);
    }
}
