package dev.resonitelink.it;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.resonitelink.settings.Setting;
import dev.resonitelink.standin.ResoniteStandIn;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * A flood of well-formed sign-ins with wrong passwords from many addresses (so throttling per address does not stop
 * it: this is what the bound on concurrent hashing is for) while people link their accounts. The link flows must
 * all succeed; the flood gets 401, 429, never a server error. The latencies are printed for the benchmark notes,
 * not asserted (speed targets live in the benchmark). On a deployment of its own with the default password hashing
 * (OWASP's 210,000 iterations): the other tests' servers hash at the cheapest count the app accepts, against which a
 * flood would prove nothing.
 */
class SignInFloodIT extends OwnDeployment {

    @Deployment(testable = false)
    static WebArchive app() {
        return withSettings(Map.of(Setting.PASSWORD_HASH_ITERATIONS.key(), Setting.PASSWORD_HASH_ITERATIONS.defaultValue()));
    }


    @Test
    void linkFlowsKeepWorkingDuringASignInFlood() throws Exception {
        List<Long> quiet = linkFlows(signedIn(5));
        // the users who link during the flood signed in before it: while it lasts, sign-ins and sign-ups wait for
        // the one hashing slot per two cores like the attackers' do (and may be told "busy"), the link flows never
        List<Site> linkingDuringTheFlood = signedIn(5);
        AtomicBoolean flooding = new AtomicBoolean(true);
        Map<Integer, Integer> floodAnswers = new ConcurrentHashMap<>();
        ExecutorService flood = Executors.newFixedThreadPool(12);
        for (int t = 0; t < 12; t++) {
            int thread = t;
            flood.submit(() -> {
                Site attacker = Site.anonymous(base);
                int n = 0;
                while (flooding.get()) {
                    attacker.browser().withHeader("X-Forwarded-For", "203.0." + thread + "." + (n++ % 250 + 1));
                    Map<String, String> form = attacker.browser().get(attacker.at("login")).form("form[action$=/login]");
                    form.put("username", "nobody-" + UUID.randomUUID().toString().substring(0, 8));
                    form.put("password", "guess " + n);
                    floodAnswers.merge(attacker.browser().post(attacker.at("login"), form).status(), 1, Integer::sum);
                }
                return null;
            });
        }
        List<Long> duringFlood;
        try {
            // under way: every attacker answered twice on average, so the hashing slot is taken and callers queue for it
            await("the flood under way").atMost(Duration.ofSeconds(30))
                    .until(() -> floodAnswers.values().stream().mapToInt(Integer::intValue).sum() >= 24);
            duringFlood = linkFlows(linkingDuringTheFlood);
        } finally {
            flooding.set(false);
            flood.shutdown();
            flood.awaitTermination(60, TimeUnit.SECONDS);
        }
        System.out.printf("link flow latency (ms), quiet: %s; during a sign-in flood: %s; flood answers: %s%n",
                quiet, duringFlood, floodAnswers);
        assertThat(floodAnswers.keySet()).as("flood answers").isNotEmpty().allSatisfy(status -> assertThat(status).isIn(401, 429));
        assertThat(duringFlood).hasSize(5);
    }

    private List<Site> signedIn(int n) {
        List<Site> sites = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            sites.add(Site.signedIn(base));
        }
        return sites;
    }

    /** One complete link flow per signed-in user, one after the other; each asserted, each timed (ms). */
    private List<Long> linkFlows(List<Site> sites) {
        List<Long> took = Collections.synchronizedList(new ArrayList<>());
        for (Site site : sites) {
            ResoniteStandIn.User user = StandIn.newUser();
            long start = System.nanoTime();
            Browser.Page callback = site.browser().follow(site.consent(site.startLink(), user, "allow", List.of()));
            took.add(Duration.ofNanos(System.nanoTime() - start).toMillis());
            assertThat(callback.location()).as(callback.body()).endsWith("/account?linked");
            assertThat(site.storedLink().getString("resoniteId")).isEqualTo(user.id());
        }
        return took;
    }
}
