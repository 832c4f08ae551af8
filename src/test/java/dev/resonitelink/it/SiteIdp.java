package dev.resonitelink.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The one test identity provider of a test JVM (Spring Authorization Server, {@link TestIdp}) on the port the build
 * reserved, with this run's people: an organizer (in {@link #ORGANIZER_GROUP}), an attendee, a person the fault tests
 * use, and a Resonite user ({@code U-…}) for the configuration where it plays Resonite.
 */
public final class SiteIdp {

    public static final String ORGANIZER_GROUP = "event-organizers";
    public static final String SITE_CLIENT_ID = "resonite-link-site";
    public static final TestIdp.Person ORGANIZER = TestIdp.person("sso-organizer", List.of("staff", ORGANIZER_GROUP),
            "Olivia Organizer");
    public static final TestIdp.Person ATTENDEE = TestIdp.person("sso-attendee", List.of("staff"), "Arthur Attendee");
    public static final TestIdp.Person MALLORY = TestIdp.person("sso-faults", List.of(ORGANIZER_GROUP), "Fault Finder");
    public static final TestIdp.Person BROWSER_USER = TestIdp.person("sso-browser", List.of(), "Bea Browser");
    public static final TestIdp.Person RESONITE_USER = TestIdp.person("U-sas", List.of(), "SasResoniteUser");
    /** A person whose principal is also the name of a local account (SsoSessionsIT makes that account). */
    public static final TestIdp.Person NAMESAKE = TestIdp.person("sso-namesake", List.of(ORGANIZER_GROUP), "Nora Namesake");

    /** A person who deletes their account (SsoSessionsIT). */
    public static final TestIdp.Person LEAVER = TestIdp.person("sso-leaver", List.of(), "Lee Leaver");

    private static TestIdp instance;

    public static synchronized TestIdp get() {
        if (instance == null) {
            String app = OwnDeployment.url().toString(); // only deployments of their own sign in through it
            instance = TestIdp.start(port(), new TestIdp.Registration(SITE_CLIENT_ID, System.getProperty("it.sso-secret"),
                            URI.create(app + "sso/callback"), URI.create(app + "login?signedOut"), "resonite-on-spring",
                            System.getProperty("it.client-secret"), URI.create(app + "oauth/callback")),
                    List.of(ORGANIZER, ATTENDEE, MALLORY, BROWSER_USER, RESONITE_USER, NAMESAKE, LEAVER), Path.of("target", "test-idp.log"));
            Runtime.getRuntime().addShutdownHook(new Thread(instance::close));
        }
        return instance;
    }

    static int port() {
        return Integer.getInteger("it.idp.port");
    }

    /** The settings that switch a deployment to single sign-on through this provider. */
    static Map<String, String> signInSettings() {
        String app = OwnDeployment.url().toString();
        return Map.of("resonite-link.sign-in", "oidc",
                "resonite-link.sso.issuer", "http://localhost:" + port(),
                "resonite-link.sso.client-id", SITE_CLIENT_ID,
                "resonite-link.sso.redirect-uri", app + "sso/callback",
                "resonite-link.sso.organizer-group", ORGANIZER_GROUP,
                "resonite-link.sso.provider-name", "Spring Authorization Server");
    }

    /** The same settings and more (a map of the test's own beside the provider's). */
    static Map<String, String> signInSettings(Map<String, String> more) {
        Map<String, String> all = new java.util.HashMap<>(signInSettings());
        all.putAll(more);
        return all;
    }

    /**
     * A protected page, the sign-in page, the provider's login page, and back to the page first asked for: a browser
     * signed in as the person.
     */
    static Browser signIn(URI base, TestIdp.Person person) {
        Browser browser = new Browser();
        Browser.Page account = browser.get(base.resolve("account"));
        assertThat(account.status()).isEqualTo(302);
        Browser.Page login = browser.follow(account);
        assertThat(login.status()).as("the sign-in page goes straight on to the provider").isEqualTo(302);
        Browser.Page start = browser.follow(login);
        assertThat(start.status()).isEqualTo(302);
        assertThat(start.location()).startsWith(get().issuer() + "/oauth2/authorize?");
        Browser.Page callback = browser.follow(signInAtProvider(browser, start, person));
        assertThat(callback.status()).as(callback.body()).isEqualTo(302);
        assertThat(callback.location()).as("back to the page that asked for a sign-in").endsWith("/account");
        Browser.Page signedIn = browser.follow(callback);
        assertThat(signedIn.status()).isEqualTo(200);
        assertThat(signedIn.text(".who")).as("named by the provider's name claim").contains(person.displayName());
        return browser;
    }

    /**
     * Signs the person in at the provider's own login page (Spring Security's form) from its redirect, and returns
     * the provider's answer: the redirect back to the app's callback.
     */
    static Browser.Page signInAtProvider(Browser browser, Browser.Page toProvider, TestIdp.Person person) {
        Browser.Page authorize = browser.follow(toProvider);
        assertThat(authorize.status()).as(authorize.body()).isEqualTo(302);
        Browser.Page login = browser.follow(authorize);
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        Map<String, String> form = login.form("form");
        form.put("username", person.name());
        form.put("password", person.password());
        Browser.Page afterLogin = browser.post(login.formAction("form"), form);
        assertThat(afterLogin.status()).as(afterLogin.body()).isEqualTo(302);
        Browser.Page back = browser.follow(afterLogin);
        assertThat(back.status()).as(back.body()).isEqualTo(302);
        return back;
    }

    private SiteIdp() {
    }
}
