package dev.resonitelink.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Missing, malformed, repeated, oversized and hostile input at every endpoint: always a clear page, never a stack
 * trace, never reflected markup, and nothing stored.
 */
class HostileInputIT extends DeployedApp {

    /** A signed-in user with a flow started; the callback URL Resonite would send, and the state in it. */
    private record Started(Site site, Browser.Page back, String state) {
        String callbackWith(String query) {
            return site.at("oauth/callback") + "?" + query;
        }
    }

    private Started started() {
        Site site = Site.signedIn(base);
        Browser.Page back = site.consent(site.startLink(), StandIn.newUser(), "allow", List.of());
        String state = back.locationUri().getRawQuery().replaceAll(".*state=([^&]*).*", "$1");
        return new Started(site, back, state);
    }

    private static void assertCleanPage(Browser.Page page, int status) {
        assertThat(page.status()).as(page.body()).isEqualTo(status);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).doesNotContain("Exception", "at dev.resonitelink", "at java.", "<script>", "<img src=x");
    }

    @Test
    void theServersOwnErrorsEndOnTheSitesErrorPage() {
        Site site = Site.signedIn(base);
        Browser.Page missing = site.browser().get(site.at("no-such-page"));
        assertCleanPage(missing, 404);
        assertThat(missing.text("h1")).isEqualTo("Page not found");
        Browser.Page direct = site.browser().get(site.at("error-page"));
        assertCleanPage(direct, 404);
        assertThat(direct.text("h1")).as("asked for directly, the error page is a page that is not there")
                .isEqualTo("Page not found");
    }

    @Test
    void anOversizedCallbackIsRefused() {
        Started s = started();
        Browser.Page page = s.site().browser().get(s.callbackWith("state=" + s.state() + "&code=" + "A".repeat(9000)));
        assertThat(page.status()).isIn(400, 414);
        assertThat(page.body()).doesNotContain("Exception", "at java.");
        assertThat(s.site().storedLink()).isNull();
    }

    @Test
    void repeatedParametersAreRefused() {
        Started s = started();
        String code = s.back().locationUri().getRawQuery().replaceAll(".*code=([^&]*).*", "$1");
        Browser.Page page = s.site().browser().get(s.callbackWith("state=" + s.state() + "&state=" + s.state() + "&code=" + code));
        assertCleanPage(page, 400);
        assertThat(page.outcome()).isEqualTo("MALFORMED_RESPONSE");
        Browser.Page twoCodes = s.site().browser().get(s.callbackWith("state=" + s.state() + "&code=" + code + "&code=other"));
        assertCleanPage(twoCodes, 400);
        assertThat(s.site().storedLink()).isNull();
    }

    @Test
    void unknownParametersAreIgnoredAsRfc6749Requires() {
        Started s = started();
        Browser.Page page = s.site().browser().get(s.back().location() + "&foo=bar&session_state=x&%3Cscript%3E=1");
        assertThat(page.status()).isEqualTo(302);
        assertThat(s.site().storedLink()).isNotNull();
    }

    @Test
    void anErrorDescriptionWithMarkupIsNeverReflected() {
        Started s = started();
        Browser.Page page = s.site().browser().get(s.callbackWith("state=" + s.state()
                + "&error=server_error&error_description=%3Cscript%3Ealert(1)%3C%2Fscript%3E%3Cimg%20src%3Dx%3E"));
        assertCleanPage(page, 424);
        assertThat(page.text("#provider-error")).isEqualTo("server_error");
        assertThat(page.body()).doesNotContain("<img src=x", "alert(1)");
    }

    @Test
    void anErrorCodeWithMarkupIsEscapedOrRefused() {
        Started s = started();
        Browser.Page page = s.site().browser().get(s.callbackWith("state=" + s.state()
                + "&error=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E"));
        assertThat(page.status()).isIn(400, 424);
        assertThat(page.body()).doesNotContain("<img src=x onerror");
        assertThat(s.site().storedLink()).isNull();
    }

    @Test
    void nonUtf8BytesAreRefusedCleanly() {
        Started s = started();
        Browser.Page page = s.site().browser().get(s.callbackWith("state=%FF%FE%C3%28&code=%80%81"));
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).doesNotContain("Exception", "at java.");
        assertThat(s.site().storedLink()).isNull();
    }

    @Test
    void aCallbackWithBothCodeAndErrorIsRefusedAndUsesUpItsState() {
        Started s = started();
        Browser.Page both = s.site().browser().get(s.back().location() + "&error=access_denied");
        assertCleanPage(both, 400);
        assertThat(both.outcome()).isEqualTo("MALFORMED_RESPONSE");
        Browser.Page retry = s.site().browser().follow(s.back());
        assertThat(retry.status()).isEqualTo(400);
        assertThat(s.site().storedLink()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"oauth/start", "logout"})
    void postOnlyActionsRefuseGet(String path) {
        Site site = Site.signedIn(base);
        Browser.Page page = site.browser().get(site.at(path));
        assertCleanPage(page, 405);
        assertThat(page.text("h1")).isEqualTo("Not allowed");
        assertThat(page.location()).as("no redirect, to Resonite or anywhere").isNull();
        assertThat(site.account().status()).as("still signed in, nothing started").isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"oauth/start", "link/unlink", "logout", "login", "signup"})
    void everyFormRefusesAMissingOrWrongCsrfToken(String path) {
        Site site = Site.signedIn(base);
        Map<String, String> fields = new HashMap<>(Map.of("username", "someone", "password", "long enough password"));
        assertCleanPage(site.browser().post(site.at(path), fields), 403);
        fields.put("csrf", "not-the-token");
        assertCleanPage(site.browser().post(site.at(path), fields), 403);
        assertThat(site.account().status()).as("still signed in").isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.example", "https://evil.example/", "/\\evil.example", "%2F%2Fevil.example",
            "/%2F/evil.example", "/%5Cevil.example", "/ok%0d%0aLocation:%20https://evil.example", "/ok\r\nX: y",
            "javascript:alert(1)"})
    void hostileReturnTargetsAreRefusedBeforeLeavingForResonite(String target) {
        Site site = Site.signedIn(base);
        Map<String, String> form = site.account().form("form[action$=/oauth/start]");
        form.put("returnTo", target);
        Browser.Page page = site.browser().post(site.at("oauth/start"), form);
        assertCleanPage(page, 400);
        assertThat(page.location()).isNull();
        assertThat(page.body()).doesNotContain("evil.example");
    }

    @Test
    void aSafeReturnTargetIsWhereTheUserLandsAfterLinking() {
        Site site = Site.signedIn(base);
        Browser.Page account = site.browser().get(site.at("account?returnTo=%2Faccount%3Ffrom%3Devents"));
        Map<String, String> form = account.form("form[action$=/oauth/start]");
        assertThat(form).containsEntry("returnTo", "/account?from=events");
        Browser.Page toResonite = site.browser().post(site.at("oauth/start"), form);
        Browser.Page callback = site.browser().follow(site.consent(toResonite, StandIn.newUser(), "allow", List.of()));
        assertThat(callback.locationUri()).isEqualTo(URI.create(site.at("account?from=events").toString()));
        assertThat(site.storedLink()).isNotNull();
    }

    @Test
    void hostileSignUpAndSignInInputGetsAClearAnswer() {
        Site site = Site.anonymous(base);
        Map<String, String> signup = site.browser().get(site.at("signup")).form("form[action$=/signup]");
        signup.put("username", "<script>alert(1)</script>");
        signup.put("password", "long enough password");
        Browser.Page refused = site.browser().post(site.at("signup"), signup);
        assertCleanPage(refused, 400);
        assertThat(refused.body()).as("echoed as text, never as markup").contains("&lt;script")
                .doesNotContain("<script>alert(1)");

        Map<String, String> login = site.browser().get(site.at("login")).form("form[action$=/login]");
        login.put("username", "x".repeat(20_000));
        login.put("password", "y".repeat(20_000));
        assertCleanPage(site.browser().post(site.at("login"), login), 401);
    }

    @Test
    void unknownPagesAndMalformedApiCallsNeverShowAStackTrace() {
        Site site = Site.signedIn(base);
        assertCleanPage(site.browser().get(site.at("no/such/page")), 404);
        // the raw path, not URI.resolve (which would normalise the dot segments away before they reach the server)
        URI dotted = URI.create(site.at("api/me/link").toString() + "/../../x");
        assertThat(dotted.getRawPath()).contains("/../../x");
        Browser.Page api = site.browser().get(dotted);
        assertThat(api.status()).isBetween(400, 499);
        assertThat(api.body()).doesNotContain("Exception", "at java.");
    }
}
