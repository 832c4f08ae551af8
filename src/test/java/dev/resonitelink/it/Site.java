package dev.resonitelink.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resonitelink.standin.ResoniteStandIn;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The application under test, seen from one person's browser. */
public final class Site {

    public static final String PASSWORD = "correct horse battery";

    private final URI base;
    private final Browser browser;
    private String username;

    private Site(URI base, Browser browser) {
        this.base = base;
        this.browser = browser;
    }

    /** The app at {@code base} as it is reached, e.g. through the TLS proxy, with a browser of the test's choosing. */
    public static Site at(URI base, Browser browser) {
        return new Site(base, browser);
    }

    /**
     * The app as a browser on this machine reaches it: always through localhost, the host of the configured redirect
     * URI, whatever address the container reports (the session cookie must come back on the callback).
     */
    public static Site anonymous(URL base) {
        String path = base.getPath().endsWith("/") ? base.getPath() : base.getPath() + "/";
        return new Site(URI.create("http://localhost:" + base.getPort() + path), new Browser());
    }

    /** A new local account, signed up and signed in. */
    public static Site signedIn(URL base) {
        Site site = anonymous(base);
        site.signUp("u" + UUID.randomUUID().toString().substring(0, 8));
        site.signIn();
        return site;
    }

    /**
     * A health probe ({@code /health/ready}, {@code /health/live}): on the application's port on Payara; on WildFly's
     * management interface ({@code it.health.base}), where WildFly serves the application's checks with its own.
     */
    public static Browser.Page health(URL base, String absolutePath) {
        String healthBase = System.getProperty("it.health.base");
        Site site = anonymous(base);
        return healthBase == null ? site.browser().get(site.base().resolve(absolutePath))
                : new Browser().get(URI.create(healthBase).resolve(absolutePath.substring(1)));
    }

    public Browser browser() {
        return browser;
    }

    public URI base() {
        return base;
    }

    public String username() {
        return username;
    }

    public URI at(String path) {
        return base.resolve(path);
    }

    public void signUp(String name) {
        Browser.Page form = browser.get(at("signup"));
        Map<String, String> fields = form.form("form[action$=/signup]");
        fields.put("username", name);
        fields.put("password", PASSWORD);
        Browser.Page created = browser.post(at("signup"), fields);
        assertThat(created.status()).as(created.headers() + "\n" + created.body()).isEqualTo(302);
        this.username = name;
    }

    /** Signs up unless the name is taken; returns whether the account was created now. */
    public boolean signUpIfFree(String name) {
        Map<String, String> fields = browser.get(at("signup")).form("form[action$=/signup]");
        fields.put("username", name);
        fields.put("password", PASSWORD);
        Browser.Page answer = browser.post(at("signup"), fields);
        this.username = name;
        return answer.status() == 302;
    }

    /** Uses an existing account (with the tests' password) for the next sign-in. */
    public void useAccount(String name) {
        this.username = name;
    }

    public void signIn() {
        Browser.Page form = browser.get(at("login"));
        Map<String, String> fields = form.form("form[action$=/login]");
        fields.put("username", username);
        fields.put("password", PASSWORD);
        Browser.Page signedIn = browser.post(at("login"), fields);
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(302);
        assertThat(signedIn.location()).endsWith("/account");
    }

    public Browser.Page account() {
        return browser.get(at("account"));
    }

    /** Presses "Link Resonite account" (or "Re-link"): the answer must send the browser to Resonite. */
    public Browser.Page startLink() {
        Browser.Page account = account();
        Browser.Page redirect = browser.post(at("oauth/start"), account.form("form[action$=/oauth/start]"));
        assertThat(redirect.status()).as(redirect.body()).isEqualTo(302);
        return redirect;
    }

    /** On Resonite's (the stand-in's) page: signs in as the user and presses Allow or Deny with these optional scopes. */
    public Browser.Page consent(Browser.Page toResonite, ResoniteStandIn.User user, String decision, List<String> optionalScopes) {
        Browser.Page consentPage = browser.follow(toResonite);
        assertThat(consentPage.status()).as(consentPage.body()).isEqualTo(200);
        Map<String, String> single = consentPage.form("form");
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put("txn", List.of(single.get("txn")));
        fields.put("login", List.of(user.login()));
        fields.put("password", List.of(user.password()));
        fields.put("decision", List.of(decision));
        List<String> scopes = new java.util.ArrayList<>(consentPage.document().select("input[type=hidden][name=scope]")
                .eachAttr("value"));
        scopes.addAll(optionalScopes);
        fields.put("scope", scopes);
        Browser.Page back = browser.postMulti(consentPage.formAction("form"), fields);
        assertThat(back.status()).as(back.body()).isEqualTo(302);
        assertThat(back.location()).startsWith(at("oauth/callback").toString());
        return back;
    }

    /** The whole flow with every optional scope allowed; returns the callback's answer. */
    public Browser.Page link(ResoniteStandIn.User user) {
        return browser.follow(consent(startLink(), user, "allow", List.of("email", "patreon")));
    }

    /** {@code GET /api/me/link}: the stored link as JSON, or null when the API answers 404. */
    /** "Unlink" on the confirmation page: the answer must be the account page saying so. */
    public void unlink() {
        Browser.Page confirm = browser.get(at("link/unlink"));
        Browser.Page done = browser.post(at("link/unlink"), confirm.form("form[action$=/link/unlink]"));
        assertThat(done.location()).endsWith("/account?unlinked");
    }

    public JsonObject storedLink() {
        Browser.Page page = browser.get(at("api/me/link"));
        if (page.status() == 404) {
            return null;
        }
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        return Json.createReader(new StringReader(page.body())).readObject();
    }
}
