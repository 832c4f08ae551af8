package dev.resonitelink.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The deployed server (Payara Micro, or WildFly under {@code -Pwildfly}) behind Debian's nginx with the shipped
 * {@code server-config/nginx/resonite-link.conf} and TLS from a throwaway CA: the server takes the scheme from the
 * proxy's forwarded headers (server-config/payara pre-boot commands, server-config/wildfly/configure.cli), so every
 * redirect stays on https, and the proxy's own rules hold (http only redirects, HSTS, rate limits).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BehindProxyIT extends DeployedApp {

    private static TestCertificates certificates;
    private static Nginx nginx;

    @BeforeEach
    void startProxy() throws Exception {
        if (nginx == null) {
            Nginx.requireInstalled();
            certificates = TestCertificates.create();
            nginx = Nginx.start(Integer.getInteger("it.proxy.https.port"), Integer.getInteger("it.proxy.http.port"),
                    certificates, List.of(Integer.getInteger("it.http.port")));
        }
    }

    @AfterAll
    static void stopProxy() throws Exception {
        if (nginx != null) {
            nginx.close();
            nginx = null;
        }
    }

    private Browser browser() {
        return new Browser(certificates.clientContext());
    }

    @Test
    void redirectsThroughTheProxyStayOnHttps() {
        Browser.Page account = browser().get(nginx.https().resolve("account"));
        assertThat(account.status()).isEqualTo(302);
        assertThat(account.location()).isEqualTo(nginx.https() + "login");
        assertThat(account.header("Strict-Transport-Security")).isEqualTo("max-age=63072000");

        Site site = Site.at(nginx.https(), browser());
        site.signUp("px" + UUID.randomUUID().toString().substring(0, 8));
        site.signIn(); // asserts the redirect to the account page
        Browser.Page signedOut = site.browser().post(site.at("logout"), site.account().form("form[action$=/logout]"));
        assertThat(signedOut.location()).startsWith(nginx.https().toString());
    }

    @Test
    void withoutTheProxyTheSchemeIsThePlainOneTheNodeSees() {
        Browser.Page direct = new Browser().get(Site.anonymous(base).at("account"));
        assertThat(direct.location()).as("the scheme comes from the proxy's header, not from configuration: " + direct)
                .startsWith("http://localhost:");
    }

    @Test
    void plainHttpOnlyRedirectsToHttps() {
        Browser.Page page = new Browser().get(nginx.http().resolve("account?x=1"));
        assertThat(page.status()).isEqualTo(301);
        assertThat(page.location()).isEqualTo(nginx.https() + "account?x=1");
    }

    /**
     * Security round 3, item 5: the limits were exact-match locations, and a servlet container drops ";..." from a
     * path segment, so /login;x reached the sign-in servlet without a limit (and the callback without its no-retry
     * rule). Any ";" in a path, written or percent-encoded, is refused at the edge.
     */
    @Test
    void pathParametersCannotDodgeTheLimitedLocations() {
        Browser browser = browser();
        for (String path : List.of("login;x", "signup;x", "oauth/start;x", "oauth/callback;x", "sso/start;x",
                "sso/callback;jsessionid=1", "oauth;x/callback", "login%3Bx", "account;x")) {
            Browser.Page page = browser.get(nginx.https().resolve(path));
            assertThat(page.status()).as(path).isEqualTo(400);
        }
        Browser.Page post = browser.post(nginx.https().resolve("login;x"), java.util.Map.of("username", "a", "password", "b"));
        assertThat(post.status()).isEqualTo(400);
        assertThat(browser.get(nginx.https().resolve("login")).status()).as("the plain path still serves").isEqualTo(200);
    }

    @Test
    void singleSignOnStartsAreLimitedLikeLinkStarts() {
        Browser browser = browser();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            statuses.add(browser.get(nginx.https().resolve("sso/start")).status());
        }
        assertThat(statuses).as("a burst of single sign-on starts").contains(429).doesNotContain(500, 502, 503, 504);
    }

    /** The admission check of worlds has a rate of its own at the edge (high: a session host calls it per join). */
    @Test
    void admissionChecksMeetTheirOwnRateAtTheEdge() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Future<List<Integer>>> answers = new ArrayList<>();
        try {
            for (int t = 0; t < 8; t++) {
                Browser browser = browser();
                answers.add(pool.submit(() -> {
                    List<Integer> statuses = new ArrayList<>();
                    for (int i = 0; i < 150; i++) {
                        statuses.add(browser.get(nginx.https().resolve("api/events/aaaaaaaaaaaaaaaa/admission/U-someone"))
                                .status());
                    }
                    return statuses;
                }));
            }
            List<Integer> all = new ArrayList<>();
            for (java.util.concurrent.Future<List<Integer>> answer : answers) {
                all.addAll(answer.get());
            }
            assertThat(all).as("1,200 checks at once, far over the burst of 200").contains(404, 429).containsOnly(404, 429);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @Order(Integer.MAX_VALUE - 1) // late: it uses up the sign-in allowance of this client address
    void aSignInBurstIsAnswered429WithAPlainPageAndTheNodeStillServes() {
        Browser browser = browser();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            statuses.add(browser.get(nginx.https().resolve("login")).status());
        }
        assertThat(statuses.subList(0, 5)).as("a person's first tries pass").containsOnly(200);
        assertThat(statuses).contains(429).doesNotContain(500, 502, 503, 504);
        Browser.Page limited = browser.get(nginx.https().resolve("login"));
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isEqualTo("60");
        assertThat(limited.document().select("[data-outcome=rate-limited] h1").text()).isEqualTo("Too many requests");
        assertThat(browser.get(nginx.https().resolve("account")).status()).as("other pages are not limited").isEqualTo(302);
    }

    /** Security round 3, item 3: every page counts against a base rate per client, so no client floods the nodes. */
    @Test
    @Order(Integer.MAX_VALUE) // last: it uses up this client address's base allowance for some seconds
    void aFloodOfOrdinaryRequestsMeetsTheSiteWideBaseRate() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Future<Integer>> answers = new ArrayList<>();
        try {
            for (int t = 0; t < 8; t++) {
                Browser browser = browser();
                answers.add(pool.submit(() -> {
                    int limited = 0;
                    for (int i = 0; i < 100; i++) {
                        int status = browser.get(nginx.https().resolve("account")).status();
                        assertThat(status).isIn(302, 429);
                        limited += status == 429 ? 1 : 0;
                    }
                    return limited;
                }));
            }
            int limited = 0;
            for (java.util.concurrent.Future<Integer> answer : answers) {
                limited += answer.get();
            }
            assertThat(limited).as("800 requests at once, far over the burst of 300").isPositive();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anOversizedBodyIsRefusedAtTheProxy() {
        Browser.Page page = browser().post(nginx.https().resolve("signup"),
                java.util.Map.of("username", "x".repeat(100_000), "password", "y"));
        assertThat(page.status()).isEqualTo(413);
    }
}
