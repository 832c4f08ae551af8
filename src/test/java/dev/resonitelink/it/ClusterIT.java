package dev.resonitelink.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resonitelink.standin.ResoniteStandIn;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two Payara Micro nodes with the same WAR, clustered by Payara's own Hazelcast on loopback, sharing one PostgreSQL:
 * a flow started on one node completes on the other, even when the first node is gone. The test plays the load
 * balancer by choosing the node each request goes to. One cluster serves the class (its tests use users and events of
 * their own); the test that stops a node runs last.
 */
@Tag("postgres")
@Tag("postgres-only")
@Tag("own-payara")
@Slow
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final List<PayaraNode> nodes = new ArrayList<>();

    @BeforeAll
    static void startCluster() throws Exception {
        Assumptions.assumeTrue(Postgres.enabled(), "runs in the PostgreSQL execution");
        Postgres.start();
        String clusterName = "it-" + UUID.randomUUID().toString().substring(0, 8);
        TestServersExtension.BeforeEachDeployment.waitUntilFree(Integer.getInteger("it.own.port"));
        PayaraNode.startCluster(List.of(node("a", Integer.getInteger("it.own.port"), 5901, clusterName),
                node("b", Integer.getInteger("it.node2.port"), 5911, clusterName)), nodes);
    }

    @BeforeEach
    void resetStandIn() {
        StandIn.get().reset();
    }

    @AfterAll
    static void stopCluster() throws Exception {
        for (PayaraNode node : nodes) {
            node.close();
        }
        nodes.clear();
    }

    /** The same browser, talking to the given node (cookies are per host, not per port, as for a load balancer). */
    private static URI on(PayaraNode node, URI uri) {
        return URI.create(uri.toString().replaceFirst("//localhost:\\d+/", "//localhost:" + node.port() + "/"));
    }

    @Test
    @Order(1)
    void aFlowStartedOnOneNodeCompletesOnTheOther() throws Exception {
        PayaraNode a = nodes.get(0);
        PayaraNode b = nodes.get(1);
        Site site = Site.signedIn(a.url().toURL());
        ResoniteStandIn.User user = StandIn.newUser();
        Browser.Page back = site.consent(site.startLink(), user, "allow", List.of("email"));

        Browser.Page callbackOnB = site.browser().get(on(b, back.locationUri()));
        assertThat(callbackOnB.status()).as(callbackOnB.body()).isEqualTo(302);
        assertThat(callbackOnB.location()).endsWith("/account?linked");
        Browser.Page accountOnB = site.browser().get(on(b, site.at("account")));
        assertThat(accountOnB.text("#resonite-id")).isEqualTo(user.id());
        assertThat(site.storedLink().getString("resoniteId")).as("node A reads the same database").isEqualTo(user.id());
    }

    /**
     * Last: node A stays stopped. Issue 27 on the same occasion: a webhook receiver is down while links are made
     * through node A, which tries to deliver them; A dies; when the receiver is back, node B delivers every event once
     * (a duplicate would carry the same webhook-id), each user's in order.
     */
    @Test
    @Order(3)
    void aNodeStoppedBetweenStartAndCallbackLosesNothingAndItsWebhooksArriveOnceFromTheOther() throws Exception {
        PayaraNode a = nodes.get(0);
        PayaraNode b = nodes.get(1);
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            receiver.stop();
            Site organizer = Organizers.signedIn(a.url().toURL());
            Browser.Page endpoint = organizer.browser().request("POST", organizer.at("api/webhooks"), "application/json",
                    "{\"url\":\"" + receiver.url("cluster") + "\",\"eventTypes\":[\"link.created\",\"link.removed\"]}");
            assertThat(endpoint.status()).as(endpoint.body()).isEqualTo(201);
            jakarta.json.JsonObject created = jakarta.json.Json.createReader(new java.io.StringReader(endpoint.body()))
                    .readObject();
            receiver.secrets = List.of(created.getString("secret"));
            List<String> linkedOnA = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Site user = Site.signedIn(a.url().toURL());
                assertThat(user.link(StandIn.newUser()).status()).isEqualTo(302);
                if (i % 2 == 0) {
                    user.unlink();
                }
                linkedOnA.add(user.username());
            }
            org.awaitility.Awaitility.await("the nodes to try the receiver that is down")
                    .atMost(java.time.Duration.ofSeconds(20)).until(() -> Integer.parseInt(Postgres.query(
                            "select count(*) from webhook_delivery where attempts > 0").get(0).get(0)) > 0);

            Site site = Site.signedIn(a.url().toURL());
            ResoniteStandIn.User user = StandIn.newUser();
            Browser.Page back = site.consent(site.startLink(), user, "allow", List.of());
            a.close();
            Browser.Page callbackOnB = site.browser().get(on(b, back.locationUri()));
            assertThat(callbackOnB.status()).as(callbackOnB.body()).isEqualTo(302);
            assertThat(callbackOnB.location()).endsWith("/account?linked");
            assertThat(site.browser().get(on(b, site.at("account"))).text("#resonite-id")).isEqualTo(user.id());

            receiver.restart();
            int events = 4 + 2 + 1;
            org.awaitility.Awaitility.await("every event from node B").atMost(java.time.Duration.ofSeconds(60))
                    .until(() -> receiver.accepted().stream().map(WebhookReceiver.Received::id).distinct().count()
                            == events);
            assertThat(receiver.requests).allSatisfy(r -> assertThat(r.verified()).isTrue());
            java.util.Map<String, List<String>> typesById = new java.util.HashMap<>();
            for (WebhookReceiver.Received r : receiver.accepted()) {
                typesById.computeIfAbsent(r.id(), id -> new ArrayList<>()).add(r.type());
            }
            assertThat(typesById).hasSize(events);
            for (String name : List.of(linkedOnA.get(0), linkedOnA.get(2))) {
                assertThat(receiver.accepted().stream().filter(r -> name.equals(r.data().getString("principal")))
                        .map(WebhookReceiver.Received::type).distinct().toList())
                        .as("in order").containsExactly("link.created", "link.removed");
            }
            assertThat(receiver.accepted().stream().filter(r -> site.username().equals(r.data().getString("principal"))))
                    .as("the link node B completed").hasSize(1);
            Browser.Page removed = organizer.browser().request("POST", on(b, organizer.at("api/webhooks/"
                    + created.getString("id") + "/delete")), null, null);
            assertThat(removed.status()).isIn(204, 401); // (A's session may be gone with A: the class ends anyway)
        }
    }

    /** Issue 24: 100 attendees, half through each node, press Register at once for 10 places: the database decides. */
    @Test
    @Order(2)
    void aRushThroughBothNodesNeverOverbooks() throws Exception {
        PayaraNode a = nodes.get(0);
        PayaraNode b = nodes.get(1);
        Site organizer = Organizers.signedIn(a.url().toURL());
        String event = EventsIT.createEvent(organizer, "Cluster rush", 10, false);
        String key = EventsIT.publishWithKey(organizer, event);
        // four at a time, half signing up and in on each node: each sign-up and sign-in hashes a password, and a node
        // hashes one per two cores at once, so two per node keep each node's hashing busy without turning one away
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        List<java.util.concurrent.Future<Site>> made = new ArrayList<>();
        for (int i = 0; i < 100; i++) { // linked through A (Resonite's redirect URI names A's port)
            PayaraNode signInNode = i % 2 == 0 ? a : b;
            made.add(pool.submit(() -> {
                Site signedIn = Site.signedIn(signInNode.url().toURL());
                Site site = Site.at(a.url(), signedIn.browser()); // the same browser, its session the cluster's
                assertThat(site.link(StandIn.newUser()).status()).isEqualTo(302);
                return site;
            }));
        }
        List<Site> attendees = new ArrayList<>();
        for (java.util.concurrent.Future<Site> site : made) {
            attendees.add(site.get());
        }
        pool.shutdown();
        List<Map<String, String>> forms = new ArrayList<>();
        for (int i = 0; i < attendees.size(); i++) { // the sessions are the cluster's: half go on through B
            Site attendee = attendees.get(i);
            Browser.Page page = attendee.browser().get(on(i % 2 == 0 ? a : b, attendee.at("register/" + event)));
            forms.add(new java.util.HashMap<>(Map.of("csrf", page.form("form[action$=/logout]").get("csrf"),
                    "action", "register")));
        }
        java.util.concurrent.ExecutorService rush = java.util.concurrent.Executors.newFixedThreadPool(32);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<String>> outcomes = new ArrayList<>();
        for (int i = 0; i < attendees.size(); i++) {
            Site attendee = attendees.get(i);
            Map<String, String> form = forms.get(i);
            URI register = on(i % 2 == 0 ? a : b, attendee.at("register/" + event));
            outcomes.add(rush.submit(() -> {
                go.await();
                return attendee.browser().post(register, form).document()
                        .select("#registration-outcome").attr("data-outcome");
            }));
        }
        go.countDown();
        List<String> results = new ArrayList<>();
        for (java.util.concurrent.Future<String> outcome : outcomes) {
            results.add(outcome.get());
        }
        rush.shutdown();
        assertThat(results).filteredOn("REGISTERED"::equals).hasSize(10);
        assertThat(results).filteredOn("WAITLISTED"::equals).hasSize(90);
        assertThat(Postgres.query("select count(*) from event_registration where event_id = '" + event
                + "' and status = 'REGISTERED'")).containsExactly(List.of("10"));
        assertThat(Postgres.query("select registered from site_event where id = '" + event + "'"))
                .containsExactly(List.of("10"));
        assertThat(new Browser().get(b.url().resolve("api/events/" + event + "/admission-list?key=" + key)).body().lines())
                .as("node B's answer").hasSize(10);
    }

    private static PayaraNode.Launch node(String name, int port, int hazelcastPort, String cluster) {
        return PayaraNode.launch(name, port).preBoot().postgres()
                .cluster(cluster, hazelcastPort, List.of(5901, 5911))
                .env(Map.of("RESONITE_CLIENT_ID", StandIn.OWN_CLIENT_ID, "RESONITE_CLIENT_SECRET", StandIn.CLIENT_SECRET,
                        "RESONITE_REDIRECT_URI", OwnDeployment.url().resolve("oauth/callback").toString(),
                        "RESONITE_BASE_URI", StandIn.get().baseUri().toString(), "RESONITE_SCOPES", "profile email patreon",
                        "RESONITE_LINK_ORGANIZER_BOOTSTRAP_CODE", Organizers.BOOTSTRAP_CODE,
                        "RESONITE_LINK_WEBHOOKS_ALLOW_LOOPBACK", "true",
                        // the same as the shared deployment's (it/server.properties), which reads the same database
                        "RESONITE_LINK_WEBHOOKS_RETRY_DELAYS_SECONDS", "1,1,1,1,1,2,2,2,2,2,3,3,3,3,3,5,5,5,5,5",
                        "RESONITE_LINK_WEBHOOKS_POLL_INTERVAL_MS", "500"));
    }
}
