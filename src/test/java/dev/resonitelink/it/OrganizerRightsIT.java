package dev.resonitelink.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who becomes an organizer, and how: never by choosing a name at sign-up. The first organizer claims the rights with
 * the one-time code only the operator sees; organizers grant and revoke the rights of existing accounts, with
 * immediate effect and an audit entry naming who did it; the application, not the container's role check, decides
 * on every request, so organizers are never refused at random (payara/Payara#6145).
 */
class OrganizerRightsIT extends DeployedApp {

    /** Listed in resonite-link.organizers by the test settings, and never signed up. */
    static final String RESERVED = "it-reserved-organizer";

    private Site organizer;

    @BeforeEach
    void signInTheOrganizer() {
        organizer = Organizers.signedIn(base);
    }

    @Test
    void aListedNameWithoutAnAccountCannotBeTakenAtSignUpAndIsNamedAtStartup() throws Exception {
        Site stranger = Site.anonymous(base);
        assertThat(stranger.signUpIfFree(RESERVED)).isFalse();
        assertThat(stranger.browser().get(stranger.at("login")).status()).isEqualTo(200);
        assertThat(ServerLog.read()).contains("resonite-link.organizers names accounts that do not exist: " + RESERVED);
    }

    @Test
    void theBootstrapCodeWorksOnceAndAWrongCodeGrantsNothing() {
        Site user = Site.signedIn(base);
        Browser.Page wrong = Organizers.claim(user, "WRONG-CODE");
        assertThat(wrong.status()).isIn(400, 409);
        Browser.Page again = Organizers.claim(user, Organizers.BOOTSTRAP_CODE);
        assertThat(again.status()).as("the code was used by the first organizer").isEqualTo(409);
        assertThat(user.browser().get(user.at("organizer")).status()).isEqualTo(403);
        // every page of the organizer's trail: on a server shared with other test classes (WildFly), the events
        // they made come after the grant and push it off the first page
        List<String> trail = new java.util.ArrayList<>();
        for (int page = 1; page <= 100; page++) {
            List<String> rows = organizer.browser().get(organizer.at("organizer/audit?q=" + Organizers.NAME + "&page=" + page))
                    .document().select("#audit tbody tr").eachText();
            if (rows.isEmpty() || trail.containsAll(rows)) {
                break;
            }
            trail.addAll(rows);
        }
        assertThat(trail).anySatisfy(row -> assertThat(row).contains(Organizers.NAME, "ORGANIZER_GRANT", "GRANTED",
                "(bootstrap code)"));
    }

    @Test
    void anOrganizerGrantsAndRevokesRightsWithImmediateEffectAndAnAuditEntry() {
        Site colleague = Site.signedIn(base);
        assertThat(colleague.browser().get(colleague.at("organizer")).status()).isEqualTo(403);

        Browser.Page granted = Organizers.change(organizer, colleague.username(), "grant");
        assertThat(granted.location()).contains("role=done");
        assertThat(colleague.browser().get(colleague.at("organizer")).status()).as("same session, at once").isEqualTo(200);
        assertThat(colleague.browser().get(colleague.at("api/registrants")).status()).isEqualTo(200);
        assertThat(colleague.account().document().select("#organizer-nav")).hasSize(1);

        assertThat(Organizers.change(organizer, colleague.username(), "revoke").location()).contains("role=done");
        assertThat(colleague.browser().get(colleague.at("organizer")).status()).isEqualTo(403);
        assertThat(colleague.browser().get(colleague.at("api/registrants")).status()).isEqualTo(403);

        List<String> rows = organizer.browser().get(organizer.at("organizer/audit?q=" + colleague.username()))
                .document().select("#audit tbody tr").eachText();
        assertThat(rows).anySatisfy(row -> assertThat(row).contains("ORGANIZER_GRANT", Organizers.NAME))
                .anySatisfy(row -> assertThat(row).contains("ORGANIZER_REVOKE", Organizers.NAME));
    }

    @Test
    void plainUsersCannotChangeRightsAndOrganizersCannotRevokeThemselves() {
        Site user = Site.signedIn(base);
        Browser.Page refused = user.browser().post(user.at("organizer/roles"), new java.util.HashMap<>(java.util.Map.of(
                "csrf", user.account().form("form[action$=/logout]").get("csrf"), "username", user.username(), "action", "grant")));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(user.browser().get(user.at("organizer")).status()).isEqualTo(403);

        assertThat(Organizers.change(organizer, Organizers.NAME, "revoke").location()).contains("role=not_yourself");
        assertThat(organizer.browser().get(organizer.at("organizer")).status()).isEqualTo(200);
        assertThat(Organizers.change(organizer, "nobody-" + UUID.randomUUID().toString().substring(0, 6), "grant")
                .location()).contains("role=no_such_account");
    }

    /** payara/Payara#6145: under concurrent requests Payara 6 sometimes drops a caller's groups; no request may show it. */
    @Test
    void organizersAreNeverRefusedAndUsersNeverLetInUnderConcurrentLoad() throws Exception {
        List<Site> organizers = new ArrayList<>();
        List<Site> users = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Site colleague = Site.signedIn(base);
            Organizers.change(organizer, colleague.username(), "grant");
            organizers.add(colleague);
            users.add(Site.signedIn(base));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<String>>> all = new ArrayList<>();
            for (Site colleague : organizers) {
                all.add(pool.submit(() -> requests(colleague, 200)));
            }
            for (Site user : users) {
                all.add(pool.submit(() -> requests(user, 403)));
            }
            List<String> wrong = new ArrayList<>();
            int total = 0;
            for (Future<List<String>> result : all) {
                List<String> outcome = result.get();
                total += Integer.parseInt(outcome.get(0));
                wrong.addAll(outcome.subList(1, outcome.size()));
            }
            assertThat(total).isGreaterThanOrEqualTo(1000);
            assertThat(wrong).as("requests answered wrongly out of " + total).isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }

    /** 130 requests alternating the registrants page and the API; the first element is the count, then every wrong answer. */
    private static List<String> requests(Site site, int expected) {
        List<String> wrong = new ArrayList<>();
        wrong.add("130");
        for (int i = 0; i < 130; i++) {
            String path = i % 2 == 0 ? "organizer" : "api/registrants?size=1";
            int status = site.browser().get(site.at(path)).status();
            if (status != expected) {
                wrong.add(site.username() + " " + path + " -> " + status);
            }
        }
        return wrong;
    }
}
