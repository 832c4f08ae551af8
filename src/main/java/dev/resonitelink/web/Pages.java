package dev.resonitelink.web;

import dev.resonitelink.SitePrincipal;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.html.escape.Escape;
import gg.jte.output.StringOutput;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;

/**
 * Renders the server-side pages: jte templates ({@code src/main/jte}), compiled to Java when the WAR is built. A
 * template's parameters are the request's attributes by name, and {@code page}, the {@link View} of its frame.
 */
public final class Pages {

    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(null, ContentType.Html,
            Pages.class.getClassLoader(), "dev.resonitelink.views");

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

    /** The signed-in user of this request (the caller of a page for signed-in users always has one). */
    public static SitePrincipal principal(HttpServletRequest request) {
        return new SitePrincipal(request.getUserPrincipal().getName());
    }

    /** The session attribute with the signed-in person's name as their sign-in gave it (single sign-on's name claim). */
    public static final String DISPLAY_NAME = "resonite-link.display-name";

    /**
     * How the signed-in person is named on pages: the name their sign-in gave (the provider's name claim with single
     * sign-on, whose principal is an opaque id), else the principal (a local account's user name); null when signed out.
     */
    public static String displayName(HttpServletRequest request) {
        if (request.getUserPrincipal() == null) {
            return null;
        }
        jakarta.servlet.http.HttpSession session = request.getSession(false);
        Object name = session == null ? null : session.getAttribute(DISPLAY_NAME);
        return name instanceof String given && !given.isBlank() ? given : request.getUserPrincipal().getName();
    }

    /** The request's parameters as a map of lists, the shape the callbacks' protocol rules read. */
    public static java.util.Map<String, java.util.List<String>> parameters(HttpServletRequest request) {
        return request.getParameterMap().entrySet().stream().collect(java.util.stream.Collectors.toMap(
                java.util.Map.Entry::getKey, e -> java.util.Arrays.asList(e.getValue())));
    }

    /**
     * Answers with the page of template {@code view} ({@code src/main/jte/<view>.jte}). The page is rendered whole
     * before a byte is sent, so a template that fails still leaves the response to the error page.
     */
    public static void render(HttpServletRequest request, HttpServletResponse response, String view, int status)
            throws ServletException, IOException {
        Map<String, Object> model = new HashMap<>();
        for (Enumeration<String> names = request.getAttributeNames(); names.hasMoreElements(); ) {
            String name = names.nextElement();
            model.put(name, request.getAttribute(name));
        }
        model.put("page", new View(request, CsrfTokens.tokenFor(request)));
        StringOutput page = new StringOutput(8192);
        TEMPLATES.render(view + ".jte", model, page);
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Content-Language", Languages.of(request).toLanguageTag());
        response.getWriter().write(page.toString());
    }

    /**
     * Answers a form post without its session's CSRF token with a 403 page that says what to do; returns whether it
     * did, so a servlet writes {@code if (Pages.refusedForm(req, resp, "...")) return;}.
     */
    public static boolean refusedForm(HttpServletRequest request, HttpServletResponse response, Text whatToDo)
            throws ServletException, IOException {
        if (CsrfTokens.isValid(request)) {
            return false;
        }
        message(request, response, 403, Text.of("form.expired.title"), whatToDo);
        return true;
    }

    /** A plain message page for bad requests to our own endpoints (e.g. a missing CSRF token), in the reader's words. */
    public static void message(HttpServletRequest request, HttpServletResponse response, int status, Text title,
                               Text text) throws ServletException, IOException {
        request.setAttribute("title", title);
        request.setAttribute("text", text);
        render(request, response, "message", status);
    }

    /**
     * A page written directly, not through a template: for requests whose method or body is what is wrong, answered
     * before anything (a session, a CSRF token) is made for them.
     */
    public static void plain(HttpServletRequest request, HttpServletResponse response, int status, Text title,
                             Text text) throws IOException {
        Texts words = Languages.texts(request);
        response.setHeader("Cache-Control", "no-store");
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Content-Language", words.locale().toLanguageTag());
        StringOutput page = new StringOutput(1024);
        page.writeContent("<!DOCTYPE html><html lang=\"" + words.locale().toLanguageTag()
                + "\"><head><meta charset=\"utf-8\"><title>");
        Escape.htmlContent(words.get("page.title", words.get(title)), page);
        page.writeContent("</title><link rel=\"stylesheet\" href=\"" + request.getContextPath()
                + "/static/app.css\"></head><body><main><h1>");
        Escape.htmlContent(words.get(title), page);
        page.writeContent("</h1><p>");
        Escape.htmlContent(words.get(text), page);
        page.writeContent("</p><p><a href=\"" + request.getContextPath() + "/account\">");
        Escape.htmlContent(words.get("page.back"), page);
        page.writeContent("</a></p></main></body></html>");
        response.getWriter().write(page.toString());
    }
}
