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
        render(request, response, "outcome", failure.status());
    }

    /** A plain message page for bad requests to our own endpoints (e.g. a missing CSRF token). */
    public static void message(HttpServletRequest request, HttpServletResponse response, int status, String title,
                               String text) throws ServletException, IOException {
        request.setAttribute("title", title);
        request.setAttribute("text", text);
        render(request, response, "message", status);
    }
}
