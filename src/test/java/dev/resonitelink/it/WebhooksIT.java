package dev.resonitelink.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.resonitelink.standin.ResoniteStandIn;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Webhooks (issue 27) on a deployment of their own that may post to loopback over http and retries within seconds: a
 * receiver in the test verifies every message with the Standard Webhooks library; every event type arrives, a user's
 * in order; a receiver failing three times gets the message on the fourth attempt; a rotated secret signs beside the
 * old one; private and link-local targets are refused; the API manages endpoints. Both servers, both databases.
 */
@Tag("postgres")
class WebhooksIT extends OwnDeployment {

    /** The servers' test settings already allow loopback and retry within a minute (it/server.properties). */
    @Deployment(testable = false)
    static WebArchive app() {
        return withSettings(Map.of("resonite-link.webhooks.allow-loopback", "true"));
    }

    private WebhookReceiver receiver;
    private Site organizer;
    private final List<String> endpointIds = new ArrayList<>();

    @BeforeEach
    void receiver() throws Exception {
        receiver = WebhookReceiver.start();
        organizer = Organizers.signedIn(base);
    }

    @AfterEach
    void removeEndpoints() {
        for (String id : endpointIds) { // the database may be shared with other deployments: they must not send here
            organizer.browser().request("POST", organizer.at("api/webhooks/" + id + "/delete"), null, null);
        }
        receiver.close();
    }

    /** Registers an endpoint on the organizer page; returns its id and keeps its secret in the receiver. */
    private String register(String path, List<String> types) {
        Browser.Page list = organizer.browser().get(organizer.at("organizer/webhooks"));
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        Map<String, List<String>> form = new HashMap<>();
        form.put("csrf", List.of(list.form("form#new-webhook").get("csrf")));
        form.put("url", List.of(receiver.url(path).toString()));
        form.put("description", List.of("test receiver"));
        form.put("eventType", types);
        Browser.Page created = organizer.browser().postMulti(organizer.at("organizer/webhooks"), form);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String secret = created.text("#webhook-secret");
        assertThat(secret).startsWith("whsec_");
        receiver.secrets = List.of(secret);
        String id = created.document().select("form[action*=/organizer/webhooks/]").attr("action")
                .replaceAll(".*/organizer/webhooks/", "");
        endpointIds.add(id);
        return id;
    }

    private Browser.Page press(String endpointId, String action) {
        Browser.Page page = organizer.browser().get(organizer.at("organizer/webhooks/" + endpointId));
        Map<String, String> form = new HashMap<>(Map.of("csrf", page.form("form[action$=" + endpointId + "]").get("csrf"),
                "action", action));
        return organizer.browser().post(organizer.at("organizer/webhooks/" + endpointId), form);
    }

    private List<String> typesFor(String principal) {
        return receiver.accepted().stream().filter(r -> principal.equals(r.data().getString("principal", null)))
                .map(WebhookReceiver.Received::type).toList();
    }

    @Test
    void everyEventArrivesSignedInTheStandardWebhooksFormatAndEachUsersInOrder() {
        register("all", List.of("link.created", "link.changed", "link.removed", "user.deleted", "registration.created",
                "registration.cancelled", "registration.promoted", "admission.first"));
        ResoniteStandIn.User adaUser = StandIn.newUser();
        Site ada = Site.signedIn(base);
        ada.link(adaUser);
        Site bob = Site.signedIn(base);
        bob.link(StandIn.newUser());
        String eventId = EventsIT.createEvent(organizer, "Webhook workshop", 1, false);
        String key = EventsIT.publishWithKey(organizer, eventId);
        EventsIT.register(ada, eventId, "register");
        EventsIT.register(bob, eventId, "register");
        Browser.Page admitted = new Browser().get(base + "api/events/" + eventId + "/admission/" + adaUser.id()
                + "?key=" + key);
        assertThat(admitted.body()).isEqualTo("admit");
        await("the first admission to be written").atMost(Duration.ofSeconds(10))
                .until(() -> typesFor(ada.username()).contains("admission.first"));
        assertThat(EventsIT.register(ada, eventId, "cancel").status()).isEqualTo(302);
        ada.link(StandIn.newUser()); // another Resonite account: link.changed
        Browser.Page confirm = ada.browser().get(ada.at("account/delete"));
        Map<String, String> deletion = confirm.form("form#delete-account-form");
        deletion.put("password", Site.PASSWORD);
        assertThat(ada.browser().post(ada.at("account/delete"), deletion).status()).isEqualTo(302);

        await("every event of ada to arrive").atMost(Duration.ofSeconds(20))
                .until(() -> typesFor(ada.username()).contains("user.deleted"));
        assertThat(typesFor(ada.username())).containsExactly("link.created", "registration.created", "admission.first",
                "registration.cancelled", "link.changed", "link.removed", "user.deleted");
        await("bob's promotion").atMost(Duration.ofSeconds(10))
                .until(() -> typesFor(bob.username()).contains("registration.promoted"));
        assertThat(typesFor(bob.username())).containsExactly("link.created", "registration.created",
                "registration.promoted");
        assertThat(receiver.requests).allSatisfy(received -> {
            assertThat(received.verified()).as("signed with the endpoint's secret: " + received.body()).isTrue();
            assertThat(received.id()).isEqualTo(received.json().getString("id")).startsWith("msg_");
        });
        JsonObject created = receiver.accepted().stream().filter(r -> r.type().equals("link.created")
                && r.data().getString("principal").equals(ada.username())).findFirst().orElseThrow().data();
        assertThat(created.getString("resoniteId")).isEqualTo(adaUser.id());
        JsonObject promoted = receiver.accepted().stream().filter(r -> r.type().equals("registration.promoted"))
                .findFirst().orElseThrow().data();
        assertThat(promoted.getString("eventId")).isEqualTo(eventId);
        assertThat(receiver.requests.stream().map(WebhookReceiver.Received::id)).doesNotHaveDuplicates();
    }

    @Test
    void aReceiverFailingThreeTimesGetsTheMessageOnTheFourthAttempt() {
        String id = register("flaky", List.of("link.created"));
        receiver.failNext.set(3);
        assertThat(press(id, "test").status()).isEqualTo(302);
        await("the first failed attempt").atMost(Duration.ofSeconds(10)).until(() -> !receiver.requests.isEmpty());
        assertThat(Site.health(base, "/health/ready").status()).as("a receiver failing never makes the app unready")
                .isEqualTo(200);

        await("the fourth attempt").atMost(Duration.ofSeconds(20)).until(() -> !receiver.accepted().isEmpty());
        assertThat(receiver.requests).hasSize(4).extracting(WebhookReceiver.Received::answered)
                .containsExactly(503, 503, 503, 204);
        assertThat(receiver.requests.stream().map(WebhookReceiver.Received::id).distinct()).as("one webhook-id")
                .hasSize(1);
        assertThat(receiver.accepted().get(0).type()).isEqualTo("webhook.test");
        await("the delivery to be recorded").atMost(Duration.ofSeconds(5)).until(() -> "DELIVERED".equals(
                organizer.browser().get(organizer.at("organizer/webhooks/" + id)).document()
                        .select("#webhook-deliveries tbody tr").attr("data-status")));
        Browser.Page page = organizer.browser().get(organizer.at("organizer/webhooks/" + id));
        assertThat(page.document().select("#webhook-deliveries tbody tr td").eachText()).contains("4", "204");
        if (!"wildfly".equals(System.getProperty("it.server"))) { // WildFly has no MicroProfile Metrics (OperationsIT)
            // per node: on PostgreSQL the shared deployment reads the same outbox and may have sent some attempts
            List<String> nodes = List.of(metrics(organizer.base().resolve("/metrics")),
                    metrics(java.net.URI.create("http://localhost:" + Integer.getInteger("it.http.port") + "/metrics")));
            assertThat(nodes.stream().mapToDouble(text -> attempts(text, "failed")).sum()).isGreaterThanOrEqualTo(3);
            assertThat(nodes.stream().mapToDouble(text -> attempts(text, "delivered")).sum()).isGreaterThanOrEqualTo(1);
            assertThat(nodes.get(0)).containsPattern("(?m)^resonite_link_webhook_pending(\\{[^}]*\\})? [0-9]")
                    .containsPattern("(?m)^resonite_link_webhook_oldest_pending_seconds(\\{[^}]*\\})? [0-9]");
        }
    }

    /** A node's Prometheus text, or nothing when that node is not running. */
    private static String metrics(java.net.URI uri) {
        try {
            Browser.Page page = new Browser().get(uri);
            return page.status() == 200 ? page.body() : "";
        } catch (RuntimeException notRunning) {
            return "";
        }
    }

    /** The node's count of delivery attempts with this outcome. */
    private static double attempts(String metrics, String outcome) {
        java.util.regex.Matcher counter = java.util.regex.Pattern.compile("(?m)^resonite_link_webhook_attempts_total"
                + "\\{[^}]*outcome=\"" + outcome + "\"[^}]*\\} ([0-9.E]+)$").matcher(metrics);
        return counter.find() ? Double.parseDouble(counter.group(1)) : 0;
    }

    @Test
    void aRotatedSecretSignsBesideTheOldOneSoReceiversSwitchWithoutLosingMessages() {
        String id = register("rotating", List.of("link.created"));
        String old = receiver.secrets.get(0);
        Browser.Page rotated = press(id, "rotate");
        String fresh = rotated.text("#webhook-secret");
        assertThat(fresh).startsWith("whsec_").isNotEqualTo(old);

        receiver.secrets = List.of(old);
        press(id, "test");
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.accepted().size() == 1);
        receiver.secrets = List.of(fresh);
        press(id, "test");
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.accepted().size() == 2);
        assertThat(receiver.requests).allSatisfy(r -> assertThat(r.verified()).isTrue());
        assertThat(receiver.accepted().get(1).signature().split(" ")).hasSize(2);
    }

    @Test
    void privateLinkLocalAndPlainHttpTargetsAreRefused() {
        for (String url : List.of("https://10.0.0.1/hook", "https://169.254.169.254/latest/meta-data",
                "https://192.168.1.20/hook", "http://203.0.113.7/hook", "https://[fd00::1]/hook", "not a url")) {
            Browser.Page list = organizer.browser().get(organizer.at("organizer/webhooks"));
            Map<String, String> form = new HashMap<>(list.form("form#new-webhook"));
            form.put("url", url);
            form.put("eventType", "link.created");
            Browser.Page refused = organizer.browser().post(organizer.at("organizer/webhooks"), form);
            assertThat(refused.status()).as(url).isEqualTo(400);
            assertThat(refused.text("#webhook-error")).as(url).isNotBlank();
        }
        Browser.Page api = organizer.browser().request("POST", organizer.at("api/webhooks"), "application/json",
                "{\"url\":\"https://10.1.1.1/\",\"eventTypes\":[\"link.created\"]}");
        assertThat(api.status()).isEqualTo(400);
        assertThat(api.body()).contains("private network");
    }

    @Test
    void theApiCreatesListsTestsAndDeletesEndpoints() {
        Browser.Page created = organizer.browser().request("POST", organizer.at("api/webhooks"), "application/json",
                "{\"url\":\"" + receiver.url("api") + "\",\"description\":\"bot\",\"eventTypes\":[\"link.removed\"]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonObject answer = Json.createReader(new StringReader(created.body())).readObject();
        String id = answer.getString("id");
        endpointIds.add(id);
        receiver.secrets = List.of(answer.getString("secret"));
        assertThat(organizer.browser().get(organizer.at("api/webhooks")).body()).contains(id)
                .doesNotContain(answer.getString("secret"));
        assertThat(organizer.browser().request("POST", organizer.at("api/webhooks/" + id + "/test"), null, null)
                .status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.accepted().size() == 1);
        assertThat(receiver.accepted().get(0).verified()).isTrue();
        assertThat(new Browser().get(organizer.at("api/webhooks")).status()).as("not signed in").isEqualTo(401);
        Site attendee = Site.signedIn(base);
        assertThat(attendee.browser().get(attendee.at("api/webhooks")).status()).as("not an organizer")
                .isEqualTo(403);
        assertThat(organizer.browser().request("POST", organizer.at("api/webhooks/" + id + "/delete"), null, null)
                .status()).isEqualTo(204);
        assertThat(organizer.browser().get(organizer.at("api/webhooks/" + id)).status()).isEqualTo(404);
    }
}
