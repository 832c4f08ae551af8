package dev.resonitelink.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resonitelink.standin.ResoniteStandIn;
import dev.resonitelink.web.Texts;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pages in the reader's language, on the real server: chosen from {@code Accept-Language}, or with the switch on
 * every page (a cookie, no session), said in {@code <html lang>} and {@code Content-Language}; the choice holds
 * through the trip to Resonite and back; failure pages, error pages, the plain pages answered before any session and
 * form refusals speak every language; times come in the reader's language and chosen zone. Expected words are read
 * from the message bundles themselves, so the tests check which language a page is in, not its wording.
 */
class LanguagesIT extends DeployedApp {

    @Test
    void theBrowsersLanguageChoosesThePagesLanguageAndEnglishIsTheDefault() {
        Map<String, Locale> headers = Map.of(
                "de-DE,de;q=0.9,en;q=0.5", Locale.GERMAN,
                "ja-JP", Locale.JAPANESE,
                "fr-CH, fr;q=0.9, ja;q=0.4", Locale.JAPANESE,
                "fr-CH, fr;q=0.9", Locale.ENGLISH,
                "en-GB", Locale.ENGLISH,
                ";;q=x,,", Locale.ENGLISH);
        headers.forEach((header, expected) -> {
            Browser.Page login = new Browser().withHeader("Accept-Language", header).get(at("login"));
            assertThat(login.status()).isEqualTo(200);
            assertThat(lang(login)).as(header).isEqualTo(expected.getLanguage());
            assertThat(login.header("Content-Language")).as(header).isEqualTo(expected.getLanguage());
            assertThat(login.text("h1")).as(header).isEqualTo(Texts.of(expected).get("login.title"));
        });
        Browser.Page none = new Browser().get(at("login"));
        assertThat(lang(none)).isEqualTo("en");
    }

    @Test
    void theSwitchKeepsTheChoiceInACookieWithoutASessionAndReturnsToThePage() {
        Browser.Page events = new Browser().withHeader("Accept-Language", "de").get(at("events"));
        assertThat(lang(events)).isEqualTo("de");
        String toJapanese = events.document().selectFirst("#language-switch a[data-lang=ja]").attr("href");
        assertThat(events.document().select("#language-switch a[aria-current=true]").attr("data-lang")).isEqualTo("de");
        Browser browser = new Browser().withHeader("Accept-Language", "de"); // a first visit: no session yet
        Browser.Page chosen = browser.get(events.uri().resolve(toJapanese));

        assertThat(chosen.status()).isEqualTo(303);
        assertThat(chosen.location()).endsWith("/resonite-link/events");
        String cookie = chosen.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("lang="))
                .findFirst().orElseThrow();
        assertThat(cookie).startsWith("lang=ja").containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax")
                .containsIgnoringCase("Max-Age");
        assertThat(chosen.headers().allValues("Set-Cookie")).as("no session is made for a language")
                .noneMatch(c -> c.startsWith("JSESSIONID"));
        Browser.Page after = browser.follow(chosen);
        assertThat(lang(after)).as("the cookie wins over Accept-Language").isEqualTo("ja");
        assertThat(after.text("h1")).isEqualTo(Texts.of(Locale.JAPANESE).get("events.title"));
    }

    @Test
    void theSwitchReturnsOnlyToThisSiteAndRefusesALanguageItDoesNotSpeak() {
        Browser browser = new Browser();
        for (String back : List.of("//evil.example/x", "https://evil.example/", "/\\evil.example", "", "events")) {
            Browser.Page chosen = browser.get(at("language?to=de&back=" + URLEncoder.encode(back, StandardCharsets.UTF_8)));
            assertThat(chosen.status()).as(back).isEqualTo(303);
            assertThat(chosen.location()).as(back).endsWith("/resonite-link/account");
        }
        Browser.Page unknown = new Browser().withHeader("Accept-Language", "ja").get(at("language?to=xx&back=/events"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(lang(unknown)).isEqualTo("ja");
        assertThat(unknown.text("h1")).isEqualTo(Texts.of(Locale.JAPANESE).get("language.unknown.title"));
        assertThat(unknown.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("lang="));
    }

    @Test
    void hostileLanguageHeadersAndCookiesFallBackToEnglishAndUtc() {
        for (String value : EndpointFuzzIT.VALUES) {
            if (value.chars().anyMatch(c -> c < 0x20 || c > 0x7e) || value.contains(";") || value.isBlank()
                    || value.length() > 1000) {
                continue; // not a header or cookie value a client can send (or over the server's header size: a 400)
            }

            Browser.Page page = new Browser().withHeader("Accept-Language", value)
                    .withHeader("Cookie", "lang=" + value.replace(" ", "") + "; zone=" + value.replace(" ", "")
                            + "; tz=" + value.replace(" ", "")).get(at("events"));
            assertThat(page.status()).as(value).isEqualTo(200);
            assertThat(lang(page)).as(value).isEqualTo("en");
        }
    }

    @Test
    void failureErrorAndRefusalPagesSpeakEveryLanguage() {

        for (Locale language : Texts.LANGUAGES) {
            Texts texts = Texts.of(language);
            Site site = Site.signedIn(base);
            Browser.Page chosen = site.browser().get(at("language?to=" + language.getLanguage() + "&back=/account"));
            assertThat(chosen.status()).isEqualTo(303);

            Browser.Page failure = site.browser().get(at("oauth/callback?state=no-such-state&code=c"));
            assertThat(failure.status()).as(language + " failure").isEqualTo(400);
            assertThat(lang(failure)).isEqualTo(language.getLanguage());
            assertThat(failure.outcome()).isEqualTo("STATE_UNKNOWN");
            assertThat(failure.text("#outcome-title")).isEqualTo(texts.get("failure.STATE_UNKNOWN.title"));
            assertThat(failure.text("#outcome")).contains(texts.get("failure.STATE_UNKNOWN.nextStep"));
            assertThat(failure.document().select("#language-switch a").eachAttr("href"))
                    .as("the switch never replays the callback's code and state").allSatisfy(href -> assertThat(href)
                            .endsWith("back=%2Faccount").doesNotContain("code").doesNotContain("state"));


            Browser.Page declined = site.browser().get(at("oauth/callback?error=access_denied&state=s"));
            assertThat(lang(declined)).isEqualTo(language.getLanguage());

            Browser.Page missing = site.browser().get(at("no/such/page"));
            assertThat(missing.status()).isEqualTo(404);
            assertThat(lang(missing)).isEqualTo(language.getLanguage());
            assertThat(missing.text("h1")).isEqualTo(texts.get("error.404.title"));

            Browser.Page noEvent = site.browser().get(at("events/nosuchevent00"));
            assertThat(noEvent.status()).isEqualTo(404);
            assertThat(noEvent.text("h1")).isEqualTo(texts.get("event.none.title"));

            Browser.Page expired = site.browser().post(at("oauth/start"), Map.of("csrf", "wrong"));
            assertThat(expired.status()).isEqualTo(403);
            assertThat(lang(expired)).isEqualTo(language.getLanguage());
            assertThat(expired.text("h1")).isEqualTo(texts.get("form.expired.title"));

            Browser.Page method = site.browser().request("PUT", at("account"), null, null);
            assertThat(method.status()).isEqualTo(405);
            assertThat(lang(method)).as("the plain page, answered before any session").isEqualTo(language.getLanguage());
            assertThat(method.text("h1")).isEqualTo(texts.get("limits.method.title"));
        }
    }

    @Test
    void theChoiceHoldsThroughResoniteAndTimesComeInTheChosenZoneAndLanguage() {
        Site site = Site.signedIn(base);
        site.browser().get(at("language?to=ja&back=/account"));
        assertThat(site.startLink().location()).as("Resonite is asked for its pages in the same language")
                .contains("ui_locales=ja");
        ResoniteStandIn.User user = StandIn.newUser();

        Browser.Page callback = site.link(user);
        assertThat(callback.location()).contains("/account");
        Browser.Page account = site.browser().follow(callback);
        assertThat(lang(account)).as("after the trip to Resonite and back").isEqualTo("ja");
        assertThat(account.text("[role=status]")).isEqualTo(Texts.of(Locale.JAPANESE).get("account.linked"));

        Browser.Page zones = site.browser().get(at("time-zone"));
        Map<String, String> form = zones.form("form[action$=/time-zone]");
        form.put("zone", "Asia/Tokyo");
        Browser.Page saved = site.browser().post(at("time-zone"), form);
        assertThat(saved.status()).isEqualTo(303);
        assertThat(saved.location()).endsWith("/account?zoneSaved");
        Browser.Page inTokyo = site.browser().follow(saved);
        assertThat(inTokyo.text("#current-zone")).isEqualTo("Asia/Tokyo");
        assertThat(inTokyo.text("#linked-at")).as("a Japanese date in Tokyo time")
                .matches("\\d{4}年\\d{1,2}月\\d{1,2}日 \\d{1,2}:\\d{2} .+ \\(Asia/Tokyo\\)");

        form.put("zone", "Mars/Olympus_Mons");
        Browser.Page refused = site.browser().post(at("time-zone"), form);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(site.browser().get(at("account")).text("#current-zone")).as("unchanged").isEqualTo("Asia/Tokyo");

        form.put("zone", "");
        site.browser().post(at("time-zone"), form);
        assertThat(site.browser().get(at("account")).text("#current-zone")).as("back to the browser's, none here: UTC")
                .isEqualTo("UTC");
        site.browser().get(at("language?to=de&back=/account"));
        assertThat(site.browser().get(at("account")).text("#linked-at")).as("a German date in UTC")
                .matches("\\d{1,2}\\. \\p{L}{3,4}\\.? \\d{4}, \\d{2}:\\d{2} UTC");
    }

    private java.net.URI at(String path) {
        return Site.anonymous(base).at(path);
    }

    private static String lang(Browser.Page page) {
        return page.document().selectFirst("html").attr("lang");
    }
}
