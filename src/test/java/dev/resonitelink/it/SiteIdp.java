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

    private static TestIdp instance;

    public static synchronized TestIdp get() {
        if (instance == null) {
            String app = "http://localhost:" + Integer.getInteger("it.http.port") + "/resonite-link/";
            instance = TestIdp.start(port(), new TestIdp.Registration(SITE_CLIENT_ID, System.getProperty("it.sso-secret"),
                            URI.create(app + "sso/callback"), URI.create(app + "login?signedOut"), "resonite-on-spring",
                            System.getProperty("it.client-secret"), URI.create(app + "oauth/callback")),
                    List.of(ORGANIZER, ATTENDEE, MALLORY, BROWSER_USER, RESONITE_USER), Path.of("target", "test-idp.log"));
            Runtime.getRuntime().addShutdownHook(new Thread(instance::close));
        }
        return instance;
    }

    static int port() {
        return Integer.getInteger("it.idp.port");
    }

    /** The settings that switch a deployment to single sign-on through this provider. */
    static Map<String, String> signInSettings() {
        String app = "http://localhost:" + Integer.getInteger("it.http.port") + "/resonite-link/";
        return Map.of("resonite-link.sign-in", "oidc",
                "resonite-link.sso.issuer", "http://localhost:" + port(),
                "resonite-link.sso.client-id", SITE_CLIENT_ID,
                "resonite-link.sso.redirect-uri", app + "sso/callback",
                "resonite-link.sso.organizer-group", ORGANIZER_GROUP,
                "resonite-link.sso.provider-name", "Spring Authorization Server");
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
