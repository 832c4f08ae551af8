package dev.resonitelink.web;

import dev.resonitelink.oauth.entity.LinkFailure;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Renders the server-side pages (JSPs under {@code /WEB-INF/views}); every page gets the session's CSRF token. */
public final class Pages {

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
    private static final String ID_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private Pages() {
    }

    /** A short random id for one request, shown to the user on failures and written to the log and audit trail. */
    public static String requestId() {
        StringBuilder id = new StringBuilder(10);
        for (int i = 0; i < 10; i++) {
            id.append(ID_ALPHABET.charAt(RANDOM.nextInt(ID_ALPHABET.length())));
        }
        return id.toString();
    }

    public static void render(HttpServletRequest request, HttpServletResponse response, String view, int status)
            throws ServletException, IOException {
        request.setAttribute("csrf", CsrfTokens.tokenFor(request));
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        request.getRequestDispatcher("/WEB-INF/views/" + view + ".jsp").forward(request, response);
    }

    /** The page a failed or cancelled link attempt ends on, in plain words, with an id to quote. */
    public static void failure(HttpServletRequest request, HttpServletResponse response, LinkFailure failure,
                               String errorId, String providerError) throws ServletException, IOException {
        request.setAttribute("failure", failure);
        request.setAttribute("errorId", errorId);
        request.setAttribute("providerError", providerError);
        int status = status(failure);
        request.setAttribute("status", status);
        if (status == 503) {
            response.setHeader("Retry-After", "30");
        }
        render(request, response, "outcome", status);
    }

    /**
     * The status of a failed link attempt's page, chosen so that infrastructure reads it right: 4xx when the request
     * or the flow it belongs to is at fault (400, 403, 409), 424 Failed Dependency (RFC 4918 section 11.4) when
     * Resonite failed or refused, and 5xx only when this site itself cannot work (its database is down; the readiness
     * check says so too). Resonite's failures are never 5xx: any signed-in user can provoke them (a callback carrying
     * {@code error=server_error} for a flow they started), and a load balancer or probe that counts 5xx would take
     * healthy nodes out of rotation. Declining at consent is not a failure of anything: 200.
     */
    public static int status(LinkFailure failure) {
        return switch (failure) {
            case DECLINED -> 200;
            case STATE_MISSING, STATE_UNKNOWN, ISSUER_MISMATCH, MALFORMED_RESPONSE -> 400;
            case WRONG_USER -> 403;
            case CONCURRENT_CHANGE, ALREADY_LINKED_ELSEWHERE -> 409;
            case PROVIDER_ERROR, PROVIDER_FAILED, PROVIDER_UNAVAILABLE, CLIENT_REJECTED, CODE_REJECTED,
                    PROFILE_UNAVAILABLE -> 424;
            case STORAGE_UNAVAILABLE -> 503;
        };
    }

    /**
     * Answers a form post without its session's CSRF token with a 403 page that says what to do; returns whether it
     * did, so a servlet writes {@code if (Pages.refusedForm(req, resp, "...")) return;}.
     */
    public static boolean refusedForm(HttpServletRequest request, HttpServletResponse response, String whatToDo)
            throws ServletException, IOException {
        if (CsrfTokens.isValid(request)) {
            return false;
        }
        message(request, response, 403, "This form has expired", whatToDo);
        return true;
    }

    /** A plain message page for bad requests to our own endpoints (e.g. a missing CSRF token). */
    public static void message(HttpServletRequest request, HttpServletResponse response, int status, String title,
                               String text) throws ServletException, IOException {
        request.setAttribute("title", title);
        request.setAttribute("text", text);
        render(request, response, "message", status);
    }

    /**
     * A page written directly, not through a JSP: for requests whose method or body is what is wrong (a JSP refuses
     * methods other than GET, HEAD and POST, and WildFly then drops the connection), or would be read by a JSP.
     */
    public static void plain(HttpServletRequest request, HttpServletResponse response, int status, String title,
                             String text) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title
                + " · Resonite link</title><link rel=\"stylesheet\" href=\"" + request.getContextPath()
                + "/static/app.css\"></head><body><main><h1>" + title + "</h1><p>" + text + "</p><p><a href=\""
                + request.getContextPath() + "/account\">Back to your account</a></p></main></body></html>");
    }
}
