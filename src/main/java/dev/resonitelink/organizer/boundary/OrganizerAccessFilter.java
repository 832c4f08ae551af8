package dev.resonitelink.organizer.boundary;

import dev.resonitelink.web.Text;
import dev.resonitelink.web.Pages;
import dev.resonitelink.web.View;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Organizers are authorized by the application, from the database ({@link OrganizerGrants}), on every request to
 * the organizer pages; Jakarta Security only authenticates (web.xml asks for any signed-in caller there). The
 * container's role check is not used: Payara 6 sometimes dropped a caller's groups under concurrent requests
 * (payara/Payara#6145, fixed in Payara 7), and a right granted or revoked in the database must take effect at the next
 * request on every node, whatever a container caches of the caller. Kept on Payara 7 as defence in depth. The navigation
 * asks the request's {@link View.CallerRights}.
 */
@WebFilter(filterName = "OrganizerAccessFilter", urlPatterns = "/*", asyncSupported = true)
public class OrganizerAccessFilter extends HttpFilter {

    @Inject
    OrganizerGrants grants;

    /** What the caller may see, looked up once per request and only when asked. */
    public static final class CallerAccess implements View.CallerRights {
        private final String principal;
        private final OrganizerGrants grants;
        private Boolean organizer;

        CallerAccess(String principal, OrganizerGrants grants) {
            this.principal = principal;
            this.grants = grants;
        }

        /** For the navigation: a database that cannot answer hides the organizer links instead of breaking the page. */
        @Override
        public boolean isOrganizer() {
            if (organizer == null) {
                try {
                    organizer = principal != null && grants.isOrganizer(principal);
                } catch (RuntimeException databaseDown) {
                    return false;
                }
            }
            return organizer;
        }
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String principal = request.getUserPrincipal() == null ? null : request.getUserPrincipal().getName();
        CallerAccess access = new CallerAccess(principal, grants);
        request.setAttribute(View.CALLER_RIGHTS, access);
        String path = request.getServletPath();
        boolean organizerPage = path.equals("/organizer") || path.startsWith("/organizer/");
        if (organizerPage) {
            // asked here with its errors (a database that cannot answer is not a refusal); the navigation reuses it
            access.organizer = principal != null && grants.isOrganizer(principal);
            if (!access.organizer) {
                Text title = Text.of("organizer.only.title");
                Text text = Text.of("organizer.only.text");
                if ("GET".equals(request.getMethod()) || "POST".equals(request.getMethod())) {
                    Pages.message(request, response, 403, title, text);
                } else {
                    Pages.plain(request, response, 403, title, text);
                }

                return;
            }
        }
        chain.doFilter(request, response);
    }
}
