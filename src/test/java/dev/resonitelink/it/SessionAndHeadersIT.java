package dev.resonitelink.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** State bound to the browser session and the local user (RFC 9700 section 4.7), and the headers every page sends. */
class SessionAndHeadersIT extends DeployedApp {

    private static String sessionId(Site site) {
        return site.browser().cookies().getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("JSESSIONID")).map(HttpCookie::getValue).findFirst().orElse(null);
    }

    private void signOut(Site site) {
        Browser.Page out = site.browser().post(site.at("logout"), site.account().form("form[action$=/logout]"));
        assertThat(out.location()).contains("/login?signedOut");
    }

    @Test
    void theSessionIdChangesAtSignIn() {
        Site site = Site.anonymous(base);
        site.signUp("fix" + System.nanoTime() % 100000);
        site.browser().get(site.at("login"));
        String before = sessionId(site);
        assertThat(before).isNotNull();
        site.signIn();
        assertThat(sessionId(site)).isNotNull().isNotEqualTo(before);
    }

    @Test
    void aCallbackAfterSignOutIsRefused() {
        Site site = Site.signedIn(base);
        Browser.Page back = site.consent(site.startLink(), StandIn.newUser(), "allow", List.of());
        signOut(site);
        site.signIn();
        Browser.Page callback = site.browser().follow(back);
        assertThat(callback.status()).isEqualTo(400);
        assertThat(callback.outcome()).isEqualTo("STATE_UNKNOWN");
        assertThat(site.storedLink()).isNull();
    }

    @Test
    void aCallbackAfterSwitchingLocalAccountsIsRefused() {
        Site site = Site.signedIn(base);
        String first = site.username();
        Browser.Page back = site.consent(site.startLink(), StandIn.newUser(), "allow", List.of());
        signOut(site);
        site.signUp("sw" + System.nanoTime() % 1000000);
        site.signIn();
        assertThat(site.username()).isNotEqualTo(first);
        Browser.Page callback = site.browser().follow(back);
        assertThat(callback.status()).isEqualTo(400);
        assertThat(site.storedLink()).isNull();
    }

    @Test
    void flowsStartedInParallelTabsEachCompleteOnce() {
        Site site = Site.signedIn(base);
        var user = StandIn.newUser();
        Browser.Page tab1 = site.consent(site.startLink(), user, "allow", List.of());
        Browser.Page tab2 = site.consent(site.startLink(), user, "allow", List.of("email"));
        assertThat(site.browser().follow(tab2).location()).endsWith("/account?linked");
        assertThat(site.browser().follow(tab1).location()).endsWith("/account?refreshed");
        assertThat(site.browser().follow(tab1).status()).isEqualTo(400);
        assertThat(site.browser().follow(tab2).status()).isEqualTo(400);
    }

    @Test
    void aClientCannotGrowThePendingRequestsBeyondTheBound() {
        Site site = Site.signedIn(base);
        var user = StandIn.newUser();
        List<Browser.Page> backs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            backs.add(site.consent(site.startLink(), user, "allow", List.of()));
        }
        assertThat(site.browser().follow(backs.get(0)).status()).as("the oldest was dropped").isEqualTo(400);
        assertThat(site.browser().follow(backs.get(7)).location()).endsWith("/account?linked");
    }

    @Test
    void anIssuerOtherThanResoniteIsRefusedAndAMissingOneAccepted() {
        Site site = Site.signedIn(base);
        var user = StandIn.newUser();
        StandIn.get().faults().issuerOverride = "https://evil.example";
        Browser.Page mixedUp = site.browser().follow(site.consent(site.startLink(), user, "allow", List.of()));
        assertThat(mixedUp.status()).isEqualTo(400);
        assertThat(mixedUp.outcome()).isEqualTo("ISSUER_MISMATCH");
        assertThat(site.storedLink()).isNull();

        StandIn.get().reset();
        StandIn.get().faults().sendIssuer = false;
        assertThat(site.browser().follow(site.consent(site.startLink(), user, "allow", List.of())).location())
                .endsWith("/account?linked");
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLax() {
        Site site = Site.anonymous(base);
        Browser.Page login = site.browser().get(site.at("login"));
        List<String> setCookies = login.headers().allValues("Set-Cookie");
        assertThat(setCookies).anySatisfy(cookie -> assertThat(cookie).startsWith("JSESSIONID=")
                .containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax")
                .doesNotContainIgnoringCase("SameSite=Strict"));
    }

    @Test
    void everyPageSendsTheSecurityHeaders() {
        Site site = Site.signedIn(base);
        Browser.Page linked = site.browser().follow(site.consent(site.startLink(), StandIn.newUser(), "deny", List.of()));
        Map<String, Browser.Page> pages = Map.of(
                "login", site.browser().get(site.at("login")),
                "signup", site.browser().get(site.at("signup")),
                "account", site.account(),
                "callback outcome", linked,
                "not found", site.browser().get(site.at("nothing-here")),
                "api", site.browser().get(site.at("api/me/link")),
                "start redirect", site.startLink());
        pages.forEach((name, page) -> {
            assertThat(page.header("Content-Security-Policy")).as(name)
                    .contains("default-src 'none'", "frame-ancestors 'none'", "form-action 'self'")
                    .doesNotContain("unsafe-inline", "unsafe-eval");
            assertThat(page.header("X-Content-Type-Options")).as(name).isEqualTo("nosniff");
            assertThat(page.header("Referrer-Policy")).as(name).isEqualTo("no-referrer");
            assertThat(page.header("Cache-Control")).as(name).contains("no-store");
        });
        Browser.Page css = site.browser().get(site.at("static/app.css"));
        assertThat(css.status()).isEqualTo(200);
        assertThat(css.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void noHeaderNamesTheServerOnPagesFilesErrorsOrTheApi() {
        Site site = Site.signedIn(base);
        for (String path : List.of("login", "account", "static/app.css", "no-such-page", "api/me/link", "organizer")) {
            Browser.Page page = site.browser().get(site.at(path));
            assertThat(page.headers().firstValue("X-Powered-By")).as(path).isEmpty();
            assertThat(page.headers().firstValue("Server").orElse("")).as(path)
                    .doesNotContainIgnoringCase("payara").doesNotContainIgnoringCase("wildfly")
                    .doesNotContainIgnoringCase("undertow").doesNotContainIgnoringCase("glassfish");
        }
    }

    @Test
    void dynamicPagesAreNeverCachedWhateverTheUrlLooksLike() {
        Site site = Site.signedIn(base);
        for (String path : List.of("account", "account;jsessionid=x", "account;a=b", "%61ccount", "static/..;/account",
                "static;x=1/../account", "static/%2e%2e/account", "./account")) {
            Browser.Page page = site.browser().get(site.base() + path);
            if (page.status() == 200 && page.body().contains("id=\"link-state\"")) {
                assertThat(page.header("Cache-Control")).as(path).isEqualTo("no-store");
            }
            assertThat(page.status()).as(path).isLessThan(500);
        }
        assertThat(site.browser().get(site.at("static/app.css")).header("Cache-Control")).isNotEqualTo("no-store");
    }
}
