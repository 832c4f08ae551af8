package dev.resonitelink.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resonitelink.standin.ResoniteStandIn;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Tag;

/**
 * Races with real requests: callbacks held back until every thread is ready, then released at once.
 * Runs on H2 and on PostgreSQL.
 */
@Tag("postgres")
class ConcurrencyIT extends DeployedApp {

    private static final ExecutorService POOL = Executors.newFixedThreadPool(4);

    @AfterAll
    static void stopPool() {
        POOL.shutdownNow();
    }

    /** Fires every callback at the same instant; returns the pages in the same order. */
    private static List<Browser.Page> atOnce(List<Site> sites, List<Browser.Page> callbacks) throws Exception {
        CountDownLatch ready = new CountDownLatch(callbacks.size());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Browser.Page>> futures = new ArrayList<>();
        for (int i = 0; i < callbacks.size(); i++) {
            Site site = sites.get(i);
            Browser.Page back = callbacks.get(i);
            Callable<Browser.Page> call = () -> {
                ready.countDown();
                go.await();
                return site.browser().follow(back);
            };
            futures.add(POOL.submit(call));
        }
        ready.await();
        go.countDown();
        List<Browser.Page> pages = new ArrayList<>();
        for (Future<Browser.Page> f : futures) {
            pages.add(f.get());
        }
        return pages;
    }

    @RepeatedTest(5)
    void twoUsersLinkingTheSameResoniteAccountAtOnceEndWithExactlyOneLink() throws Exception {
        ResoniteStandIn.User shared = StandIn.newUser();
        Site first = Site.signedIn(base);
        Site second = Site.signedIn(base);
        Browser.Page firstBack = first.consent(first.startLink(), shared, "allow", List.of());
        Browser.Page secondBack = second.consent(second.startLink(), shared, "allow", List.of());

        List<Browser.Page> pages = atOnce(List.of(first, second), List.of(firstBack, secondBack));

        assertThat(pages).extracting(Browser.Page::status).as(pages.toString() + pages.get(0).body() + pages.get(1).body())
                .containsExactlyInAnyOrder(302, 409);
        Browser.Page refused = pages.stream().filter(p -> p.status() == 409).findFirst().orElseThrow();
        assertThat(refused.outcome()).isEqualTo("ALREADY_LINKED_ELSEWHERE");
        JsonObject a = first.storedLink();
        JsonObject b = second.storedLink();
        assertThat(a == null ^ b == null).as("exactly one of the two is linked").isTrue();
        assertThat((a != null ? a : b).getString("resoniteId")).isEqualTo(shared.id());
        Site winner = a != null ? first : second;
        assertThat(pages.get(a != null ? 0 : 1).location()).endsWith("/account?linked");
        assertThat(winner.storedLink()).isNotNull();
    }

    @RepeatedTest(5)
    void oneUserCompletingTwoFlowsAtOnceEndsWithOneConsistentLink() throws Exception {
        Site site = Site.signedIn(base);
        ResoniteStandIn.User one = StandIn.newUser();
        ResoniteStandIn.User other = StandIn.newUser();
        Browser.Page tab1 = site.consent(site.startLink(), one, "allow", List.of());
        Browser.Page tab2 = site.consent(site.startLink(), other, "allow", List.of("email"));

        List<Browser.Page> pages = atOnce(List.of(site, site), List.of(tab1, tab2));

        assertThat(pages).extracting(Browser.Page::status).as("no error page").containsOnly(302);
        JsonObject link = site.storedLink();
        assertThat(link.getString("resoniteId")).isIn(one.id(), other.id());
        boolean emailMatches = link.getString("resoniteId").equals(other.id()) == link.containsKey("email");
        assertThat(emailMatches).as("the stored row is one flow's profile, not a mix of both").isTrue();

        // the account that lost is free: a new user can link it
        ResoniteStandIn.User loser = link.getString("resoniteId").equals(one.id()) ? other : one;
        Site newcomer = Site.signedIn(base);
        assertThat(newcomer.link(loser).location()).endsWith("/account?linked");
    }
}
