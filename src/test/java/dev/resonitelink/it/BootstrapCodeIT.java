package dev.resonitelink.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The first organizer's one-time code against parallel guessing (security round 3, item 9): every wrong attempt
 * counts, however many arrive at once, so after {@code MAX_CODE_FAILURES} (5) the code is withdrawn and even the right
 * one is refused. Needs a deployment that has no organizer yet, and leaves one whose code is withdrawn: a Payara
 * Micro of the H2 execution starts with an empty database, so this class runs there only, with a deployment of its
 * own (WildFly serves every class from one database, and the PostgreSQL execution shares one database across classes,
 * where another class made the first organizer already).
 */
@Tag("payara-only")
class BootstrapCodeIT extends OwnDeployment {

    @Deployment(testable = false)
    static WebArchive app() {
        return withSettings(Map.of());
    }

    @Test
    void parallelWrongCodesAreEachCountedSoTheCodeIsWithdrawnAfterFive() throws Exception {
        int guessers = 12;
        List<Site> sites = new ArrayList<>();
        for (int i = 0; i < guessers; i++) {
            sites.add(Site.signedIn(base));
        }
        List<java.util.Map<String, String>> forms = new ArrayList<>();
        for (Site site : sites) {
            java.util.Map<String, String> form = site.browser().get(site.at("organizer-claim"))
                    .form("form[action$=/organizer-claim]");
            form.put("code", "WRONG-BUT-LONG-ENOUGH-CODE");
            forms.add(form);
        }
        ExecutorService pool = Executors.newFixedThreadPool(guessers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < guessers; i++) {
                Site site = sites.get(i);
                java.util.Map<String, String> form = forms.get(i);
                answers.add(pool.submit(() -> {
                    go.await();
                    return site.browser().post(site.at("organizer-claim"), form).status();
                }));
            }
            go.countDown();
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).as("a wrong code, or no code left: never a server error").isIn(400, 409);
            }
        } finally {
            pool.shutdownNow();
        }
        Site late = sites.get(0);
        Browser.Page right = Organizers.claim(late, Organizers.BOOTSTRAP_CODE);
        assertThat(right.status()).as("withdrawn after five counted failures: " + right.body()).isEqualTo(409);
        assertThat(late.browser().get(late.at("organizer")).status()).isEqualTo(403);
        assertThat(ServerLog.read()).contains("organizer bootstrap code withdrawn after 5 wrong attempts");
    }
}
