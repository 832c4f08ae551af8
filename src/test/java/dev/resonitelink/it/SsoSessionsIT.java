package dev.resonitelink.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Single sign-on sessions and the site's old local accounts (security round 3, items 7 and 8), against the real test
 * provider, with {@code resonite-link.sso.max-session-seconds} set to a few seconds. The local account is written
 * straight into PostgreSQL (a deployment in SSO mode has no sign-up), so this class runs in the PostgreSQL executions.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Tag("postgres")
@Tag("postgres-only")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SsoSessionsIT {

    static final int MAX_SESSION_SECONDS = 4;

    @Deployment(testable = false)
    static WebArchive app() {
        return OwnDeployment.withSettings(SiteIdp.signInSettings(
                Map.of("resonite-link.sso.max-session-seconds", String.valueOf(MAX_SESSION_SECONDS))));
    }

    private URI base;

    @BeforeEach
    void reset() {
        StandIn.get().reset();
        SiteIdp.get().fault("none");
        base = OwnDeployment.url();
    }

    private String sessionId(Browser browser) {
        return browser.cookies().getCookieStore().get(base).stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
    }

    /** Follows redirects to the end, returning every page on the way. */
    private static List<Browser.Page> followAll(Browser browser, Browser.Page first) {
        List<Browser.Page> pages = new ArrayList<>(List.of(first));
        Browser.Page page = first;
        while (page.status() == 302 && pages.size() < 12) {
            page = browser.follow(page);
            pages.add(page);
        }
        return pages;
    }

    /**
     * Security round 3, item 6, on the site's provider: a discovery document announcing its token endpoint on another
     * origin would have had the client secret posted there. The first read of this deployment sees such a document.
     */
    @Test
    @Order(1)
    void aProviderDocumentAnnouncingAnEndpointOnAnotherOriginIsRefused() throws Exception {
        SiteIdp.get().fault("foreign-endpoints");
        Browser.Page start = new Browser().get(base.resolve("sso/start"));
        assertThat(start.status()).as(start.body()).isEqualTo(424);
        assertThat(start.document().select("[data-outcome=provider_unavailable]")).hasSize(1);
        assertThat(ServerLog.read()).contains("announces token_endpoint http://127.0.0.1:" + SiteIdp.port());
        SiteIdp.get().fault("none");
        org.awaitility.Awaitility.await("the document to be read again").atMost(java.time.Duration.ofSeconds(30))
                .pollInterval(java.time.Duration.ofSeconds(2))
                .until(() -> new Browser().get(base.resolve("sso/start")).status() == 302);
    }

    @Test
    @Order(2)
    void anSsoSessionEndsAtItsMaximumAgeAndTheNextPageSignsInAtTheProviderAgain() throws Exception {
        Browser organizer = SiteIdp.signIn(base, SiteIdp.ORGANIZER);
        assertThat(organizer.get(base.resolve("organizer")).status()).isEqualTo(200);
        String before = sessionId(organizer);

        Thread.sleep(MAX_SESSION_SECONDS * 1000L + 500); // a session kept busy all along ends just the same
        Browser.Page expired = organizer.get(base.resolve("organizer"));
        assertThat(expired.status()).as("no organizer page from an expired sign-in").isEqualTo(302);
        assertThat(expired.location()).endsWith("/resonite-link/organizer");

        List<Browser.Page> again = followAll(organizer, expired);
        assertThat(again).extracting(page -> page.uri().toString())
                .as("through the sign-in page and the provider, whose answer is read again")
                .anySatisfy(uri -> assertThat(uri).startsWith(SiteIdp.get().issuer() + "/oauth2/authorize"))
                .anySatisfy(uri -> assertThat(uri).contains("/resonite-link/sso/callback"));
        Browser.Page last = again.get(again.size() - 1);
        assertThat(last.status()).as(last.body()).isEqualTo(200);
        assertThat(sessionId(organizer)).as("a new session").isNotEqualTo(before);
        assertThat(organizer.get(base.resolve("organizer")).status()).as("the groups read again").isEqualTo(200);
    }

    @Test
    void aPostWithAnExpiredSignInChangesNothingAndGoesToTheSignInPage() throws Exception {
        Browser attendee = SiteIdp.signIn(base, SiteIdp.ATTENDEE);
        Map<String, String> signOut = attendee.get(base.resolve("account")).form("form[action$=/logout]");
        Thread.sleep(MAX_SESSION_SECONDS * 1000L + 500);
        Map<String, String> unlink = new java.util.HashMap<>(signOut);
        Browser.Page posted = attendee.post(base.resolve("link/unlink"), unlink);
        assertThat(posted.status()).isEqualTo(302);
        assertThat(posted.location()).endsWith("/resonite-link/login");
    }

    /** Single sign-on's callback and start on a deployment that uses them: no input gives a 5xx or shows internals. */
    @Test
    void theSingleSignOnEndpointsGiveNoServerErrorFromAnyInput() {
        Browser browser = new Browser();
        browser.get(base.resolve("sso/start")); // a pending sign-in in the session, so the callback checks its state
        List<String> problems = new ArrayList<>();
        for (String parameter : EndpointFuzzIT.SSO_CALLBACK_PARAMETERS) {
            for (String value : EndpointFuzzIT.VALUES) {
                for (String path : List.of("sso/callback", "sso/start")) {
                    URI uri = base.resolve(path + "?" + java.net.URLEncoder.encode(parameter, java.nio.charset.StandardCharsets.UTF_8)
                            + "=" + java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
                    Browser.Page page = browser.get(uri);
                    if (page.status() >= 500 || page.body().contains("Exception") || page.body().contains("\tat ")) {
                        problems.add(path + " " + parameter + "=" + value.substring(0, Math.min(40, value.length()))
                                + " -> " + page.status());
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void aProviderPrincipalNamingALocalAccountIsRefusedAndTheAccountKeepsItsPassword() throws Exception {
        String name = SiteIdp.NAMESAKE.name();
        Postgres.update("insert into app_user (username, password_hash, origin, created_at) values ('" + name
                + "', 'pbkdf2-test-hash', 'local', now())");
        Postgres.update("insert into app_user_group (username, group_name) values ('" + name + "', 'user')");

        Browser browser = new Browser();
        Browser.Page start = browser.get(base.resolve("sso/start"));
        Browser.Page callback = browser.follow(SiteIdp.signInAtProvider(browser, start, SiteIdp.NAMESAKE));
        assertThat(callback.status()).as(callback.body()).isEqualTo(409);
        assertThat(callback.document().select("[data-outcome=local-account-exists]")).hasSize(1);
        Browser.Page account = browser.get(base.resolve("account"));
        assertThat(account.status()).as("not signed in: " + account.body()).isEqualTo(302);
        assertThat(Postgres.query("select origin, password_hash from app_user where username = '" + name + "'"))
                .containsExactly(List.of("local", "pbkdf2-test-hash"));
    }

    /**
     * Issue 27 with single sign-on: a sign-in at the provider of the last minutes confirms the deletion (there is no
     * password to type); the local row goes, and the next sign-in at the provider starts a fresh, empty account.
     */
    @Test
    void anSsoUserDeletesTheirAccountWithARecentSignInAndTheNextSignInStartsFresh() throws Exception {
        String name = SiteIdp.LEAVER.name();
        Browser leaver = SiteIdp.signIn(base, SiteIdp.LEAVER);
        String madeAt = Postgres.query("select created_at from app_user where username = '" + name + "'").get(0).get(0);
        Browser.Page confirm = leaver.get(base.resolve("account/delete"));
        assertThat(confirm.status()).as(confirm.body()).isEqualTo(200);
        assertThat(confirm.document().select("#password")).as("no password with single sign-on").isEmpty();
        Browser.Page deleted = leaver.post(base.resolve("account/delete"), confirm.form("form#delete-account-form"));
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(302);
        assertThat(deleted.location()).endsWith("/login?deleted");
        Browser.Page signInPage = leaver.follow(deleted);
        assertThat(signInPage.status()).as("not sent to the provider again unasked").isEqualTo(200);
        assertThat(signInPage.document().select("#account-deleted")).isNotEmpty();
        assertThat(Postgres.query("select count(*) from app_user where username = '" + name + "'"))
                .containsExactly(List.of("0"));

        Thread.sleep(10); // the fresh row's creation time differs from the deleted one's
        Browser again = SiteIdp.signIn(base, SiteIdp.LEAVER);
        assertThat(Postgres.query("select created_at from app_user where username = '" + name + "'").get(0).get(0))
                .isNotEqualTo(madeAt);
        Browser.Page export = again.get(base.resolve("api/me/export"));
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.body()).contains("\"link\":null").contains("\"registrations\":[]");
    }
}
