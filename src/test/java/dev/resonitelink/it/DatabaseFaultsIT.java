package dev.resonitelink.it;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.resonitelink.standin.ResoniteStandIn;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/** PostgreSQL restarted under the running app. */
@Tag("postgres")
@Tag("postgres-only")
@Tag("own-payara")
class DatabaseFaultsIT extends DeployedApp {

    @AfterEach
    void restore() throws Exception {
        StandIn.get().reset();
        Postgres.start();
    }

    @Test
    void aRestartDuringALinkFailsItCleanlyLeavesNothingHalfWrittenAndTheAppRecoversOnItsOwn() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Postgres.enabled(), "runs in the PostgreSQL execution");
        Site site = Site.signedIn(base);
        ResoniteStandIn.User user = StandIn.newUser();
        Browser.Page back = site.consent(site.startLink(), user, "allow", List.of());

        // a callback in flight (the token endpoint takes its time) while the database goes down
        StandIn.get().faults().tokenDelay = Duration.ofMillis(1500);
        ExecutorService thread = Executors.newSingleThreadExecutor();
        int tokenRequests = StandIn.get().tokenRequests();
        Future<Browser.Page> inFlight = thread.submit(() -> site.browser().follow(back));
        await("the callback at the token endpoint").atMost(Duration.ofSeconds(10))
                .until(() -> StandIn.get().tokenRequests() > tokenRequests);
        Postgres.stop();
        Browser.Page failed = inFlight.get();
        thread.shutdown();

        assertThat(failed.status()).isEqualTo(503);
        assertThat(failed.outcome()).isEqualTo("STORAGE_UNAVAILABLE");
        assertThat(failed.text("#error-id")).matches("[A-Z0-9]{10}");
        assertThat(failed.body()).doesNotContain("Exception", "at java.");

        Browser.Page notReady = site.browser().get(site.base().resolve("/health/ready"));
        assertThat(notReady.status()).as("unready while the database is down").isEqualTo(503);
        assertThat(notReady.body()).contains("\"database\"", "DOWN");
        assertThat(site.browser().get(site.base().resolve("/health/live")).status()).as("but alive").isEqualTo(200);

        Browser.Page whileDown = site.account();
        assertThat(whileDown.status()).isEqualTo(500);
        assertThat(whileDown.body()).contains("Nothing was changed").doesNotContain("Exception", "at java.");

        Postgres.start();
        StandIn.get().reset();
        assertThat(Postgres.query("select count(*) from account_link where principal = '" + site.username() + "'"))
                .as("nothing half-written").containsExactly(List.of("0"));

        assertThat(eventually(() -> site.browser().get(site.base().resolve("/health/ready")), page -> page.status() == 200,
                Duration.ofSeconds(30)).status()).as("ready again on its own").isEqualTo(200);
        Browser.Page linked = eventually(() -> site.link(user), page -> page.status() == 302, Duration.ofSeconds(30));
        assertThat(linked.location()).endsWith("/account?linked");
        assertThat(Postgres.query("select resonite_id from account_link where principal = '" + site.username() + "'"))
                .containsExactly(List.of(user.id()));
    }

    private static <T> T eventually(java.util.concurrent.Callable<T> action, java.util.function.Predicate<T> done,
                                    Duration timeout) {
        return await().atMost(timeout).pollInterval(Duration.ofMillis(500)).until(action, done);
    }
}
