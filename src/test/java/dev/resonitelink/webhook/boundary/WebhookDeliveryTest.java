package dev.resonitelink.webhook.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resonitelink.ManualClock;
import dev.resonitelink.audit.TestAuditTrails;
import dev.resonitelink.ops.control.FlowMetrics;
import dev.resonitelink.settings.Setting;
import dev.resonitelink.settings.TestSettings;
import dev.resonitelink.testing.TestDatabase;
import dev.resonitelink.webhook.control.WebhookSender;
import dev.resonitelink.webhook.entity.WebhookEventType;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The outbox and its delivery on a real database, with a clock the test moves and a receiver that answers as the test
 * says: nothing is written without a subscriber, a user's events go in order, a failed attempt is retried after the
 * configured waits and then given up, exactly one of two nodes sends each attempt, an endpoint failing for days is
 * disabled, and a message that has ended keeps no payload.
 */
class WebhookDeliveryTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-07T12:00:00Z"));
    private TestDatabase db;
    private Outbox outbox;
    private final List<String> received = new ArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();

    @BeforeEach
    void setUp() {
        db = new TestDatabase();
        outbox = TestWebhookBeans.outbox(db, clock);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private void endpoint(String id, String types, boolean enabled) {
        db.update("insert into webhook_endpoint (id, url, description, event_types, enabled, secret, created_by,"
                + " created_at) values ('" + id + "', 'https://hooks.example.com/" + id + "', '', '" + types + "', "
                + enabled + ", 'whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0', 'org', TIMESTAMP '2026-12-01 10:00:00')");
    }

    private void publish(WebhookEventType type, String subject, Object... data) {
        db.inTransaction(() -> outbox.publish(type, subject, Outbox.data(data)));
    }

    /** A node's dispatcher whose receiver records "endpoint:type:subject" and fails while the test says so. */
    private WebhookDispatcher node(String name) {
        WebhookDispatcher dispatcher = new WebhookDispatcher() {
            @Override
            public List<Object[]> due() {
                return db.inTransaction(super::due);
            }

            @Override
            public java.util.Optional<Claimed> claim(String deliveryId, int attempts) {
                return db.inTransaction(() -> super.claim(deliveryId, attempts));
            }

            @Override
            public void record(Claimed claimed, WebhookSender.Attempt result) {
                db.inTransaction(() -> super.record(claimed, result));
            }

            @Override
            public Queue queue() {
                return db.inTransaction(super::queue);
            }
        };
        Map<String, String> values = TestSettings.valid();
        values.put(Setting.WEBHOOK_RETRY_DELAYS.key(), "10,100");
        values.put(Setting.WEBHOOK_DISABLE_AFTER_DAYS.key(), "2");
        dispatcher.settings = TestSettings.with(values);
        dispatcher.em = db.entityManager();
        dispatcher.self = dispatcher;
        dispatcher.clock = clock;
        dispatcher.node = name;
        dispatcher.audit = TestAuditTrails.writingTo(db.entityManager(), clock);
        dispatcher.metrics = new FlowMetrics();
        WebhookEndpoints endpoints = new WebhookEndpoints() {
            @Override
            public List<String> signingSecrets(String id) {
                return db.inTransaction(() -> super.signingSecrets(id));
            }

            @Override
            public dev.resonitelink.webhook.control.TargetPolicy policy() {
                return new dev.resonitelink.webhook.control.TargetPolicy(false, false,
                        host -> new java.net.InetAddress[] {java.net.InetAddress.getByName("93.184.215.14")});
            }
        };
        endpoints.em = db.entityManager();
        endpoints.clock = clock;
        dispatcher.endpoints = endpoints;
        dispatcher.sender = new WebhookSender(Duration.ofSeconds(1)) {
            @Override
            public Attempt send(URI target, Map<String, String> headers, String payload) {
                String endpoint = target.getPath().substring(1);
                jakarta.json.JsonObject message = jakarta.json.Json.createReader(new java.io.StringReader(payload))
                        .readObject();
                assertThat(message.getString("id")).isEqualTo(headers.get("webhook-id"));
                if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    return new Attempt(503, "answered 503");
                }
                received.add(endpoint + ":" + message.getString("type") + ":" + message.getJsonObject("data")
                        .getString("principal", "-"));
                return new Attempt(204, null);
            }
        };
        return dispatcher;
    }

    @Test
    void withoutASubscribedEnabledEndpointNothingIsWritten() {
        publish(WebhookEventType.LINK_CREATED, "ada", "principal", "ada");
        endpoint("w1", "registration.created", true);
        endpoint("w2", "link.created", false);
        publish(WebhookEventType.LINK_CREATED, "ada", "principal", "ada");
        assertThat(db.query("select count(*) from webhook_message")).containsExactly(List.of("0"));
        endpoint("w3", "link.created link.removed", true);
        publish(WebhookEventType.LINK_CREATED, "ada", "principal", "ada");
        assertThat(db.query("select endpoint_id, seq from webhook_delivery")).containsExactly(List.of("w3", "1"));
    }

    @Test
    void anEventIsStoredWithItsChangeOrNotAtAll() {
        endpoint("w1", "link.created", true);
        try {
            db.inTransaction(() -> {
                outbox.publish(WebhookEventType.LINK_CREATED, "ada", Outbox.data("principal", "ada"));
                throw new IllegalStateException("the change failed");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }
        assertThat(db.query("select count(*) from webhook_message")).containsExactly(List.of("0"));
        assertThat(db.query("select count(*) from webhook_delivery")).containsExactly(List.of("0"));
    }

    @Test
    void aUsersLaterEventWaitsUntilTheEarlierOneIsDeliveredOthersDoNot() {
        endpoint("w1", "link.created link.removed", true);
        publish(WebhookEventType.LINK_CREATED, "ada", "principal", "ada");
        publish(WebhookEventType.LINK_REMOVED, "ada", "principal", "ada");
        publish(WebhookEventType.LINK_CREATED, "bob", "principal", "bob");
        WebhookDispatcher node = node("a");
        failuresLeft.set(1); // ada's link.created fails once (it is sent first: the oldest due)
        clock.move(Duration.ofSeconds(2));
        assertThat(node.queue()).as("what the metrics show").isEqualTo(new WebhookDispatcher.Queue(3, 2));

        node.runOnce();
        assertThat(received).as("ada's removal is held back; bob's event is not").containsExactly("w1:link.created:bob");
        clock.move(Duration.ofSeconds(13)); // past the first wait (10 s + 20 %)
        node.runOnce();
        node.runOnce();
        assertThat(received).containsExactly("w1:link.created:bob", "w1:link.created:ada", "w1:link.removed:ada");
    }

    @Test
    void aFailedAttemptIsRetriedAfterEachWaitThenGivenUpAndTheNextEventGoes() {
        endpoint("w1", "link.created link.removed", true);
        publish(WebhookEventType.LINK_CREATED, "ada", "principal", "ada");
        publish(WebhookEventType.LINK_REMOVED, "ada", "principal", "ada");
        WebhookDispatcher node = node("a");
        failuresLeft.set(3);

        assertThat(node.runOnce()).isEqualTo(1);
        clock.move(Duration.ofSeconds(7));
        assertThat(node.runOnce()).as("not before the wait (10 s - 20 %)").isZero();
        clock.move(Duration.ofSeconds(6));
        assertThat(node.runOnce()).isEqualTo(1);
        clock.move(Duration.ofSeconds(121));
        assertThat(node.runOnce()).as("the third and last attempt (two waits configured)").isEqualTo(1);
        assertThat(db.query("select status, attempts, last_status_code from webhook_delivery where seq = 1"))
                .containsExactly(List.of("FAILED", "3", "503"));
        node.runOnce();
        assertThat(received).as("a delivery given up no longer holds back the next").containsExactly("w1:link.removed:ada");
        assertThat(db.query("select count(*) from webhook_message where payload is not null"))
                .as("ended messages keep no payload").containsExactly(List.of("0"));
        assertThat(db.query("select count(*) from webhook_delivery where subject is not null")).containsExactly(List.of("0"));
    }

    @Test
    void ofTwoNodesExactlyOneSendsEachAttempt() {
        endpoint("w1", "link.created", true);
        for (int i = 0; i < 20; i++) {
            publish(WebhookEventType.LINK_CREATED, "user" + i, "principal", "user" + i);
        }
        WebhookDispatcher a = node("a");
        WebhookDispatcher b = node("b");
        // both nodes saw the same due list; each claims, only one claim per delivery succeeds
        List<Object[]> seenByA = a.due();
        List<Object[]> seenByB = b.due();
        int claimedByA = 0;
        int claimedByB = 0;
        for (int i = 0; i < seenByA.size(); i++) {
            if (a.claim((String) seenByA.get(i)[0], 0).isPresent()) {
                claimedByA++;
            }
            if (b.claim((String) seenByB.get(i)[0], 0).isPresent()) {
                claimedByB++;
            }
        }
        assertThat(claimedByA + claimedByB).isEqualTo(20);
        assertThat(claimedByB).isZero();
        clock.move(Duration.ofMinutes(2)); // a's claims expire unanswered (a died): b sends them, once each
        b.runOnce();
        a.runOnce();
        assertThat(received).hasSize(20).doesNotHaveDuplicates();
    }

    @Test
    void anEndpointFailingForDaysIsDisabledAndAudited() {
        endpoint("w1", "link.created", true);
        WebhookDispatcher node = node("a");
        failuresLeft.set(1000);
        for (int day = 0; day < 3; day++) {
            publish(WebhookEventType.LINK_CREATED, "user" + day, "principal", "user" + day);
            node.runOnce();
            clock.move(Duration.ofDays(1).plusMinutes(1));
        }
        assertThat(db.query("select enabled, disabled_reason from webhook_endpoint"))
                .containsExactly(List.of("FALSE", "failing since more than 2 days"));
        assertThat(db.query("select action, outcome from link_audit")).containsExactly(List.of("WEBHOOK",
                "DISABLED_FAILING w1"));
        publish(WebhookEventType.LINK_CREATED, "later", "principal", "later");
        assertThat(node.runOnce()).as("a disabled endpoint gets nothing").isZero();
    }
}
