package dev.resonitelink.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resonitelink.standin.ResoniteStandIn;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code resonite-link.sign-in=oidc} against a real, independent OpenID Connect provider: Spring Authorization Server
 * ({@link SiteIdp}), its own login page, its own keys and tokens. The same WAR, switched by configuration only (a
 * config file of a higher ordinal beside the server's settings, as an operator could ship one; the client secret
 * from the environment like every secret). Runs on Payara and on WildFly.
 */
class SingleSignOnIT extends OwnDeployment {

    @Deployment(testable = false)
    static WebArchive app() {
        return withSettings(SiteIdp.signInSettings());
    }

    @BeforeEach
    void reset() {
        SiteIdp.get().fault("none");
    }

    @AfterEach
    void noFaultLeft() {
        SiteIdp.get().fault("none");
    }

    private URI at(String path) throws Exception {
        return base.toURI().resolve(path);
    }

    private Browser signIn(TestIdp.Person person) throws Exception {
        return SiteIdp.signIn(base.toURI(), person);
    }

    /** Starts a sign-in and brings the provider's answer (to the callback) back, without following it. */
    private Browser.Page toCallback(Browser browser, TestIdp.Person person) throws Exception {
        return SiteIdp.signInAtProvider(browser, browser.get(at("sso/start")), person);
    }

    /** Events in single sign-on mode: an organizer of the provider's group makes one, an SSO attendee is admitted. */
    @Test
    void anSsoOrganizerMakesAnEventAndAnSsoAttendeeRegistersAndIsAdmitted() throws Exception {
        Site organizer = Site.at(base.toURI(), signIn(SiteIdp.ORGANIZER));
        String event = EventsIT.createEvent(organizer, "SSO workshop", 5, false);
        String key = EventsIT.publishWithKey(organizer, event);

        Site attendee = Site.at(base.toURI(), signIn(SiteIdp.ATTENDEE));
        ResoniteStandIn.User resonite = StandIn.newUser();
        assertThat(attendee.link(resonite).status()).isEqualTo(302);
        Browser.Page registered = EventsIT.register(attendee, event, "register");
        assertThat(registered.document().select("#registration-outcome").attr("data-outcome")).as(registered.body())
                .isEqualTo("REGISTERED");
        Browser.Page admission = new Browser().get(base + "api/events/" + event + "/admission/" + resonite.id() + "?key=" + key);
        assertThat(admission.body()).isEqualTo("admit");
        Browser.Page roster = organizer.browser().get(organizer.at("organizer/events/" + event));
        assertThat(roster.text("#roster-list")).contains(SiteIdp.ATTENDEE.name(), resonite.id());
    }

    @Test
    void anSsoUserLinksResoniteAndTheOrganizerSeesThemInTheListTheCsvAndTheApi() throws Exception {
        Browser attendee = signIn(SiteIdp.ATTENDEE);
        Browser.Page account = attendee.get(at("account"));
        assertThat(account.text(".who")).as("named by the name claim, not by the provider's id")
                .contains("Arthur Attendee").doesNotContain(SiteIdp.ATTENDEE.name());
        ResoniteStandIn.User resonite = StandIn.newUser();
        Site site = Site.at(base.toURI(), attendee);
        Browser.Page linked = site.link(resonite);
        assertThat(linked.status()).as(linked.body()).isEqualTo(302);
        assertThat(site.storedLink().getString("resoniteId")).isEqualTo(resonite.id());

        Browser organizer = signIn(SiteIdp.ORGANIZER);
        Browser.Page list = organizer.get(at("organizer?q=" + SiteIdp.ATTENDEE.name()));
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(list.text("#registrants tbody")).contains(SiteIdp.ATTENDEE.name(), "Arthur Attendee",
                SiteIdp.ATTENDEE.email(), resonite.id());
        assertThat(list.document().select("#grant-organizer")).as("organizer rights are the provider's").isEmpty();
        assertThat(list.text("#roles-from-provider")).isNotNull();

        Browser.Page csv = organizer.get(at("organizer/registrants.csv?q=" + SiteIdp.ATTENDEE.name()));
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body().lines().skip(1).filter(l -> l.startsWith(SiteIdp.ATTENDEE.name() + ",")).findFirst())
                .hasValueSatisfying(row -> assertThat(row).contains(resonite.id(), ",sso,Arthur Attendee,",
                        SiteIdp.ATTENDEE.email()));

        Browser.Page api = organizer.get(at("api/registrants?q=" + SiteIdp.ATTENDEE.name()));
        assertThat(api.status()).as(api.body()).isEqualTo(200);
        JsonObject item = Json.createReader(new StringReader(api.body())).readObject().getJsonArray("items")
                .getJsonObject(0);
        assertThat(item.getString("localUser")).isEqualTo(SiteIdp.ATTENDEE.name());
        assertThat(item.getString("displayName")).isEqualTo("Arthur Attendee");
        assertThat(item.getString("email")).isEqualTo(SiteIdp.ATTENDEE.email());
        assertThat(item.getString("resoniteId")).isEqualTo(resonite.id());
    }

    @Test
    void aRealBrowserSignsInAtTheProvidersLoginPageAndLinks() throws Exception {
        org.openqa.selenium.WebDriver driver = Chromium.start(java.nio.file.Files.createTempDirectory("sso-downloads"),
                false);
        try {
            driver.get(at("account").toString());
            assertThat(driver.getCurrentUrl()).as("Spring Authorization Server's own login page")
                    .startsWith(SiteIdp.get().issuer() + "/login");
            driver.findElement(org.openqa.selenium.By.name("username")).sendKeys(SiteIdp.BROWSER_USER.name());
            driver.findElement(org.openqa.selenium.By.name("password")).sendKeys(SiteIdp.BROWSER_USER.password());
            Chromium.clickThrough(driver, driver.findElement(org.openqa.selenium.By.cssSelector("button[type=submit]")));
            String account = at("account").toString();
            new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(20))
                    .until(d -> d.getCurrentUrl().equals(account));
            assertThat(driver.findElement(org.openqa.selenium.By.cssSelector(".who")).getText())
                    .contains(SiteIdp.BROWSER_USER.displayName());
            Chromium.clickThrough(driver, driver.findElement(org.openqa.selenium.By.id("link-button")));
            String resonite = StandIn.get().baseUri().toString();
            // the click returns once the POST is sent, not once its redirect has landed: wait for the landing
            new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(20))
                    .until(d -> d.getCurrentUrl().startsWith(resonite));
            assertThat(driver.getCurrentUrl()).as("on to Resonite's announced authorization endpoint")
                    .startsWith(resonite + "oidc/authorize");
        } finally {
            driver.quit();
        }
    }

    @Test
    void organizersAreTheMembersOfTheProvidersGroupAndNobodyElse() throws Exception {
        assertThat(signIn(SiteIdp.ORGANIZER).get(at("organizer")).status()).isEqualTo(200);
        Browser attendee = signIn(SiteIdp.ATTENDEE);
        assertThat(attendee.get(at("organizer")).status()).isEqualTo(403);
        Browser.Page claim = attendee.get(at("organizer-claim"));
        Browser.Page claimed = attendee.post(at("organizer-claim"), Map.of("csrf", claim.form("form").get("csrf"),
                "code", Organizers.BOOTSTRAP_CODE));
        assertThat(claimed.status()).as("no bootstrap code makes an organizer with single sign-on").isEqualTo(409);
        assertThat(attendee.get(at("organizer")).status()).isEqualTo(403);
    }

    @Test
    void thereIsNoSignUpAndNoLocalPassword() throws Exception {
        Browser browser = new Browser();
        assertThat(browser.get(at("signup")).status()).isEqualTo(404);
        Browser.Page choose = browser.get(at("login?choose"));
        assertThat(choose.status()).isEqualTo(200);
        assertThat(choose.document().select("input[type=password]")).isEmpty();
        assertThat(choose.document().selectFirst("#sso-sign-in").attr("href")).endsWith("/sso/start");
        Browser.Page posted = browser.post(at("login"), Map.of("username", SiteIdp.ATTENDEE.name(),
                "password", SiteIdp.ATTENDEE.password()));
        assertThat(posted.status()).isEqualTo(400);
        assertThat(posted.document().selectFirst("#sign-in-error").attr("data-outcome")).isEqualTo("no-local-passwords");
        assertThat(browser.get(at("account")).status()).as("still not signed in").isEqualTo(302);
    }

    @Test
    void theSessionIdChangesAtSignIn() throws Exception {
        Browser browser = new Browser();
        Browser.Page callback = toCallback(browser, SiteIdp.ATTENDEE);
        String before = sessionCookie(browser);
        assertThat(before).isNotNull();
        assertThat(browser.follow(callback).status()).isEqualTo(302);
        assertThat(sessionCookie(browser)).isNotNull().isNotEqualTo(before);
    }

    @Test
    void signOutEndsTheLocalSessionAndThenTheProviders() throws Exception {
        Browser browser = signIn(SiteIdp.ATTENDEE);
        Browser.Page account = browser.get(at("account"));
        Browser.Page out = browser.post(at("logout"), account.form("form[action$=/logout]"));
        assertThat(out.status()).isEqualTo(302);
        URI endSession = out.locationUri();
        assertThat(endSession.toString()).startsWith(SiteIdp.get().issuer() + "/connect/logout?");
        Map<String, String> query = query(endSession);
        assertThat(query).containsKey("id_token_hint")
                .containsEntry("post_logout_redirect_uri", at("login?signedOut").toString());
        assertThat(browser.get(at("account")).status()).as("the local session is gone at once").isEqualTo(302);

        Browser.Page back = browser.follow(browser.get(endSession));
        assertThat(back.uri().toString()).isEqualTo(at("login?signedOut").toString());
        assertThat(back.status()).as("signed out, not signed in again unasked").isEqualTo(200);
        assertThat(back.document().selectFirst("#sso-sign-in")).isNotNull();
        Browser.Page again = browser.get(at("sso/start"));
        Browser.Page authorize = browser.follow(again);
        assertThat(authorize.location()).as("the provider's session ended too: it asks for the password again")
                .endsWith("/login");
    }

    @Test
    void anErrorAnswerOfTheProviderEndsOnAClearPage() throws Exception {
        SiteIdp.get().fault("error");
        Browser browser = new Browser();
        Browser.Page answer = browser.follow(browser.get(at("sso/start")));
        assertThat(answer.location()).startsWith(at("sso/callback").toString()).contains("error=");
        assertRefused(browser, browser.follow(answer), 424, "provider_error");
    }

    @Test
    void anExpiredIdTokenIsRefused() throws Exception {
        refusedWith("expired");
    }

    @Test
    void anIdTokenChangedAfterSigningIsRefused() throws Exception {
        refusedWith("tampered");
    }

    @Test
    void anIdTokenOfAnotherIssuerIsRefused() throws Exception {
        refusedWith("wrong-issuer");
    }

    @Test
    void anIdTokenForAnotherClientIsRefused() throws Exception {
        refusedWith("wrong-audience");
    }

    private void refusedWith(String fault) throws Exception {
        SiteIdp.get().fault(fault);
        Browser browser = new Browser();
        assertRefused(browser, browser.follow(toCallback(browser, SiteIdp.MALLORY)), 424, "id_token_invalid");
        SiteIdp.get().fault("none");
        Browser organizer = signIn(SiteIdp.ORGANIZER);
        assertThat(organizer.get(at("organizer?q=" + SiteIdp.MALLORY.name())).text("#total"))
                .as("a refused sign-in stores no site user").isEqualTo("0");
    }

    @Test
    void aReplayedCallbackIsRefusedInTheSameBrowserAndInAnother() throws Exception {
        Browser browser = new Browser();
        Browser.Page callback = toCallback(browser, SiteIdp.ATTENDEE);
        assertThat(browser.follow(callback).status()).isEqualTo(302);
        Browser.Page again = browser.follow(callback);
        assertThat(again.status()).as("signed in already: the account page, not a second sign-in").isEqualTo(302);

        Browser other = new Browser();
        assertRefused(other, other.follow(callback), 400, "state_unknown");
        Browser fresh = new Browser();
        fresh.get(at("sso/start")); // a session with a pending request of its own
        assertRefused(fresh, fresh.follow(callback), 400, "state_unknown");
    }

    private void assertRefused(Browser browser, Browser.Page page, int status, String outcome) throws Exception {
        assertThat(page.status()).as(page.body()).isEqualTo(status);
        assertThat(page.document().selectFirst("#sign-in-error").attr("data-outcome")).isEqualTo(outcome);
        assertThat(page.text("#sign-in-error")).contains("Error id");
        assertThat(page.body()).doesNotContain("Exception", "at dev.resonitelink");
        assertThat(browser.get(at("account")).status()).as("not signed in").isEqualTo(302);
    }

    private static String sessionCookie(Browser browser) {
        return browser.cookies().getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("JSESSIONID")).map(java.net.HttpCookie::getValue).findFirst()
                .orElse(null);
    }

    private static Map<String, String> query(URI uri) {
        return java.util.Arrays.stream(uri.getRawQuery().split("&")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
    }
}
