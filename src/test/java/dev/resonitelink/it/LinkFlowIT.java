package dev.resonitelink.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resonitelink.standin.ResoniteStandIn;
import jakarta.json.JsonObject;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/** The link flow end to end: the real WAR on Payara Micro, the Resonite stand-in, and a browser's HTTP. */
@Tag("postgres")
class LinkFlowIT extends DeployedApp {

    @Test
    void linkingWithEveryScopeStoresProfileEmailAndPatreon() {
        Site site = Site.signedIn(base);
        ResoniteStandIn.User user = StandIn.newUser();

        Browser.Page toResonite = site.startLink();
        URI authorize = toResonite.locationUri();
        assertThat(authorize.getPath()).as("with openid: the endpoint the discovery document announces")
                .isEqualTo(ResoniteStandIn.announcedPrefix() + "/authorize");
        assertThat(authorize.getQuery()).contains("response_type=code", "client_id=it-client", "code_challenge_method=S256",
                "redirect_uri=" + site.at("oauth/callback"), "state=", "nonce=", "openid");

        Browser.Page callback = site.browser().follow(site.consent(toResonite, user, "allow", List.of("email", "patreon")));
        assertThat(callback.status()).isEqualTo(302);
        assertThat(callback.location()).endsWith("/account?linked");

        JsonObject link = site.storedLink();
        assertThat(link.getString("resoniteId")).isEqualTo(user.id());
        assertThat(link.getString("username")).isEqualTo(user.login());
        assertThat(link.getString("email")).isEqualTo("ada@example.org");
        assertThat(link.getBoolean("patreonActiveSupporter")).isTrue();
        assertThat(link.getString("iconUrl")).isEqualTo(StandIn.get().baseUri()
                + "assets/4f0b7c2a9e1d3b5a7c9e1f3a5b7d9f1e3a5c7e9b1d3f5a7c9e1b3d5f7a9c1e3b5");
        assertThat(link.getJsonArray("scopes").getValuesAs(jakarta.json.JsonString::getString))
                .containsExactly("email", "openid", "patreon", "profile");

        Browser.Page account = site.browser().follow(callback);
        assertThat(account.text("#resonite-username")).isEqualTo(user.login());
        assertThat(account.text("#resonite-id")).isEqualTo(user.id());

        String authorizeQuery = authorize.getQuery();
        String code = callback.uri().getQuery().replaceAll(".*code=([^&]*).*", "$1");
        String seenByBrowser = site.browser().transcript();
        assertThat(StandIn.get().everIssued()).filteredOn(secret -> !secret.equals(code))
                .as("the PKCE verifier and the tokens never reach the browser")
                .allSatisfy(secret -> assertThat(seenByBrowser).doesNotContain(secret));
        assertThat(authorizeQuery).doesNotContain("code_verifier");
    }

    @Test
    void linkingWithProfileOnlyStoresNeitherEmailNorPatreon() {
        Site site = Site.signedIn(base);
        ResoniteStandIn.User user = StandIn.newUser();
        Browser.Page callback = site.browser().follow(site.consent(site.startLink(), user, "allow", List.of()));
        assertThat(callback.location()).endsWith("/account?linked");
        JsonObject link = site.storedLink();
        assertThat(link.getString("resoniteId")).isEqualTo(user.id());
        assertThat(link.containsKey("email")).isFalse();
        assertThat(link.containsKey("patreonActiveSupporter")).isFalse();
        assertThat(link.getJsonArray("scopes").getValuesAs(jakarta.json.JsonString::getString)).containsExactly("openid", "profile");
    }

    @Test
    void linkingWithProfileAndEmailStoresEmailButNoPatreon() {
        Site site = Site.signedIn(base);
        ResoniteStandIn.User user = StandIn.newUser();
        site.browser().follow(site.consent(site.startLink(), user, "allow", List.of("email")));
        JsonObject link = site.storedLink();
        assertThat(link.getString("email")).isEqualTo("ada@example.org");
        assertThat(link.containsKey("patreonActiveSupporter")).isFalse();
    }

    @Test
    void denyingAtConsentSaysYouDeclinedAndStoresNothing() {
        Site site = Site.signedIn(base);
        Browser.Page callback = site.browser().follow(site.consent(site.startLink(), StandIn.newUser(), "deny", List.of()));
        assertThat(callback.status()).isEqualTo(200);
        assertThat(callback.outcome()).isEqualTo("DECLINED");
        assertThat(callback.body()).contains("You declined");
        assertThat(site.storedLink()).isNull();
    }

    @Test
    void callbackWithoutStateIsRefusedAndStoresNothing() {
        Site site = Site.signedIn(base);
        Browser.Page back = site.consent(site.startLink(), StandIn.newUser(), "allow", List.of());
        String withoutState = back.location().replaceAll("([?&])state=[^&]*&?", "$1");
        Browser.Page callback = site.browser().get(withoutState);
        assertThat(callback.status()).isEqualTo(400);
        assertThat(callback.outcome()).isEqualTo("STATE_MISSING");
        assertThat(site.storedLink()).isNull();
    }

    @Test
    void callbackWithWrongStateIsRefusedAndStoresNothing() {
        Site site = Site.signedIn(base);
        Browser.Page back = site.consent(site.startLink(), StandIn.newUser(), "allow", List.of());
        String wrongState = back.location().replaceAll("state=[^&]*", "state=forged-state-value");
        Browser.Page callback = site.browser().get(wrongState);
        assertThat(callback.status()).isEqualTo(400);
        assertThat(callback.outcome()).isEqualTo("STATE_UNKNOWN");
        assertThat(callback.text("#error-id")).matches("[A-Z0-9]{10}");
        assertThat(site.storedLink()).isNull();
    }

    @Test
    void replayedCallbackIsRefusedAndTheLinkStaysAsItWas() {
        Site site = Site.signedIn(base);
        Browser.Page back = site.consent(site.startLink(), StandIn.newUser(), "allow", List.of("email"));
        assertThat(site.browser().follow(back).location()).endsWith("/account?linked");
        JsonObject before = site.storedLink();

        Browser.Page replay = site.browser().follow(back);
        assertThat(replay.status()).isEqualTo(400);
        assertThat(replay.outcome()).isEqualTo("STATE_UNKNOWN");
        assertThat(site.storedLink()).isEqualTo(before);
    }

    @Test
    void aCodeUsedTwiceIsRefusedByTheProviderAndNothingChanges() {
        Site site = Site.signedIn(base);
        ResoniteStandIn.User user = StandIn.newUser();
        Browser.Page first = site.consent(site.startLink(), user, "allow", List.of());
        String usedCode = first.locationUri().getQuery().replaceAll(".*code=([^&]*).*", "$1");
        site.browser().follow(first);
        JsonObject before = site.storedLink();

        // a second flow whose callback carries the already redeemed code
        Browser.Page second = site.consent(site.startLink(), user, "allow", List.of("email", "patreon"));
        String withOldCode = second.location().replaceAll("code=[^&]*", "code=" + usedCode);
        Browser.Page callback = site.browser().get(withOldCode);
        assertThat(callback.status()).isEqualTo(424);
        assertThat(callback.outcome()).isEqualTo("CODE_REJECTED");
        assertThat(site.storedLink()).isEqualTo(before);
    }

    @Test
    void aWrongClientSecretEndsOnAClearPageAndStoresNothing() {
        Site site = Site.signedIn(base);
        StandIn.get().changeSecret(StandIn.CLIENT_ID, "rotated-on-resonite");
        try {
            Browser.Page callback = site.link(StandIn.newUser());
            assertThat(callback.status()).isEqualTo(424);
            assertThat(callback.outcome()).isEqualTo("CLIENT_REJECTED");
            assertThat(callback.text("#provider-error")).isEqualTo("invalid_client");
            assertThat(site.storedLink()).isNull();
        } finally {
            StandIn.get().changeSecret(StandIn.CLIENT_ID, StandIn.CLIENT_SECRET);
        }
    }

    @Test
    void theSameResoniteAccountCannotBeLinkedByASecondUser() {
        ResoniteStandIn.User shared = StandIn.newUser();
        Site first = Site.signedIn(base);
        assertThat(first.link(shared).location()).endsWith("/account?linked");
        JsonObject firstLink = first.storedLink();

        Site second = Site.signedIn(base);
        Browser.Page refused = second.link(shared);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.outcome()).isEqualTo("ALREADY_LINKED_ELSEWHERE");
        assertThat(second.storedLink()).isNull();
        assertThat(first.storedLink()).isEqualTo(firstLink);
    }

    @Test
    void reLinkingRefreshesTheProfileAndUnlinkingRemovesIt() {
        Site site = Site.signedIn(base);
        ResoniteStandIn.User user = StandIn.newUser();
        site.browser().follow(site.consent(site.startLink(), user, "allow", List.of()));
        assertThat(site.storedLink().containsKey("email")).isFalse();

        Browser.Page relinked = site.link(user);
        assertThat(relinked.location()).endsWith("/account?refreshed");
        assertThat(site.storedLink().getString("email")).isEqualTo("ada@example.org");

        Browser.Page confirm = site.browser().get(site.at("link/unlink"));
        assertThat(confirm.status()).isEqualTo(200);
        assertThat(confirm.text("h1")).isEqualTo("Unlink your Resonite account?");
        assertThat(site.storedLink()).as("asking is not unlinking").isNotNull();
        Browser.Page unlinked = site.browser().post(site.at("link/unlink"), confirm.form("form[action$=/link/unlink]"));
        assertThat(unlinked.location()).endsWith("/account?unlinked");
        assertThat(site.storedLink()).isNull();
        assertThat(site.browser().follow(unlinked).body()).contains("Link Resonite account");
    }

    @Test
    void aUserCanMoveHisLinkToAnotherResoniteAccount() {
        Site site = Site.signedIn(base);
        site.link(StandIn.newUser());
        ResoniteStandIn.User other = StandIn.newUser();
        assertThat(site.link(other).location()).endsWith("/account?replaced");
        assertThat(site.storedLink().getString("resoniteId")).isEqualTo(other.id());
    }

    @Test
    void theApiAnswers401WhenSignedOutAnd404WhenNotLinked() {
        Browser.Page anonymous = Site.anonymous(base).browser().get(Site.anonymous(base).at("api/me/link"));
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("Content-Type")).startsWith("application/json");
        Site site = Site.signedIn(base);
        Browser.Page notLinked = site.browser().get(site.at("api/me/link"));
        assertThat(notLinked.status()).isEqualTo(404);
        assertThat(notLinked.body()).contains("not_linked");
    }

    @Test
    void startingRequiresPostWithTheCsrfTokenAndASignedInUser() {
        Site site = Site.signedIn(base);
        assertThat(site.browser().get(site.at("oauth/start")).status()).isEqualTo(405);
        Browser.Page noToken = site.browser().post(site.at("oauth/start"), Map.of());
        assertThat(noToken.status()).isEqualTo(403);
        Browser.Page wrongToken = site.browser().post(site.at("oauth/start"), Map.of("csrf", "guess"));
        assertThat(wrongToken.status()).isEqualTo(403);
        Browser.Page unlinkWithoutToken = site.browser().post(site.at("link/unlink"), Map.of());
        assertThat(unlinkWithoutToken.status()).isEqualTo(403);

        Site anonymous = Site.anonymous(base);
        Browser.Page toLogin = anonymous.browser().post(anonymous.at("oauth/start"), Map.of("csrf", "x"));
        assertThat(toLogin.status()).isEqualTo(302);
        assertThat(toLogin.location()).contains("/login");
    }

    @Test
    void aCallbackInAnotherBrowserSessionIsRefused() {
        Site victim = Site.signedIn(base);
        Site attacker = Site.signedIn(base);
        Browser.Page attackersCallback = attacker.consent(attacker.startLink(), StandIn.newUser(), "allow", List.of());
        // the attacker tricks the victim's browser into completing the attacker's flow (login CSRF on the link)
        Browser.Page callback = victim.browser().get(attackersCallback.location());
        assertThat(callback.status()).isEqualTo(400);
        assertThat(victim.storedLink()).isNull();
        assertThat(attacker.storedLink()).isNull();
    }

    /** The refresh-token sealing key of the integration tests (it.token-key in the pom, passed as an environment variable). */
    private static final String TOKEN_KEY = "SDuqLTUcxzXq0wVhMm4BhLBRtqPXIRYFy2MrUC5ly7Q=";

    @Test
    void noCodeTokenStateSecretOrProfileDataReachesTheServerLog() throws Exception {
        Site site = Site.signedIn(base);
        Browser.Page back = site.consent(site.startLink(), StandIn.newUser(), "allow", List.of("email", "patreon"));
        String state = back.locationUri().getQuery().replaceAll(".*state=([^&]*).*", "$1");
        assertThat(site.browser().follow(back).location()).endsWith("/account?linked");
        StandIn.get().changeSecret(StandIn.CLIENT_ID, "rotated");
        try {
            assertThat(Site.signedIn(base).link(StandIn.newUser()).status()).isEqualTo(424);
        } finally {
            StandIn.get().changeSecret(StandIn.CLIENT_ID, StandIn.CLIENT_SECRET);
        }

        String text = ServerLog.read();
        assertThat(text).as("the server log is captured").contains("link attempt by local user");
        assertThat(StandIn.get().everIssued()).isNotEmpty().allSatisfy(secret -> assertThat(text).doesNotContain(secret));
        assertThat(text).doesNotContain(state, StandIn.CLIENT_SECRET, "code_verifier", "ada@example.org");
        assertThat(text).as("the deployment's other secrets").doesNotContain(OrganizerIT.API_TOKEN, TOKEN_KEY);
    }
}
