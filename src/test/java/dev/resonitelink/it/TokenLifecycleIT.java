package dev.resonitelink.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.resonitelink.standin.ResoniteStandIn;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/**
 * Refresh tokens (granted with offline_access): kept encrypted, used by the background job to keep profiles
 * current, a refused one marks the link "needs re-consent", and unlinking revokes the grant at Resonite.
 * The ITs run the job every second for links older than two seconds.
 */
@Tag("postgres")
class TokenLifecycleIT extends DeployedApp {

    /** The stored link once it meets the condition (the job runs every second). */
    private static JsonObject eventually(Site site, Predicate<JsonObject> condition) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(site::storedLink, condition);
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
            assertThat(stored.get(0).get(0)).startsWith("v2:");
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
        site.unlink();
        assertThat(site.storedLink()).isNull();
        assertThat(StandIn.get().liveRefreshTokens(user.id())).isZero();
    }

    @Test
    void unlinkingWorksLocallyEvenWhenRevocationFails() {
        ResoniteStandIn.User user = StandIn.newUser();
        Site site = linkedWithOfflineAccess(user);
        StandIn.get().faults().revocationStatus = 503;
        site.unlink();
        assertThat(site.storedLink()).isNull();
    }

    @Test
    void aRotatedRefreshTokenIsKeptEvenWhenTheProfileCallAfterItFails() throws Exception {
        ResoniteStandIn.User user = StandIn.newUser("Before Outage");
        Site site = linkedWithOfflineAccess(user);
        int before = StandIn.get().tokenRequests();
        StandIn.get().faults().profileStatus = 500;
        await("the job to refresh while the profile fails").atMost(Duration.ofSeconds(20))
                .until(() -> StandIn.get().tokenRequests() > before + 1);
        StandIn.get().faults().profileStatus = null;
        StandIn.get().rename(user.login(), "After Outage");
        JsonObject link = eventually(site, l -> "After Outage".equals(l.getString("username")));
        assertThat(link.getString("username")).as("the rotated token still works").isEqualTo("After Outage");
        assertThat(link.getBoolean("needsReconsent")).isFalse();
    }

    /** Security round 3, item 11: the check after a rotation compared the link with the spent token, so it never matched. */
    @Test
    void aRotatedRefreshTokenThatNowNamesAnotherAccountAsksTheUserToReLink() throws Exception {
        ResoniteStandIn.User user = StandIn.newUser();
        ResoniteStandIn.User other = StandIn.newUser();
        Site site = linkedWithOfflineAccess(user);
        StandIn.get().faults().profileBody = other.profile().toString();
        StandIn.get().faults().profileStatus = 200;
        JsonObject link = eventually(site, l -> l.getBoolean("needsReconsent"));
        assertThat(link.getString("resoniteId")).as("the link is never moved to the other account").isEqualTo(user.id());
        assertThat(link.getBoolean("refreshable")).isFalse();
        await("the token kept nowhere to be revoked").atMost(Duration.ofSeconds(10))
                .until(() -> StandIn.get().liveRefreshTokens(user.id()) == 0);
    }

    @Test
    void aReLinkDuringABackgroundRefreshIsNeverUndone() throws Exception {
        ResoniteStandIn.User first = StandIn.newUser("First Account");
        ResoniteStandIn.User second = StandIn.newUser("Second Account");
        Site site = linkedWithOfflineAccess(first);
        StandIn.get().faults().refreshDelay = Duration.ofMillis(2500); // below the 3 s deadline of the ITs
        int before = StandIn.get().tokenRequests();
        await("the job's refresh to start").atMost(Duration.ofSeconds(20))
                .until(() -> StandIn.get().tokenRequests() > before);
        Browser.Page relinked = site.browser().follow(site.consent(site.startLink(), second, "allow", List.of("offline_access")));
        assertThat(relinked.location()).endsWith("/account?replaced");
        await("the job's slow refresh of the old account to end").pollDelay(Duration.ofSeconds(3)).until(() -> true);
        StandIn.get().faults().refreshDelay = Duration.ZERO;
        JsonObject link = site.storedLink();
        assertThat(link.getString("resoniteId")).as("not switched back").isEqualTo(second.id());
        assertThat(link.getBoolean("needsReconsent")).as("the old account's refusal is not the new link's").isFalse();
        assertThat(StandIn.get().liveRefreshTokens(first.id())).as("the old account's grants are revoked").isZero();
    }

    @Test
    void refreshTokensThatAreKeptNowhereAreRevoked() {
        ResoniteStandIn.User user = StandIn.newUser();
        Site site = linkedWithOfflineAccess(user);
        site.browser().follow(site.consent(site.startLink(), user, "allow", List.of("offline_access")));
        assertThat(StandIn.get().liveRefreshTokens(user.id())).as("re-linking replaced the grant").isEqualTo(1);

        Site other = Site.signedIn(base);
        Browser.Page refused = other.browser().follow(other.consent(other.startLink(), user, "allow", List.of("offline_access")));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(StandIn.get().liveRefreshTokens(user.id())).as("the refused link's grant").isEqualTo(1);
    }

    @Test
    void aProviderTricklingItsAnswersHoldsNeitherTheRefreshJobNorUnlinking() throws Exception {
        ResoniteStandIn.User user = StandIn.newUser();
        Site site = linkedWithOfflineAccess(user);
        StandIn.get().faults().trickleBody = true;
        int before = StandIn.get().tokenRequests();
        await("the job to call the trickling token endpoint").atMost(Duration.ofSeconds(20))
                .until(() -> StandIn.get().tokenRequests() > before);
        // the trickled answer would take minutes; within the deadline the job gives up and runs again
        await("the job to run again").atMost(Duration.ofSeconds(10))
                .until(() -> StandIn.get().tokenRequests() > before + 1);

        StandIn.get().faults().revocationStatus = 200;
        long start = System.nanoTime();
        site.unlink();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("unlinking waits for the deadline at most")
                .isLessThan(Duration.ofSeconds(8));
        assertThat(site.storedLink()).isNull();
    }
}
