package dev.resonitelink.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resonitelink.standin.ResoniteStandIn;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Refresh tokens (granted with offline_access): kept encrypted, used by the background job to keep profiles
 * current, a refused one marks the link "needs re-consent", and unlinking revokes the grant at Resonite.
 * The ITs run the job every second for links older than two seconds.
 */
class TokenLifecycleIT extends DeployedApp {

    private static JsonObject eventually(Site site, Predicate<JsonObject> condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        JsonObject link = site.storedLink();
        while (!condition.test(link) && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            link = site.storedLink();
        }
        return link;
    }

    private Site linkedWithOfflineAccess(ResoniteStandIn.User user) {
        Site site = Site.signedIn(base);
        Browser.Page callback = site.browser().follow(site.consent(site.startLink(), user, "allow", List.of("offline_access")));
        assertThat(callback.location()).endsWith("/account?linked");
        return site;
    }

    @Test
    void withOfflineAccessTheProfileIsKeptCurrentInTheBackground() throws Exception {
        ResoniteStandIn.User user = StandIn.newUser("Before Rename");
        Site site = linkedWithOfflineAccess(user);
        JsonObject linked = site.storedLink();
        assertThat(linked.getBoolean("refreshable")).isTrue();
        assertThat(StandIn.get().liveRefreshTokens(user.id())).isEqualTo(1);

        StandIn.get().rename(user.login(), "After Rename");
        JsonObject refreshed = eventually(site, link -> "After Rename".equals(link.getString("username")));
        assertThat(refreshed.getString("username")).isEqualTo("After Rename");
        assertThat(refreshed.getString("linkedAt")).isEqualTo(linked.getString("linkedAt"));
        assertThat(refreshed.getBoolean("needsReconsent")).isFalse();
        assertThat(StandIn.get().liveRefreshTokens(user.id())).as("rotated, not multiplied").isEqualTo(1);

        if (Postgres.enabled()) {
            List<List<String>> stored = Postgres.query("select refresh_token from account_link where principal = '"
                    + site.username() + "'");
            assertThat(stored.get(0).get(0)).startsWith("v1:");
            assertThat(StandIn.get().everIssued()).allSatisfy(t -> assertThat(stored.get(0).get(0)).doesNotContain(t));
        }
    }

    @Test
    void withoutOfflineAccessNothingIsKept() {
        ResoniteStandIn.User user = StandIn.newUser();
        Site site = Site.signedIn(base);
        site.browser().follow(site.consent(site.startLink(), user, "allow", List.of()));
        assertThat(site.storedLink().getBoolean("refreshable")).isFalse();
    }

    @Test
    void aRefusedRefreshTokenAsksTheUserToReLink() throws Exception {
        ResoniteStandIn.User user = StandIn.newUser();
        Site site = linkedWithOfflineAccess(user);
        StandIn.get().revokeRefreshTokensOf(user.id());

        JsonObject link = eventually(site, l -> l.getBoolean("needsReconsent"));
        assertThat(link.getBoolean("needsReconsent")).isTrue();
        assertThat(link.getBoolean("refreshable")).isFalse();
        assertThat(site.account().text("#needs-reconsent")).contains("Re-link");

        site.browser().follow(site.consent(site.startLink(), user, "allow", List.of("offline_access")));
        assertThat(site.storedLink().getBoolean("needsReconsent")).as("re-linking restores it").isFalse();
    }

    @Test
    void unlinkingRevokesTheGrantAtResonite() {
        ResoniteStandIn.User user = StandIn.newUser();
        Site site = linkedWithOfflineAccess(user);
        assertThat(StandIn.get().liveRefreshTokens(user.id())).isEqualTo(1);
        unlink(site);
        assertThat(site.storedLink()).isNull();
        assertThat(StandIn.get().liveRefreshTokens(user.id())).isZero();
    }

    @Test
    void unlinkingWorksLocallyEvenWhenRevocationFails() {
        ResoniteStandIn.User user = StandIn.newUser();
        Site site = linkedWithOfflineAccess(user);
        StandIn.get().faults().revocationStatus = 503;
        unlink(site);
        assertThat(site.storedLink()).isNull();
    }

    private static void unlink(Site site) {
        Browser.Page confirm = site.browser().get(site.at("link/unlink"));
        Browser.Page done = site.browser().post(site.at("link/unlink"), confirm.form("form[action$=/link/unlink]"));
        assertThat(done.location()).endsWith("/account?unlinked");
    }
}
