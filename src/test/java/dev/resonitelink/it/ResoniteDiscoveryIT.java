package dev.resonitelink.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.resonitelink.standin.ResoniteStandIn;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Resonite's discovery document on a deployment of its own, so its first read happens here: read when the first link
 * starts (never at deployment), an outage then is a clear page while the app stays ready, and endpoints the
 * deployment configures itself (token and revocation here) win over the announced ones.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResoniteDiscoveryIT extends OwnDeployment {

    @Deployment(testable = false)
    static WebArchive app() {
        return withSettings(Map.of("resonite.token-uri", "connect/token",
                "resonite.revocation-uri", "connect/revocation"));
    }

    @AfterEach
    void noFaultLeft() {
        StandIn.get().reset();
    }

    /**
     * Security round 3, item 6: endpoints announced by the discovery document were used as given, so a bad document
     * could have keys fetched over plain http or from another host. Now the document is refused, with a log line.
     */
    @Test
    @Order(1)
    void aDocumentAnnouncingAnEndpointElsewhereOrOverPlainHttpIsRefused() throws Exception {
        ResoniteStandIn standIn = StandIn.get();
        URI issuer = URI.create(standIn.baseUri().toString());
        standIn.faults().announcedJwks = URI.create("http://127.0.0.1:" + issuer.getPort() + "/.well-known/jwks.json");
        Site site = Site.signedIn(base);
        Browser.Page foreign = site.browser().post(site.at("oauth/start"), site.account().form("form[action$=/oauth/start]"));
        assertThat(foreign.status()).as(foreign.body()).isEqualTo(424);
        assertThat(foreign.outcome()).isEqualTo("PROVIDER_UNAVAILABLE");
        assertThat(ServerLog.read()).contains("announces jwks_uri http://127.0.0.1:" + issuer.getPort()
                + "/.well-known/jwks.json, which is not on the issuer's origin");

        standIn.faults().announcedJwks = URI.create("http://keys.example/jwks.json");
        // a failed read stands for ten seconds, then the document is asked for again
        Browser.Page plain = await("the document to be read again").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> {
                    site.browser().post(site.at("oauth/start"), site.account().form("form[action$=/oauth/start]"));
                    return ServerLog.read();
                }, log -> log.contains("announces jwks_uri http://keys.example/jwks.json, which is not https"))
                .transform(log -> site.browser().post(site.at("oauth/start"),
                        site.account().form("form[action$=/oauth/start]")));
        assertThat(plain.status()).isEqualTo(424);
        assertThat(site.storedLink()).isNull();
    }

    @Test
    @Order(2)
    void aDiscoveryOutageAtTheFirstLinkEndsOnAClearPageAndTheAppStaysReady() {
        ResoniteStandIn standIn = StandIn.get();
        assertThat(Site.health(base, "/health/ready").status()).as("ready, whatever Resonite's document says")
                .isEqualTo(200);
        standIn.faults().discoveryStatus = 503;
        Site site = Site.signedIn(base);
        Browser.Page account = site.account();
        Browser.Page start = site.browser().post(site.at("oauth/start"), account.form("form[action$=/oauth/start]"));
        assertThat(start.status()).as(start.body()).isEqualTo(424);
        assertThat(start.outcome()).isEqualTo("PROVIDER_UNAVAILABLE");
        assertThat(start.text("#error-id")).matches("[A-Z0-9]{10}");
        assertThat(Site.health(base, "/health/ready").status()).as("Resonite's outage is not this app's").isEqualTo(200);
        assertThat(site.storedLink()).isNull();

        standIn.faults().discoveryStatus = null;
        // a failed read stands for ten seconds, then the document is asked for again
        Browser.Page toResonite = await("the link to start once Resonite answers").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> site.browser().post(site.at("oauth/start"), site.account().form("form[action$=/oauth/start]")),
                        page -> page.status() == 302);
        assertThat(toResonite.locationUri().getPath()).as("not configured here: announced")
                .isEqualTo(ResoniteStandIn.announcedPrefix() + "/authorize");
    }

    @Test
    @Order(3)
    void explicitlyConfiguredEndpointsWinOverTheAnnouncedOnes() {
        ResoniteStandIn standIn = StandIn.get();
        String announced = ResoniteStandIn.announcedPrefix();
        int usualTokens = standIn.requestsTo("/connect/token");
        int announcedTokens = standIn.requestsTo(announced + "/token");
        int usualRevocations = standIn.requestsTo("/connect/revocation");
        int announcedRevocations = standIn.requestsTo(announced + "/revocation");
        Site site = Site.signedIn(base);
        ResoniteStandIn.User user = StandIn.newUser();
        Browser.Page callback = site.browser().follow(site.consent(site.startLink(), user, "allow",
                List.of("offline_access")));
        assertThat(callback.location()).as(callback.body()).endsWith("/account?linked");
        // (the background refresh job redeems refresh tokens at the same endpoint meanwhile: at least one more)
        assertThat(standIn.requestsTo("/connect/token")).isGreaterThan(usualTokens);
        assertThat(standIn.requestsTo(announced + "/token")).isEqualTo(announcedTokens);

        site.unlink();
        assertThat(standIn.requestsTo("/connect/revocation")).isGreaterThan(usualRevocations);
        assertThat(standIn.requestsTo(announced + "/revocation")).isEqualTo(announcedRevocations);
        assertThat(standIn.liveRefreshTokens(user.id())).isZero();
    }
}
