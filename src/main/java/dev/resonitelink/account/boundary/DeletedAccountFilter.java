package dev.resonitelink.account.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Ends the other sessions of a deleted account. Deleting an account ends the session that deleted it; the user's
 * sessions in other browsers, on any node, end here at their next request: at most every {@value #EVERY_SECONDS}
 * seconds a signed-in session compares its account with the database, and an account that is gone, or was made again
 * under the same name since the session signed in (another person), ends the session: a GET is sent to the sign-in
 * page, anything else refused with 401. Mapped in web.xml, before the organizer check.
 */
@WebFilter(filterName = "DeletedAccountFilter", urlPatterns = "/*", asyncSupported = true)
public class DeletedAccountFilter extends HttpFilter {

    static final long EVERY_SECONDS = 10;
    static final String ACCOUNT_MADE_AT = DeletedAccountFilter.class.getName() + ".madeAt";
    static final String CHECKED_AT = DeletedAccountFilter.class.getName() + ".checkedAt";
    private static final Logger LOG = Logger.getLogger(DeletedAccountFilter.class.getName());

    @Inject
    SiteUsers users;

    Clock clock = Clock.systemUTC();

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        HttpSession session = req.getUserPrincipal() == null ? null : req.getSession(false);
        if (session != null && !stillThere(session, req.getUserPrincipal().getName())) {
            session.invalidate();
            LOG.fine("a session of a deleted account ended");
            if ("GET".equals(req.getMethod()) || "HEAD".equals(req.getMethod())) {
                resp.sendRedirect(req.getContextPath() + "/login");
            } else {
                resp.setHeader("Cache-Control", "no-store");
                resp.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            }
            return;
        }
        chain.doFilter(req, resp);
    }

    private boolean stillThere(HttpSession session, String principal) {
        Instant now = clock.instant();
        if (session.getAttribute(CHECKED_AT) instanceof Instant checked
                && now.isBefore(checked.plus(Duration.ofSeconds(EVERY_SECONDS)))) {
            return true;
        }
        Optional<Instant> madeAt;
        try {
            madeAt = users.createdAt(principal);
        } catch (RuntimeException databaseDown) {
            return true; // not a deletion: the pages say what is wrong with the database themselves
        }
        Object known = session.getAttribute(ACCOUNT_MADE_AT);
        if (madeAt.isEmpty() || (known != null && !known.equals(madeAt.get()))) {
            return false;
        }
        if (known == null) {
            session.setAttribute(ACCOUNT_MADE_AT, madeAt.get());
        }
        session.setAttribute(CHECKED_AT, now);
        return true;
    }
}
