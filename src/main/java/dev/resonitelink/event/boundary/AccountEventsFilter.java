package dev.resonitelink.event.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Puts the caller's registrations on the account page ({@code myEvents} for {@code account.jte}), so the account
 * feature, which events build on, never has to know about events.
 */
@WebFilter(filterName = "AccountEventsFilter", urlPatterns = "/account")
public class AccountEventsFilter extends HttpFilter {

    @Inject
    Registrations registrations;

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        if (req.getUserPrincipal() != null && "GET".equals(req.getMethod())) {
            req.setAttribute("myEvents", registrations.mine(req.getUserPrincipal().getName()));
        }
        chain.doFilter(req, resp);
    }
}
