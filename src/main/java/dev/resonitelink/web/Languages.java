package dev.resonitelink.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneId;
import java.util.Locale;

/**
 * Which language and time zone a request's pages are in, without a session: the language the person chose with the
 * switch on every page (cookie {@value #LANGUAGE_COOKIE}), else the best of their browser's {@code Accept-Language},
 * else English; the time zone they chose on their account page (cookie {@value #ZONE_COOKIE}), else their browser's
 * ({@value #BROWSER_ZONE_COOKIE}, set by {@code static/timezone.js}), else UTC. Cookies survive the trip to Resonite
 * and back: the callback is a top-level GET, which carries {@code SameSite=Lax} cookies.
 */
public final class Languages {

    public static final String LANGUAGE_COOKIE = "lang";
    public static final String ZONE_COOKIE = "zone";
    static final String BROWSER_ZONE_COOKIE = "tz";
    private static final String LOCALE_ATTRIBUTE = "resonite-link.locale";
    private static final int LONGEST_HEADER = 512;
    private static final ZoneId UTC = ZoneId.of("UTC");
    /** The JVM's zone ids, read once: {@code ZoneId.getAvailableZoneIds()} copies its ~600 ids at every call. */
    private static final java.util.Set<String> ZONE_IDS = java.util.Set.copyOf(ZoneId.getAvailableZoneIds());

    /** The zones a person may choose: every region's zone the JVM knows (e.g. {@code Asia/Tokyo}) and UTC, by name. */
    static final java.util.List<String> ZONES = java.util.stream.Stream.concat(java.util.stream.Stream.of("UTC"),
            ZONE_IDS.stream().filter(id -> id.matches(
                    "(Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific)/[A-Za-z_/+-]+"))
                    .sorted()).toList();

    private Languages() {
    }

    /** The language of the request's pages, one of {@link Texts#LANGUAGES}. */
    public static Locale of(HttpServletRequest request) {
        if (request.getAttribute(LOCALE_ATTRIBUTE) instanceof Locale known) {
            return known;
        }
        Locale chosen = supported(cookie(request, LANGUAGE_COOKIE));
        if (chosen == null) {
            chosen = fromHeader(request.getHeader("Accept-Language"));
        }
        request.setAttribute(LOCALE_ATTRIBUTE, chosen);
        return chosen;
    }

    public static Texts texts(HttpServletRequest request) {
        return Texts.of(of(request));
    }

    /** The supported language of a tag (e.g. {@code de}, {@code ja-JP}); null when the site does not speak it. */
    public static Locale supported(String tag) {
        if (tag == null || tag.isEmpty() || tag.length() > 35) {
            return null;
        }
        String language = Locale.forLanguageTag(tag).getLanguage();
        return Texts.LANGUAGES.stream().filter(l -> l.getLanguage().equals(language)).findFirst().orElse(null);
    }

    /** The best supported language of an {@code Accept-Language} header (RFC 9110 section 12.5.4), else English. */
    static Locale fromHeader(String header) {
        if (header == null || header.isBlank() || header.length() > LONGEST_HEADER) {
            return Locale.ENGLISH;
        }
        try {
            Locale best = Locale.lookup(Locale.LanguageRange.parse(header), Texts.LANGUAGES);
            return best == null ? Locale.ENGLISH : best;
        } catch (IllegalArgumentException e) {
            return Locale.ENGLISH;
        }
    }

    /** The time zone the request's times are shown in. */
    public static ZoneId zone(HttpServletRequest request) {
        ZoneId chosen = zoneOf(cookie(request, ZONE_COOKIE));
        if (chosen == null) {
            chosen = zoneOf(cookie(request, BROWSER_ZONE_COOKIE));
        }
        return chosen == null ? UTC : chosen;
    }

    /** Whether the zone was chosen on the account page rather than taken from the browser. */
    public static boolean zoneChosen(HttpServletRequest request) {
        return zoneOf(cookie(request, ZONE_COOKIE)) != null;
    }

    /** A zone id the JVM knows (e.g. {@code Asia/Tokyo}), else null. */
    public static ZoneId zoneOf(String id) {
        if (id == null || id.isEmpty() || id.length() > 64 || !ZONE_IDS.contains(id)) {
            return null;
        }
        return ZoneId.of(id);
    }

    /** Keeps a preference for a year in a cookie the pages read (not a session: the choice holds signed out too). */
    static void remember(HttpServletRequest request, HttpServletResponse response, String name, String value) {
        Cookie cookie = new Cookie(name, value == null ? "" : value);
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setMaxAge(value == null ? 0 : 365 * 24 * 3600);
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }

    private static String cookie(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (cookie.getName().equals(name)) {
                return cookie.getValue();
            }
        }
        return null;
    }
}
