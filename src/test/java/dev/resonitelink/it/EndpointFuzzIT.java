package dev.resonitelink.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/**
 * Every servlet and JAX-RS endpoint, every parameter it reads, hostile values (empty, huge and negative numbers,
 * unicode, control characters, markup, SQL and path tricks, long strings, seeded random junk), repeated parameters,
 * wrong methods and wrong content types, as an anonymous visitor, a plain user and an organizer: never a 5xx, never
 * a stack trace, and what the requests must not change (the registrants, the caller's link, the audit trail, who is
 * an organizer) unchanged.
 */
@Tag("postgres")
@Slow
class EndpointFuzzIT extends DeployedApp {

    record Endpoint(String method, String path, List<String> parameters, boolean withCsrf) {
    }

    static final List<String> SSO_CALLBACK_PARAMETERS = List.of("state", "code", "error", "error_description", "iss",
            "session_state");

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("GET", "", List.of("x"), false),
            new Endpoint("GET", "login", List.of("created", "signedOut"), false),
            new Endpoint("GET", "signup", List.of(), false),
            new Endpoint("GET", "account", List.of("linked", "unlinked", "x"), false),
            new Endpoint("GET", "link/unlink", List.of(), false),
            new Endpoint("GET", "oauth/callback", List.of("state", "code", "error", "error_description", "error_uri", "iss"), false),
            new Endpoint("GET", "organizer", List.of("q", "page", "linked", "role", "who"), false),
            new Endpoint("GET", "organizer/audit", List.of("q", "page"), false),
            new Endpoint("GET", "organizer/registrants.csv", List.of("q", "linked"), false),
            new Endpoint("GET", "organizer-claim", List.of(), false),
            // single sign-on's two ends (with local sign-in they answer that there is none; SsoSessionsIT fuzzes them
            // on a deployment that signs in through the provider)
            new Endpoint("GET", "sso/start", List.of("x"), false),
            // events (an id of the right shape that names no event, and one of the wrong shape)
            new Endpoint("GET", "events", List.of("x"), false),
            new Endpoint("GET", "events/aaaaaaaaaaaaaaaa", List.of("cancelled"), false),
            new Endpoint("GET", "events/%2e%2e", List.of(), false),
            new Endpoint("GET", "events/aaaaaaaaaaaaaaaa/calendar.ics", List.of("x"), false),
            new Endpoint("GET", "organizer/events/aaaaaaaaaaaaaaaa/roster.csv", List.of("x"), false),
            new Endpoint("GET", "api/events/aaaaaaaaaaaaaaaa/registrations", List.of("page", "size"), false),
            // RegisterServlet (/register/*): its bare path, and an event id by GET and POST
            new Endpoint("GET", "register", List.of("x"), false),
            new Endpoint("GET", "register/aaaaaaaaaaaaaaaa", List.of("cancelled"), false),
            new Endpoint("POST", "register/aaaaaaaaaaaaaaaa", List.of("action", "csrf"), true),
            new Endpoint("GET", "organizer/events", List.of("x"), false),
            new Endpoint("POST", "organizer/events", List.of("title", "description", "location", "timeZone", "startsAt",
                    "endsAt", "capacity", "opensAt", "closesAt", "listed", "supportersOnly", "csrf"), true),
            new Endpoint("GET", "organizer/events/aaaaaaaaaaaaaaaa", List.of("x"), false),
            new Endpoint("POST", "organizer/events/aaaaaaaaaaaaaaaa", List.of("action", "title", "csrf"), true),
            new Endpoint("GET", "api/events/aaaaaaaaaaaaaaaa/admission/U-someone", List.of("key"), false),
            new Endpoint("GET", "api/events/aaaaaaaaaaaaaaaa/admission-list", List.of("key"), false),
            new Endpoint("GET", "api/ping", List.of("x"), false),
            new Endpoint("GET", "error-page", List.of("x"), false),
            new Endpoint("GET", "sso/callback", SSO_CALLBACK_PARAMETERS, false),
            new Endpoint("GET", "api/me/link", List.of(), false),
            // users' data (issue 27): no fuzzed value is anybody's password, and without one nothing is claimed from
            // the sign-in throttle (so the fuzz never blocks the organizer's own sign-in)
            new Endpoint("GET", "account/export", List.of("x"), false),
            new Endpoint("GET", "api/me/export", List.of("x"), false),
            new Endpoint("GET", "account/delete", List.of("x"), false),
            new Endpoint("POST", "account/delete", List.of("csrf"), true),
            new Endpoint("GET", "organizer/users/delete", List.of("user"), false),
            new Endpoint("POST", "organizer/users/delete", List.of("user", "reason", "csrf"), true),
            // webhooks: no url is fuzzed into a new endpoint (a public address would make one); an id that names none
            new Endpoint("GET", "organizer/webhooks", List.of("x"), false),
            new Endpoint("POST", "organizer/webhooks", List.of("description", "eventType", "csrf"), true),
            new Endpoint("GET", "organizer/webhooks/00000000-0000-0000-0000-000000000000", List.of("test"), false),
            new Endpoint("POST", "organizer/webhooks/00000000-0000-0000-0000-000000000000", List.of("action", "csrf"), true),
            new Endpoint("GET", "organizer/webhooks/%2e%2e", List.of(), false),
            new Endpoint("GET", "api/webhooks", List.of("x"), false),
            new Endpoint("GET", "api/webhooks/00000000-0000-0000-0000-000000000000", List.of(), false),
            new Endpoint("GET", "api/registrants", List.of("q", "page", "size", "linked"), false),
            // languages (issue 28): the switch and the time zone form
            new Endpoint("GET", "language", List.of("to", "back"), false),
            new Endpoint("GET", "time-zone", List.of("x"), false),
            new Endpoint("POST", "time-zone", List.of("zone", "csrf"), true),

            new Endpoint("POST", "login", List.of("username", "password", "csrf"), true),
            new Endpoint("POST", "signup", List.of("username", "password", "csrf"), true),
            new Endpoint("POST", "logout", List.of("csrf"), false),
            new Endpoint("POST", "oauth/start", List.of("returnTo", "csrf"), true),
            new Endpoint("POST", "link/unlink", List.of("csrf"), true),
            new Endpoint("POST", "organizer/roles", List.of("username", "action", "csrf"), true),
            new Endpoint("POST", "organizer-claim", List.of("code", "csrf"), true));

    static final List<String> VALUES = List.of("", " ", "0", "-1", "-2147483648", "2147483647", "2147483648",
            "50000000", "99999999999999999999999", "1e9", "NaN", "0x10", "true", "%", "_", "\\", "'", "\"",
            "' or 1=1 --", "<script>alert(1)</script>", "../../../../etc/passwd", "/%2e%2e/", "\u0000", "\r\nX-Injected: 1",
            "\t\u000b\u001f", "é", "Ωmega", "\uD83D\uDE00".repeat(300), "\uFFFF", "\u202Etxt.exe", "x".repeat(20_000),
            "https://evil.example/", "//evil.example", "javascript:alert(1)", "U-" + "9".repeat(200));

    @Test
    void anonymousVisitorsGetNoServerErrorFromAnyInput() {
        fuzz(Site.anonymous(base), "anonymous");
    }

    @Test
    void plainUsersGetNoServerErrorFromAnyInput() {
        fuzz(Site.signedIn(base), "user");
    }

    @Test
    void organizersGetNoServerErrorFromAnyInput() {
        fuzz(Organizers.signedIn(base), "organizer");
    }

    @Test
    void anOversizedBodyIsAnswered413WithAPlainPage() {
        // (BehindProxyIT sends such a body whole, as a browser does, through nginx, which drains what it refuses)
        Browser.Page page = Browser.announceOnly(Site.anonymous(base).at("login"), 5L * 1024 * 1024);
        assertThat(page.status()).isEqualTo(413);
        assertThat(page.text("h1")).isEqualTo("That was too much");
        assertThat(page.body()).doesNotContain("Exception");
    }

    private void fuzz(Site site, String who) {
        Site organizer = Organizers.signedIn(base);
        String before = snapshot(organizer, site);
        List<String> problems = new ArrayList<>();
        Random random = new Random(20261129L + who.hashCode());
        List<String> values = new ArrayList<>(VALUES);
        for (int i = 0; i < 20; i++) {
            values.add(randomJunk(random));
        }
        for (Endpoint endpoint : ENDPOINTS) {
            for (String parameter : endpoint.parameters()) {
                for (String value : values) {
                    check(site, endpoint, query(endpoint, site, parameter, value), problems);
                }
                // the same parameter twice
                check(site, endpoint, query(endpoint, site, parameter, "1") + "&" + enc(parameter) + "=2", problems);
            }
            for (String method : List.of("PUT", "DELETE", "PATCH", "OPTIONS", endpoint.method().equals("GET") ? "POST" : "GET")) {
                expectNoServerError(site, method, endpoint.path(), site.browser().request(method, site.at(endpoint.path()),
                        null, null), problems);
            }
            for (String type : List.of("application/json", "multipart/form-data; boundary=xyz", "text/plain; charset=bogus",
                    "application/x-www-form-urlencoded; charset=EBCDIC-XYZ")) {
                expectNoServerError(site, endpoint.method(), endpoint.path() + " as " + type, site.browser()
                        .request(endpoint.method(), site.at(endpoint.path()), type, "{\"a\":[1,2,{\"b\":\"%zz\"}]}"), problems);
            }
        }
        assertThat(problems).as(who + ": answers that were server errors or showed internals").isEmpty();
        assertThat(snapshot(organizer, site)).as("nothing these requests may not change has changed").isEqualTo(before);
    }

    private void check(Site site, Endpoint endpoint, String query, List<String> problems) {
        URI uri = site.at(endpoint.path() + (endpoint.method().equals("GET") && !query.isEmpty() ? "?" + query : ""));
        Browser.Page page = endpoint.method().equals("GET")
                ? site.browser().get(uri)
                : site.browser().request("POST", uri, "application/x-www-form-urlencoded", query);
        expectNoServerError(site, endpoint.method(), endpoint.path() + " " + abbreviate(query), page, problems);
    }

    private static void expectNoServerError(Site site, String method, String what, Browser.Page page, List<String> problems) {
        String body = page.body();
        if (page.status() >= 500 || body.contains("Exception") || body.contains("\tat ") || body.contains("java.lang.")
                || body.contains("X-Injected") && page.headers().firstValue("X-Injected").isPresent()) {
            problems.add(method + " " + what + " -> " + page.status() + " " + abbreviate(body));
        }
    }

    private String query(Endpoint endpoint, Site site, String parameter, String value) {
        StringBuilder query = new StringBuilder(enc(parameter) + "=" + enc(value));
        if (endpoint.withCsrf() && !parameter.equals("csrf")) {
            query.append("&csrf=").append(enc(csrf(site)));
        }
        return query.toString();
    }

    private String csrf;

    /** The session's token (from the sign-up form, which every caller may open); fuzzed requests never replace it. */
    private String csrf(Site site) {
        if (csrf == null) {
            csrf = site.browser().get(site.at("signup")).form("form[action$=/signup]").get("csrf");
        }
        return csrf;
    }

    /** What the fuzzing must leave as it was: the registrants, the caller's link, the audit trail, the organizers. */
    private static String snapshot(Site organizer, Site site) {
        Browser.Page registrants = organizer.browser().get(organizer.at("api/registrants?size=100"));
        Browser.Page audit = organizer.browser().get(organizer.at("organizer/audit"));
        Browser.Page link = site.browser().get(site.at("api/me/link"));
        Browser.Page organizerPage = site.browser().get(site.at("organizer"));
        return registrants.status() + " " + registrants.body().replaceAll("\"page\":\\d+", "") + "\naudit "
                + audit.text("#total") + "\nlink " + link.status() + " " + link.body() + "\norganizer page "
                + organizerPage.status();
    }

    private static String randomJunk(Random random) {
        StringBuilder junk = new StringBuilder();
        int length = random.nextInt(200);
        for (int i = 0; i < length; i++) {
            junk.append((char) (random.nextBoolean() ? random.nextInt(0x80) : random.nextInt(0xD7FF)));
        }
        return junk.toString();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        return text.length() > 160 ? text.substring(0, 160) + "…" : text;
    }
}
