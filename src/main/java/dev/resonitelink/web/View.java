package dev.resonitelink.web;

import gg.jte.Content;
import gg.jte.TemplateOutput;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * What every page's frame needs from its request, handed to each template as {@code page}
 * ({@code src/main/jte/layout.jte}): addresses under the app's context path, the session's CSRF token, who is signed
 * in, whether to show the organizer navigation, and the request's parameters (notices such as {@code ?linked}); and
 * the reader's language and time zone ({@link Languages}): every word a page shows is {@link #t} of a bundle key, every
 * time {@link #time} or {@link #range}, every count {@link #number}.
 */
public final class View {

    /** The request attribute a feature sets to tell the navigation whether the caller is an organizer. */
    public static final String CALLER_RIGHTS = "access";

    /** What the navigation may ask of the caller's rights; looked up only when a page asks. */
    public interface CallerRights {
        boolean isOrganizer();
    }

    private static final DateTimeFormatter ZONE_NAME = DateTimeFormatter.ofPattern("zzz");

    private final HttpServletRequest request;

    private final String csrf;
    private final Texts texts;
    private final ZoneId zone;

    View(HttpServletRequest request, String csrf) {
        this.request = request;
        this.csrf = csrf;
        this.texts = Languages.texts(request);
        this.zone = Languages.zone(request);
    }

    /** The page's language as an HTML {@code lang} value, e.g. {@code ja}. */
    public String lang() {
        return texts.locale().toLanguageTag();
    }

    /** The text of a bundle key in the reader's language, its arguments filled in (escaped where the page puts it). */
    public String t(String key, Object... args) {
        return texts.get(key, args);
    }

    public String t(Text text) {
        return text == null ? "" : texts.get(text);
    }

    /**
     * A text whose arguments carry markup: each argument that is {@link Content} (e.g. {@link #strong}) is written as
     * it is, everything else (the pattern's words, plain arguments) escaped.
     */
    public Content html(String key, Object... args) {
        Object[] marked = new Object[args.length];
        List<Content> parts = new java.util.ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof Content content) {
                marked[i] = "\u0000" + parts.size() + "\u0000";
                parts.add(content);
            } else {
                marked[i] = args[i];
            }
        }
        String text = texts.get(key, marked);
        return output -> {
            String[] pieces = text.split("\u0000", -1);
            for (int i = 0; i < pieces.length; i++) {
                if (i % 2 == 0) {
                    output.writeUserContent(pieces[i]);
                } else {
                    parts.get(Integer.parseInt(pieces[i])).writeTo(output);
                }
            }
        };
    }

    /** An argument of {@link #html} in bold. */
    public Content strong(Object value) {
        return wrapped("strong", value, null);
    }

    /** An argument of {@link #html} in bold, with an element id for tests and scripts. */
    public Content strong(Object value, String id) {
        return wrapped("strong", value, id);
    }

    /** An argument of {@link #html} as code (an id, a token). */
    public Content code(Object value) {
        return wrapped("code", value, null);
    }

    /** An argument of {@link #html} as code, with an element id. */
    public Content code(Object value, String id) {
        return wrapped("code", value, id);
    }

    /** An argument of {@link #html} that is a link of this app. */
    public Content link(String path, String key, String id) {
        return output -> {
            output.writeContent("<a href=\"");
            output.writeUserContent(path(path));
            output.writeContent(id == null ? "\">" : "\" id=\"" + id + "\">");
            output.writeUserContent(t(key));
            output.writeContent("</a>");
        };
    }

    /** An argument of {@link #html} that links to a page of this app with words that are not the bundle's (a title). */
    public Content anchor(String path, String text) {
        return anchor(path, null, text);
    }

    private Content anchor(String path, String url, String text) {
        return output -> {
            output.writeContent("<a href=\"");
            output.writeUserContent(url == null ? path(path) : url);

            output.writeContent("\">");
            output.writeUserContent(text);
            output.writeContent("</a>");
        };
    }

    /** An argument of {@link #html} that links to another site, with its words (a brand name). */
    public Content external(String url, String text) {
        return anchor(null, url, text);
    }

    /** The time zones a person may choose on the account page: the regions' zones and UTC, by name. */
    public List<String> zones() {
        return Languages.ZONES;
    }

    private static Content wrapped(
String tag, Object value, String id) {
        return (TemplateOutput output) -> {
            output.writeContent(id == null ? "<" + tag + ">" : "<" + tag + " id=\"" + id + "\">");
            output.writeUserContent(value == null ? "" : value.toString());
            output.writeContent("</" + tag + ">");
        };
    }

    /** A count in the reader's number format. */
    public String number(Number value) {
        return value == null ? "" : NumberFormat.getIntegerInstance(texts.locale()).format(value);
    }

    /** The reader's time zone ({@link Languages#zone}). */
    public ZoneId zone() {
        return zone;
    }

    /** Whether the reader chose the zone on their account page (else it is their browser's, or UTC). */
    public boolean zoneChosen() {
        return Languages.zoneChosen(request);
    }

    /** A point in time in the reader's zone and language, with the zone said, e.g. "29 Nov 2026, 00:41 UTC". */
    public String time(Instant instant) {
        return at("format.dateTime", instant, zone);
    }

    /** A point in time with its weekday, in a given zone (an event's registration window). */
    public String when(Instant instant, ZoneId in) {
        return at("format.dayTime", instant, in);
    }

    private String at(String patternKey, Instant instant, ZoneId in) {
        return instant == null ? "" : t("format.at", format(patternKey, instant, in), zoneName(instant, in));
    }

    /** From {@code start} to {@code end} in a zone, the day said once when both fall on it. */
    public String range(Instant start, Instant end, ZoneId in) {
        boolean sameDay = start.atZone(in).toLocalDate().equals(end.atZone(in).toLocalDate());
        return t("format.range", format("format.dayTime", start, in),
                format(sameDay ? "format.time" : "format.dayTime", end, in), zoneName(start, in));
    }

    private String format(String patternKey, Instant instant, ZoneId in) {
        return texts.dateFormat(patternKey).format(instant.atZone(in));
    }

    private String zoneName(Instant at, ZoneId in) {
        if (in.equals(ZoneOffset.UTC) || in.getId().equals("UTC")) {
            return "UTC";
        }
        ZonedDateTime there = at.atZone(in);
        return ZONE_NAME.withLocale(texts.locale()).format(there) + " (" + in.getId() + ")";
    }

    /** One entry of the language switch: the language's name in itself, and the address that chooses it. */
    public record LanguageChoice(String tag, String name, String href, boolean current) {
    }

    /** The language switch of every page: each language the site speaks, choosing it returns here. */
    public List<LanguageChoice> languages() {
        String back = back();
        return Texts.LANGUAGES.stream().map(language -> new LanguageChoice(language.toLanguageTag(),
                Texts.of(language).get("language.name"), url(PreferencesServlet.LANGUAGE_PATH, "to",
                language.toLanguageTag(), "back", back), language.equals(texts.locale()))).toList();
    }

    /**
     * Where the language switch returns to: this page, if asking for it again shows it again (a GET that is not a
     * callback, whose code and state are spent), else the account page.
     */
    private String back() {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!"GET".equals(request.getMethod()) || path.startsWith("/oauth/") || path.startsWith("/sso/")
                || path.equals(PreferencesServlet.LANGUAGE_PATH) || path.equals(ErrorPageServlet.PATH)) {
            return "/account";
        }
        return request.getQueryString() == null ? path : path + "?" + request.getQueryString();
    }

    /** An address of this app: {@code path} (starting with '/') under its context path. */
    public String path(String path) {
        return request.getContextPath() + path;
    }

    /**
     * An address of this app with query parameters, each name followed by its value; a null value leaves its
     * parameter out, other values are URL-encoded.
     */
    public String url(String path, Object... namesAndValues) {
        StringBuilder url = new StringBuilder(path(path));
        char separator = '?';
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                url.append(separator).append(namesAndValues[i]).append('=')
                        .append(URLEncoder.encode(String.valueOf(namesAndValues[i + 1]), StandardCharsets.UTF_8));
                separator = '&';
            }
        }
        return url.toString();
    }

    public String csrf() {
        return csrf;
    }

    public boolean signedIn() {
        return request.getUserPrincipal() != null;
    }

    /** How the signed-in person is named ({@link Pages#displayName}); null when signed out. */
    public String displayName() {
        return Pages.displayName(request);
    }

    /** Whether the navigation shows the organizer pages. */
    public boolean organizer() {
        return request.getAttribute(CALLER_RIGHTS) instanceof CallerRights rights && rights.isOrganizer();
    }

    /** Whether the request carries the parameter, with or without a value (e.g. {@code /account?linked}). */
    public boolean has(String parameter) {
        return request.getParameter(parameter) != null;
    }

    /** The parameter's first value, or null. */
    public String parameter(String name) {
        return request.getParameter(name);
    }

    /** The value as text, or {@code none} when there is none (a table's empty cell). */
    public String or(Object value, String none) {
        return value == null || value.toString().isEmpty() ? none : value.toString();
    }
}
