package dev.resonitelink.it;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.resonitelink.standin.ResoniteStandIn;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/** What an operator relies on: health probes, Prometheus metrics, the OpenAPI document and the audit trail. */
@Tag("postgres")
class OperationsIT extends DeployedApp {

    private Browser.Page get(String absolutePath) {
        Site site = Site.anonymous(base);
        return site.browser().get(site.base().resolve(absolutePath));
    }

    private Browser.Page health(String absolutePath) {
        return Site.health(base, absolutePath);
    }

    private static JsonObject json(Browser.Page page) {
        return Json.createReader(new StringReader(page.body())).readObject();
    }

    @Test
    void readinessReportsDatabaseAndConfigurationAndLivenessTheJvm() {
        Browser.Page ready = health("/health/ready");
        assertThat(ready.status()).as(ready.body()).isEqualTo(200);
        JsonObject readiness = json(ready);
        assertThat(readiness.getString("status")).isEqualTo("UP");
        assertThat(readiness.getJsonArray("checks").getValuesAs(JsonObject.class))
                .extracting(check -> check.getString("name")).contains("database", "configuration");
        assertThat(ready.body()).doesNotContain(StandIn.CLIENT_SECRET);

        Browser.Page live = health("/health/live");
        assertThat(live.status()).isEqualTo(200);
        assertThat(json(live).getJsonArray("checks").getValuesAs(JsonObject.class))
                .extracting(check -> check.getString("name")).contains("heap");
        int tokenCallsBefore = StandIn.get().tokenRequests();
        health("/health/ready");
        assertThat(StandIn.get().tokenRequests()).as("probes never call Resonite").isEqualTo(tokenCallsBefore);
    }

    @Test
    void flowsAndProviderCallsAreCountedForPrometheus() {
        Assumptions.assumeFalse("wildfly".equals(System.getProperty("it.server")),
                "WildFly has no MicroProfile Metrics (replaced by Micrometer): the flow metrics are not exported there");
        Site site = Site.signedIn(base);
        site.link(StandIn.newUser());
        site.browser().follow(site.consent(site.startLink(), StandIn.newUser(), "deny", List.of()));
        StandIn.get().faults().profileStatus = 500;
        site.link(StandIn.newUser());

        Browser.Page metrics = get("/metrics");
        assertThat(metrics.status()).isEqualTo(200);
        String text = metrics.body();
        assertThat(text).containsPattern("(?m)^resonite_link_flows_started_total\\{[^}]*\\} [1-9]")
                .containsPattern("(?m)^resonite_link_flows_ended_total\\{[^}]*outcome=\"linked\"[^}]*\\} [1-9]")
                .containsPattern("(?m)^resonite_link_flows_ended_total\\{[^}]*outcome=\"declined\"[^}]*\\} [1-9]")
                .containsPattern("(?m)^resonite_link_flows_ended_total\\{[^}]*cause=\"profile_unavailable\"[^}]*outcome=\"failed\"[^}]*\\} [1-9]")
                .containsPattern("(?m)^resonite_link_provider_call_seconds_count\\{[^}]*endpoint=\"token\"[^}]*\\} [1-9]")
                .containsPattern("(?m)^resonite_link_provider_call_seconds_count\\{[^}]*endpoint=\"profile\"[^}]*\\} [1-9]");
    }

    @Test
    void theApiIsDescribedAtOpenapi() {
        Browser.Page openapi = get("/openapi");
        assertThat(openapi.status()).isEqualTo(200);
        assertThat(openapi.body()).contains("/api/me/link", "/api/registrants", "apiToken", "resoniteId", "linkedAt");
    }

    @Test
    void organizersSeeEveryLinkUnlinkAndFailedAttemptInTheAuditTrail() {
        Site site = Site.signedIn(base);
        ResoniteStandIn.User user = StandIn.newUser();
        site.link(user);
        Browser.Page declined = site.browser().follow(site.consent(site.startLink(), user, "deny", List.of()));
        assertThat(declined.status()).isEqualTo(200);
        StandIn.get().faults().profileStatus = 500;
        Browser.Page failed = site.link(user);
        String errorId = failed.text("#error-id");
        StandIn.get().reset();
        Browser.Page confirm = site.browser().get(site.at("link/unlink"));
        site.browser().post(site.at("link/unlink"), confirm.form("form[action$=/link/unlink]"));

        Site organizer = Organizers.signedIn(base);
        assertThat(Site.signedIn(base).browser().get(site.at("organizer/audit")).status()).isEqualTo(403);
        Browser.Page audit = organizer.browser().get(organizer.at("organizer/audit?q=" + site.username()));
        assertThat(audit.status()).isEqualTo(200);
        List<String> rows = audit.document().select("#audit tbody tr").eachText();
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0)).contains(site.username(), "UNLINK", user.id(), "UNLINKED");
        assertThat(rows.get(1)).as("the profile was never read, so no Resonite id")
                .contains("LINK", "—", "PROFILE_UNAVAILABLE", errorId);
        assertThat(rows.get(2)).contains("LINK", "DECLINED");
        assertThat(rows.get(3)).contains("LINK", user.id(), "LINKED");
        assertThat(audit.body()).doesNotContain("ada@example.org", StandIn.CLIENT_SECRET);
    }

    @Test
    void entriesPastTheRetentionArePruned() throws Exception {
        Assumptions.assumeTrue(Postgres.enabled(), "inserts old rows directly: PostgreSQL execution only");
        String old = "old-" + UUID.randomUUID().toString().substring(0, 8);
        Postgres.update("insert into link_audit values ('" + UUID.randomUUID() + "', now() - interval '400 days', '"
                + old + "', null, 'LINK', 'LINKED', 'OLDOLDOLD1')");
        Postgres.update("insert into link_audit values ('" + UUID.randomUUID() + "', now() - interval '10 days', '"
                + old + "', null, 'LINK', 'LINKED', 'RECENT0001')");
        List<List<String>> left = await("the pruning job").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
                .until(() -> Postgres.query("select request_id from link_audit where principal = '" + old + "'"),
                        rows -> rows.size() <= 1);
        assertThat(left).containsExactly(List.of("RECENT0001"));
    }
}
