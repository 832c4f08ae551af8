package dev.resonitelink.it;

import dev.resonitelink.standin.Faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resonitelink.standin.ResoniteStandIn;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every way Resonite's token and profile endpoints can fail. Each case starts from a linked user who re-links
 * while the fault is on: the user must land on a clear page with an error id, the cause must be logged once under
 * that id, and the stored link must be exactly as it was.
 */
class ProviderFaultsIT extends DeployedApp {

    private static final String TOO_LARGE = "{\"access_token\":\"" + "x".repeat(2 * 1024 * 1024) + "\",\"token_type\":\"Bearer\"}";
    private static final String PROFILE_TOO_LARGE = "{\"id\":\"U-big\",\"username\":\"big\",\"pad\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";

    @AfterEach
    void clearFaults() {
        StandIn.get().reset();
    }

    record Fault(String name, Consumer<Faults> setup, int status, String outcome) {
    }

    static Stream<Fault> faults() {
        String failed = "PROVIDER_FAILED";
        String profile = "PROFILE_UNAVAILABLE";
        String unreachable = "PROVIDER_UNAVAILABLE";
        return Stream.of(
                new Fault("token 400 invalid_request", f -> token(f, 400, "{\"error\":\"invalid_request\"}"), 424, failed),
                new Fault("token 401 invalid_client", f -> token(f, 401, "{\"error\":\"invalid_client\"}"), 424,
                        "CLIENT_REJECTED"),
                new Fault("token 500 html", f -> { token(f, 500, "<html>down</html>"); f.tokenContentType = "text/html"; }, 424, failed),
                new Fault("token non-JSON 200", f -> token(f, 200, "this is not json"), 424, failed),
                new Fault("token truncated", f -> token(f, 200, "{\"access_token\":\"abc\",\"token_"), 424, failed),
                new Fault("token without access_token", f -> token(f, 200, "{\"token_type\":\"Bearer\",\"expires_in\":3600}"), 424, failed),
                new Fault("token larger than the limit", f -> token(f, 200, TOO_LARGE), 424, failed),
                new Fault("token slower than the read timeout", f -> f.tokenDelay = Duration.ofSeconds(5), 424, unreachable),
                new Fault("token body trickled a byte a second", f -> f.trickleBody = true, 424, unreachable),
                new Fault("profile 401", f -> profile(f, 401, "{\"error\":\"invalid_token\"}"), 424, profile),
                new Fault("profile 500", f -> profile(f, 500, "oops"), 424, profile),
                new Fault("profile non-JSON", f -> profile(f, 200, "<html>"), 424, profile),
                new Fault("profile truncated", f -> profile(f, 200, "{\"id\":\"U-x\",\"user"), 424, profile),
                new Fault("profile without id", f -> profile(f, 200, "{\"username\":\"nobody\"}"), 424, profile),
                new Fault("profile larger than the limit", f -> profile(f, 200, PROFILE_TOO_LARGE), 424, profile),
                new Fault("profile slower than the read timeout", f -> f.profileDelay = Duration.ofSeconds(5), 424, unreachable));
    }

    private static void token(Faults f, int status, String body) {
        f.tokenStatus = status;
        f.tokenBody = body;
    }

    private static void profile(Faults f, int status, String body) {
        f.profileStatus = status;
        f.profileBody = body;
    }

    @TestFactory
    Stream<DynamicTest> eachFaultEndsOnAClearPageAndLeavesTheLinkAsItWas() {
        return faults().map(fault -> DynamicTest.dynamicTest(fault.name(), () -> {
            StandIn.get().reset();
            Site site = linkedSite();
            JsonObject before = site.storedLink();
            Browser.Page back = site.consent(site.startLink(), user(site), "allow", List.of("email", "patreon"));
            fault.setup().accept(StandIn.get().faults());
            Browser.Page page = site.browser().follow(back);
            StandIn.get().reset();
            assertFailurePage(page, fault.status(), fault.outcome());
            assertThat(site.storedLink()).isEqualTo(before);
        }));
    }

    @Test
    void aRefusedConnectionEndsOnAClearPageAndLeavesTheLinkAsItWas() throws Exception {
        Site site = linkedSite();
        JsonObject before = site.storedLink();
        Browser.Page back = site.consent(site.startLink(), user(site), "allow", List.of("email"));
        Browser.Page page = StandIn.get().whileDown(() -> site.browser().follow(back));
        assertFailurePage(page, 424, "PROVIDER_UNAVAILABLE");
        assertThat(site.storedLink()).isEqualTo(before);
    }

    private final java.util.Map<Site, ResoniteStandIn.User> users = new java.util.HashMap<>();

    private Site linkedSite() {
        Site site = Site.signedIn(base);
        ResoniteStandIn.User user = StandIn.newUser();
        users.put(site, user);
        Browser.Page linked = site.browser().follow(site.consent(site.startLink(), user, "allow", List.of()));
        assertThat(linked.location()).endsWith("/account?linked");
        return site;
    }

    private ResoniteStandIn.User user(Site site) {
        return users.get(site);
    }

    private static void assertFailurePage(Browser.Page page, int status, String outcome) throws Exception {
        assertThat(page.status()).as(page.body()).isEqualTo(status);
        assertThat(page.outcome()).isEqualTo(outcome);
        String errorId = page.text("#error-id");
        assertThat(errorId).matches("[A-Z0-9]{10}");
        assertThat(page.body()).doesNotContain("Exception", "at dev.resonitelink");
        String log = ServerLog.read();
        assertThat(log.split(errorId, -1)).as("the cause is logged once under the error id").hasSize(2);
    }
}
