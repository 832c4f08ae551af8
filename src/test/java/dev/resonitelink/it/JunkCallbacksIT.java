package dev.resonitelink.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import dev.resonitelink.standin.ResoniteStandIn;
import org.junit.jupiter.api.Test;

/**
 * Any signed-in user can send callbacks that belong to no flow of theirs. They are noise, not attempts: counted in
 * the metrics, logged at a bounded rate, and never an audit row (the trail, kept for a year, stays for real
 * attempts and security events).
 */
class JunkCallbacksIT extends DeployedApp {

    @Test
    void tenThousandJunkCallbacksAddNoAuditRowAndABoundedNumberOfLogLines() throws Exception {
        Site organizer = Organizers.signedIn(base);
        String auditBefore = organizer.browser().get(organizer.at("organizer/audit")).text("#total");
        int logLinesBefore = noiseLines();
        Site user = Site.signedIn(base);
        // a real flow in flight in the same session: no junk may consume its pending request or link anything
        Browser.Page toResonite = user.startLink();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> senders = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                senders.add(pool.submit(() -> sendJunk(user, thread, 2_500)));
            }
            int refused = 0;
            for (Future<Integer> sender : senders) {
                refused += sender.get();
            }
            assertThat(refused).as("every junk callback refused with 400").isEqualTo(10_000);
        } finally {
            pool.shutdownNow();
        }
        assertThat(organizer.browser().get(organizer.at("organizer/audit")).text("#total")).isEqualTo(auditBefore);
        assertThat(noiseLines() - logLinesBefore).as("log lines for 10,000 junk callbacks").isLessThanOrEqualTo(100);
        assertThat(user.storedLink()).as("junk linked nothing").isNull();
        ResoniteStandIn.User resonite = StandIn.newUser();
        Browser.Page callback = user.consent(toResonite, resonite, "allow", java.util.List.of());
        assertThat(user.browser().get(callback.location()).status()).as("the real flow still completes").isEqualTo(302);
        assertThat(user.storedLink().getString("resoniteId")).isEqualTo(resonite.id());
    }

    /** Junk callbacks of four kinds; returns how many were refused with 400. */
    private static int sendJunk(Site user, int thread, int count) {
        int refused = 0;
        for (int i = 0; i < count; i++) {
            String query = switch (i % 4) {
                case 0 -> "state=junk" + thread + "-" + i + "&code=c";
                case 1 -> "code=without-state";
                case 2 -> "state=x&state=y";
                default -> "error=server_error&state=never-started-" + i;
            };
            if (user.browser().get(user.at("oauth/callback?" + query)).status() == 400) {
                refused++;
            }
        }
        return refused;
    }

    private static int noiseLines() throws Exception {
        Matcher lines = Pattern.compile("callback without a pending link request").matcher(ServerLog.read());
        int count = 0;
        while (lines.find()) {
            count++;
        }
        return count;
    }
}
