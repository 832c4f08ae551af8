package dev.resonitelink.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;

/**
 * The reader's choices of language and time zone, kept in cookies ({@link Languages}), for anyone, signed in or not.
 * {@code GET /language?to=de&back=/events} is each page's language switch (a link: it changes only how pages read,
 * and works without a session or JavaScript); {@code GET /time-zone} is the form the account page links to, and
 * {@code POST /time-zone} saves its choice (with its CSRF token; an empty zone goes back to the browser's).
 */
@WebServlet(urlPatterns = {PreferencesServlet.LANGUAGE_PATH, PreferencesServlet.ZONE_PATH})
public class PreferencesServlet extends HttpServlet {

    static final String LANGUAGE_PATH = "/language";
    static final String ZONE_PATH = "/time-zone";

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        if (!LANGUAGE_PATH.equals(req.getServletPath())) {
            resp.setHeader("Cache-Control", "no-store");
            Pages.render(req, resp, "time-zone", 200);
            return;
        }
        Locale language = Languages.supported(req.getParameter("to"));
        if (language == null) {
            Pages.message(req, resp, 400, Text.of("language.unknown.title"), Text.of("language.unknown.text"));
            return;
        }
        Languages.remember(req, resp, Languages.LANGUAGE_COOKIE, language.toLanguageTag());
        resp.setHeader("Cache-Control", "no-store");
        resp.setStatus(303);
        resp.setHeader("Location", req.getContextPath() + localPath(req.getParameter("back")));
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        if (!ZONE_PATH.equals(req.getServletPath())) {
            resp.sendError(405);
            return;
        }
        if (Pages.refusedForm(req, resp, Text.of("form.expired.account"))) {
            return;
        }
        String zone = req.getParameter("zone");
        if (zone == null || zone.isEmpty()) {
            Languages.remember(req, resp, Languages.ZONE_COOKIE, null);
        } else if (Languages.zoneOf(zone) != null) {
            Languages.remember(req, resp, Languages.ZONE_COOKIE, zone);
        } else {
            Pages.message(req, resp, 400, Text.of("zone.unknown.title"), Text.of("zone.unknown.text"));
            return;
        }
        resp.setStatus(303);
        resp.setHeader("Location", req.getContextPath() + "/account?zoneSaved");
    }

    /**
     * A path of this app to return to: only a path starting with one '/' (never another site's address: {@code //host},
     * {@code /\host}, a scheme), at most 2000 characters; else the account page.
     */
    static String localPath(String back) {
        if (back == null || back.isEmpty() || back.length() > 2000 || back.charAt(0) != '/' || back.startsWith("//")
                || back.indexOf('\\') >= 0 || back.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            return "/account";
        }
        return back;
    }
}
