package dev.resonitelink.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.resonitelink.standin.Faults.IdTokenFault;
import dev.resonitelink.standin.ResoniteStandIn;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Resonite's id_token (the tests ask for {@code openid}): checked against the provider's discovery document and
 * JWKS on every link. Each way the stand-in can break it ends on a clear page with nothing stored; a token without
 * the nonce is accepted (Resonite omits it), and a rotated signing key works without a restart.
 */
@Tag("postgres")
class IdTokenIT extends DeployedApp {

    @AfterEach
    void clearFaults() {
        StandIn.get().reset();
    }

    @Test
    void aValidIdTokenLinksTheAccountItNames() {
        Site site = Site.signedIn(base);
        ResoniteStandIn.User user = StandIn.newUser();
        assertThat(site.link(user).location()).endsWith("/account?linked");
        assertThat(site.storedLink().getString("resoniteId")).isEqualTo(user.id());
    }

    @Test
    void theFlowAndTheUnlinkGoWhereTheDiscoveryDocumentSaysWhenNothingIsConfigured() {
        String announced = ResoniteStandIn.announcedPrefix();
        ResoniteStandIn standIn = StandIn.get();
        int announcedTokens = standIn.requestsTo(announced + "/token");
        int usualTokens = standIn.requestsTo("/connect/token");
        int announcedRevocations = standIn.requestsTo(announced + "/revocation");
        Site site = Site.signedIn(base);
        ResoniteStandIn.User user = StandIn.newUser();
        Browser.Page toResonite = site.startLink();
        assertThat(toResonite.locationUri().getPath()).isEqualTo(announced + "/authorize");
        assertThat(site.browser().follow(site.consent(toResonite, user, "allow", List.of("offline_access"))).location())
                .endsWith("/account?linked");
        // (the background refresh job redeems refresh tokens at the same endpoint meanwhile: at least one more)
        assertThat(standIn.requestsTo(announced + "/token")).isGreaterThan(announcedTokens);
        assertThat(standIn.requestsTo("/connect/token")).as("never the default one").isEqualTo(usualTokens);
        assertThat(standIn.liveRefreshTokens(user.id())).isEqualTo(1);

        site.unlink();
        assertThat(standIn.requestsTo(announced + "/revocation")).as("no revocation endpoint is configured: the"
                + " announced one ends the grant").isGreaterThan(announcedRevocations);
        assertThat(standIn.liveRefreshTokens(user.id())).isZero();
    }

    @TestFactory
    Stream<DynamicTest> eachBrokenIdTokenEndsOnAClearPageWithNothingStored() {
        return Arrays.stream(IdTokenFault.values())
                .filter(fault -> fault != IdTokenFault.NONCE_OMITTED)
                .map(fault -> DynamicTest.dynamicTest(fault.name(), () -> {
                    Site site = Site.signedIn(base);
                    Browser.Page back = site.consent(site.startLink(), StandIn.newUser(), "allow", List.of());
                    StandIn.get().faults().idToken = fault;
                    Browser.Page page = site.browser().follow(back);
                    StandIn.get().reset();
                    assertThat(page.status()).as(page.body()).isEqualTo(424);
                    assertThat(page.outcome()).isEqualTo(fault == IdTokenFault.OTHER_SUBJECT
                            ? "ID_TOKEN_SUBJECT_MISMATCH" : "ID_TOKEN_INVALID");
                    assertThat(page.text("#error-id")).matches("[A-Z0-9]{10}");
                    assertThat(site.storedLink()).isNull();
                }));
    }

    @Test
    void anIdTokenWithoutTheNonceIsAcceptedAsResoniteSendsIt() {
        Site site = Site.signedIn(base);
        ResoniteStandIn.User user = StandIn.newUser();
        Browser.Page back = site.consent(site.startLink(), user, "allow", List.of());
        StandIn.get().faults().idToken = IdTokenFault.NONCE_OMITTED;
        assertThat(site.browser().follow(back).location()).endsWith("/account?linked");
        assertThat(site.storedLink().getString("resoniteId")).isEqualTo(user.id());
    }

    @Test
    void aRotatedSigningKeyIsFetchedWithoutARestart() {
        StandIn.get().rotateKeys();
        // the keys are read again at most every few seconds: a link right after a read may still be refused
        Site linked = await("a link with the new key").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(2))
                .until(() -> {
                    Site site = Site.signedIn(base);
                    Browser.Page callback = site.link(StandIn.newUser());
                    return callback.location() != null && callback.location().endsWith("/account?linked") ? site : null;
                }, site -> site != null);
        assertThat(linked.storedLink()).isNotNull();
    }
}
