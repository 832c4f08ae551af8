package dev.resonitelink.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resonitelink.standin.ResoniteStandIn;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Tag;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The WAR the way a site runs it: TLS ends at Debian's nginx configured from the shipped
 * {@code server-config/nginx/resonite-link.conf}, two Payara Micro nodes behind it clustered by Hazelcast on loopback
 * and sharing PostgreSQL, and Resonite (the stand-in) served over https with a certificate from a CA the nodes trust
 * only through a trust store given to their JVM. nginx spreads new browsers over both nodes and keeps each browser
 * to the node that first answered it (its affinity cookie), moving it only when that node stops. What the browser
 * got is read from nginx's access log (status, node, Location, Set-Cookie and Strict-Transport-Security of every
 * response).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag("postgres")
@Tag("postgres-only")
@Tag("own-payara")
@Slow
class ProductionShapeIT {

    private static TestCertificates certificates;
    private static ResoniteStandIn resonite;
    private static final List<PayaraNode> nodes = new ArrayList<>();
    private static Nginx nginx;

    @BeforeAll
    static void startTheSite() throws Exception {
        Assumptions.assumeTrue(Postgres.enabled(), "runs in the PostgreSQL execution");
        Nginx.requireInstalled();
        Postgres.start();
        certificates = TestCertificates.create();
        int proxyPort = Integer.getInteger("it.proxy.https.port");
        URI redirectUri = URI.create("https://localhost:" + proxyPort + "/resonite-link/oauth/callback");
        resonite = ResoniteStandIn.startHttps(Integer.getInteger("it.standin.https.port"), certificates.serverContext());
        resonite.register(new ResoniteStandIn.Client(StandIn.CLIENT_ID, StandIn.CLIENT_SECRET, redirectUri));
        String cluster = "edge-" + UUID.randomUUID().toString().substring(0, 8);
        List<Integer> hazelcast = List.of(Integer.getInteger("it.edge.hz1.port"), Integer.getInteger("it.edge.hz2.port"));
        List<Integer> ports = List.of(Integer.getInteger("it.edge.node1.port"), Integer.getInteger("it.edge.node2.port"));
        List<PayaraNode.Launch> launches = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            launches.add(PayaraNode.launch("edge-" + (i + 1), ports.get(i)).preBoot().postgres()
                    .cluster(cluster, hazelcast.get(i), hazelcast)
                    .jvm(certificates.trustStoreOptions())
                    .env(Map.of("RESONITE_CLIENT_ID", StandIn.CLIENT_ID, "RESONITE_CLIENT_SECRET", StandIn.CLIENT_SECRET,
                            "RESONITE_REDIRECT_URI", redirectUri.toString(),
                            "RESONITE_BASE_URI", resonite.baseUri().toString(),
                            "RESONITE_ICON_BASE_URI", resonite.baseUri() + "assets/",
                            "RESONITE_SCOPES", "profile email",
                            // the production checklist's setting: the address nginx connects to the nodes from
                            "RESONITE_LINK_TRUSTED_PROXIES", "127.0.0.1")));
        }
        PayaraNode.startCluster(launches, nodes);
        nginx = Nginx.start(proxyPort, Integer.getInteger("it.proxy.http.port"), certificates, ports);
    }

    @AfterAll
    static void stopTheSite() throws Exception {
        if (nginx != null) {
            nginx.close();
        }
        for (PayaraNode node : nodes) {
            node.close();
        }
        if (resonite != null) {
            resonite.close();
        }
    }

    @Test
    @Order(1)
    void aPersonSignsUpLinksAndUnlinksThroughTheTlsProxyOnTheNodeTheyKeepTo() throws Exception {
        WebDriver driver = Chromium.start(Files.createTempDirectory("downloads"), true);
        try {
            String name = "tls" + UUID.randomUUID().toString().substring(0, 8);
            ResoniteStandIn.User user = resonite.addUser("r" + name, StandIn.PASSWORD,
                    ResoniteStandIn.readProfile("/standin/resonite-profile-full.json"));
            signUpAndSignIn(driver, name);
            Chromium.clickThrough(driver, waitFor(driver, "link-button"));

            new WebDriverWait(driver, Duration.ofSeconds(15))
                    .until(ExpectedConditions.urlContains(resonite.baseUri() + "connect/authorize"));
            driver.findElement(By.name("login")).sendKeys(user.login());
            driver.findElement(By.name("password")).sendKeys(user.password());
            Chromium.clickThrough(driver, driver.findElement(By.cssSelector("button[value=allow]")));
            assertThat(waitFor(driver, "resonite-id").getText()).isEqualTo(user.id());
            assertThat(driver.getCurrentUrl()).startsWith(nginx.https() + "account?linked");
            assertThat(Postgres.query("select principal from account_link where resonite_id = '" + user.id() + "'"))
                    .as("linked once, in PostgreSQL").containsExactly(List.of(name));

            Cookie session = driver.manage().getCookieNamed("JSESSIONID");
            assertThat(session.isSecure()).isTrue();
            assertThat(session.isHttpOnly()).isTrue();
            assertThat(session.getSameSite()).isEqualTo("Lax");
            Cookie affinity = driver.manage().getCookieNamed("resonite_link_node");
            assertThat(affinity.isSecure()).isTrue();
            assertThat(affinity.isHttpOnly()).isTrue();
            assertThat(affinity.getSameSite()).isEqualTo("Lax");

            Chromium.clickThrough(driver, driver.findElement(By.id("unlink-button")));
            Chromium.clickThrough(driver, waitFor(driver, "confirm-unlink"));
            waitFor(driver, "link-button");
            assertThat(Postgres.query("select count(*) from account_link where principal = '" + name + "'"))
                    .containsExactly(List.of("0"));
        } finally {
            driver.quit();
        }

        everyResponseWasHttpsWithHstsAndASecureLaxCookieFromOneNode(nginx.log());
    }

    /** What the browser got, as nginx logged it: TLS, HSTS and the session cookie's flags, all from one node. */
    private static void everyResponseWasHttpsWithHstsAndASecureLaxCookieFromOneNode(List<Nginx.Logged> responses) {
        assertThat(responses).as("every response went out over TLS").allSatisfy(r -> assertThat(r.scheme()).isEqualTo("https"));
        assertThat(responses).as("no redirect leaves https").allSatisfy(r -> assertThat(r.location())
                .satisfiesAnyOf(l -> assertThat(l).isEmpty(), l -> assertThat(l).startsWith("https://"),
                        l -> assertThat(l).startsWith("/")));
        assertThat(responses).filteredOn(r -> !r.location().isEmpty()).as("redirects were answered").hasSizeGreaterThan(5);
        assertThat(responses).as("HSTS on every https response")
                .allSatisfy(r -> assertThat(r.hsts()).startsWith("max-age="));
        List<String> sessionCookies = responses.stream().map(Nginx.Logged::cookie)
                .filter(c -> c.startsWith("JSESSIONID=")).toList();
        assertThat(sessionCookies).as("session cookies set through the proxy").isNotEmpty().allSatisfy(cookie -> {
            assertThat(cookie).contains("; Secure").containsIgnoringCase("HttpOnly");
            assertThat(cookie.toLowerCase().split("samesite=", -1)).as("SameSite exactly once: " + cookie).hasSize(2);
            assertThat(cookie).containsIgnoringCase("SameSite=Lax");
        });
        List<String> servedBy = responses.stream().map(Nginx.Logged::upstream).filter(u -> !u.isEmpty()).toList();
        assertThat(Set.copyOf(servedBy)).as("the node the browser first met served all of its journey: " + servedBy)
                .hasSize(1);
    }

    @Test
    @Order(2)
    void providerErrorPagesNeverTakeANodeOutOfRotation() throws Exception {
        WebDriver driver = Chromium.start(Files.createTempDirectory("downloads"), true);
        try {
            signUpAndSignIn(driver, "pe" + UUID.randomUUID().toString().substring(0, 8));
            for (int i = 0; i < 6; i++) {
                driver.get(nginx.https() + "account");
                Chromium.clickThrough(driver, waitFor(driver, "link-button"));
                new WebDriverWait(driver, Duration.ofSeconds(15))
                        .until(ExpectedConditions.urlContains(resonite.baseUri() + "connect/authorize"));
                String state = URI.create(driver.getCurrentUrl()).getRawQuery().replaceAll(".*state=([^&]*).*", "$1");
                // Resonite answers with an error instead of the consent: any signed-in user can make this happen
                driver.get(nginx.https() + "oauth/callback?state=" + state + "&error=server_error");
                assertThat(waitFor(driver, "outcome").getAttribute("data-outcome")).isEqualTo("PROVIDER_ERROR");
            }
        } finally {
            driver.quit();
        }
        List<Nginx.Logged> errors = nginx.awaitLogged("&error=server_error", 6);
        assertThat(errors).as("Resonite's failure is not this node's").hasSize(6)
                .allSatisfy(r -> assertThat(r.status()).isEqualTo(424));
        assertBothNodesStillServe();
    }

    @Test
    @Order(3)
    void aSignInBurstAboveTheLimitGets429AndBothNodesStayInRotation() throws Exception {
        Browser browser = new Browser(certificates.clientContext());
        List<Integer> statuses = new ArrayList<>();
        Browser.Page limited = null;
        for (int i = 0; i < 40; i++) {
            Browser.Page page = browser.get(nginx.https().resolve("login"));
            statuses.add(page.status());
            if (page.status() == 429) {
                limited = page;
            }
        }
        assertThat(statuses).as("the burst").contains(200, 429).doesNotContain(500, 502, 503, 504);
        assertThat(limited.header("Retry-After")).isEqualTo("60");
        assertThat(limited.header("Strict-Transport-Security")).startsWith("max-age=");
        assertThat(limited.document().select("[data-outcome=rate-limited]")).hasSize(1);
        assertBothNodesStillServe();
    }

    /**
     * Security round 3, item 2: without {@code resonite-link.trusted-proxies} every client behind nginx had nginx's
     * address, so 21 wrong passwords from anyone blocked sign-in for everybody. The nodes run with the documented
     * setting (nginx's address); the attacker and the victim come from two addresses of this machine.
     */
    @Test
    @Order(4)
    void oneAttackerBehindTheProxyCannotLockOutAnotherUser() throws Exception {
        Browser victimBrowser = new Browser(certificates.clientContext(), java.net.InetAddress.getByName("127.0.0.3"));
        String name = "pv" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> signUp = victimBrowser.get(nginx.https().resolve("signup")).form("form[action$=/signup]");
        signUp.put("username", name);
        signUp.put("password", Site.PASSWORD);
        assertThat(victimBrowser.post(nginx.https().resolve("signup"), signUp).status()).isEqualTo(302);

        Browser attacker = new Browser(certificates.clientContext(), java.net.InetAddress.getByName("127.0.0.2"));
        Map<String, String> form = attacker.get(nginx.https().resolve("login")).form("form[action$=/login]");
        int failures = 0;
        boolean throttledByTheApp = false;
        while (!throttledByTheApp && failures < 40) { // as fast as nginx's own sign-in rate lets one client guess
            form.put("username", "nobody-" + UUID.randomUUID().toString().substring(0, 8));
            form.put("password", "guess " + failures);
            Browser.Page answer = attacker.post(nginx.https().resolve("login"), form);
            if (answer.status() == 429 && answer.document().select("[data-outcome=rate-limited]").size() == 1) {
                Thread.sleep(2100); // nginx: one more request every two seconds
                continue;
            }
            throttledByTheApp = answer.status() == 429
                    && answer.document().select("[data-outcome=throttled]").size() == 1;
            if (!throttledByTheApp) {
                assertThat(answer.status()).as(answer.body()).isEqualTo(401);
                failures++;
                form = answer.form("form[action$=/login]");
            }
        }
        assertThat(throttledByTheApp).as("the app's own throttle, keyed by the attacker's address as nginx saw it,"
                + " after " + failures + " failures").isTrue();
        assertThat(failures).as("the address's free failures first").isGreaterThanOrEqualTo(21);

        Map<String, String> signIn = victimBrowser.get(nginx.https().resolve("login")).form("form[action$=/login]");
        signIn.put("username", name);
        signIn.put("password", Site.PASSWORD);
        Browser.Page signedIn = victimBrowser.post(nginx.https().resolve("login"), signIn);
        assertThat(signedIn.status()).as("another client signs in: " + signedIn.body()).isEqualTo(302);
        assertThat(signedIn.location()).endsWith("/account");
    }

    /**
     * Failover: the node a signed-in browser keeps to stops. nginx sends the browser's next request to the other
     * node, which answers from its replica of the session (still signed in, the form's token still good), moves the
     * affinity cookie to itself, and the browser links its Resonite account there.
     */
    @Test
    @Order(5)
    void whenTheNodeABrowserKeepsToStopsTheOtherNodeCarriesOnItsSession() throws Exception {
        Site site = Site.at(nginx.https(), new Browser(certificates.clientContext()));
        site.signUp("fo" + UUID.randomUUID().toString().substring(0, 8));
        site.signIn();
        String kept = upstreamOfAnAccountPage(site, 200);
        PayaraNode stopped = nodes.stream().filter(n -> kept.endsWith(":" + n.port())).findFirst().orElseThrow();
        stopped.close();

        String other = upstreamOfAnAccountPage(site, 200);
        assertThat(other).as("answered by the node still running").doesNotEndWith(":" + stopped.port());
        assertThat(site.browser().cookies().getCookieStore().getCookies())
                .filteredOn(c -> c.getName().equals("resonite_link_node")).singleElement()
                .satisfies(c -> assertThat(nodes.stream().filter(n -> other.endsWith(":" + n.port()))
                        .map(n -> "n" + (nodes.indexOf(n) + 1)).toList()).containsExactly(c.getValue()));

        ResoniteStandIn.User user = resonite.addUser("rfo" + UUID.randomUUID().toString().substring(0, 8),
                StandIn.PASSWORD, ResoniteStandIn.readProfile("/standin/resonite-profile-full.json"));
        Browser.Page linked = site.link(user);
        assertThat(linked.location()).as(linked.body()).endsWith("/account?linked");
        assertThat(Postgres.query("select principal from account_link where resonite_id = '" + user.id() + "'"))
                .containsExactly(List.of(site.username()));
    }

    /**
     * Shows the browser its account page (with a marker of this test's own in the query, so nginx's line for it is
     * found, and waited for: nginx logs a response after sending it) and answers the node (its address) that served it.
     */
    private static String upstreamOfAnAccountPage(Site site, int status) {
        String marker = "probe=" + UUID.randomUUID();
        Browser.Page account = site.browser().get(nginx.https().resolve("account?" + marker));
        assertThat(account.status()).as("still signed in: " + account.body()).isEqualTo(status);
        assertThat(account.document().select("#link-button")).hasSize(1);
        String upstream = nginx.awaitLogged(marker, 1).get(0).upstream();
        assertThat(upstream).as("served by a node").isNotEmpty();
        return upstream.substring(upstream.lastIndexOf(' ') + 1);
    }

    private static void signUpAndSignIn(WebDriver driver, String name) {
        driver.get(nginx.https().toString());
        Chromium.clickThrough(driver, driver.findElement(By.linkText("Sign up")));
        driver.findElement(By.id("username")).sendKeys(name);
        driver.findElement(By.id("password")).sendKeys(Site.PASSWORD);
        Chromium.clickThrough(driver, driver.findElement(By.cssSelector("form button[type=submit]")));
        waitFor(driver, "account-created");
        driver.findElement(By.id("username")).sendKeys(name);
        WebElement password = driver.findElement(By.id("password"));
        Chromium.navigate(driver, () -> password.sendKeys(Site.PASSWORD, Keys.ENTER));
        waitFor(driver, "link-button");
    }

    /**
     * Ten first visits after the event (browsers without cookies, so without a node they keep to): nginx sends them
     * to both nodes, and none is answered by nginx for want of a node.
     */
    private static void assertBothNodesStillServe() throws Exception {
        String marker = "probe=" + UUID.randomUUID();
        for (int i = 0; i < 10; i++) {
            assertThat(new Browser(certificates.clientContext()).get(nginx.https().resolve("account?" + marker))
                    .status()).isIn(200, 302);
        }
        List<Nginx.Logged> after = nginx.awaitLogged(marker, 10);
        assertThat(after.stream().map(Nginx.Logged::upstream).collect(Collectors.toSet()))
                .as("both nodes in rotation").hasSize(2);
    }

    private static WebElement waitFor(WebDriver driver, String id) {
        return Chromium.waitForId(driver, id);
    }
}
