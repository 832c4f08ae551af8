package dev.resonitelink.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The page of every error the container answers (web.xml's error pages: a status a servlet sent, or an exception it
 * threw), whatever the request's method; never a stack trace. Asked for directly, it is a page that is not there.
 */
@WebServlet(urlPatterns = ErrorPageServlet.PATH)
public class ErrorPageServlet extends HttpServlet {

    static final String PATH = "/error-page";

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        Object status = req.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int code = status instanceof Integer given ? given : HttpServletResponse.SC_NOT_FOUND;
        req.setAttribute("code", code);
        Pages.render(req, resp, "error", code);
    }
}
