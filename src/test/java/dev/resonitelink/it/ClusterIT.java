package dev.resonitelink.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resonitelink.standin.ResoniteStandIn;
import java.io.File;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two Payara Micro nodes with the same WAR, clustered by Payara's own Hazelcast on loopback, sharing one PostgreSQL:
 * a flow started on one node completes on the other, even when the first node is gone. The test plays the load
 * balancer by choosing the node each request goes to. PostgreSQL execution only.
 */
class ClusterIT {

    private final List<Node> nodes = new ArrayList<>();
    private String clusterName;

    @BeforeEach
    void startCluster() throws Exception {
        Assumptions.assumeTrue(Postgres.enabled(), "runs in the PostgreSQL execution");
        Postgres.start();
        StandIn.get().reset();
        clusterName = "it-" + UUID.randomUUID().toString().substring(0, 8);
        TestServersExtension.BeforeEachDeployment.waitUntilFree(Integer.getInteger("it.http.port"));
        nodes.add(Node.start("a", Integer.getInteger("it.http.port"), 5901, clusterName));
        nodes.add(Node.start("b", Integer.getInteger("it.node2.port"), 5911, clusterName));
        for (Node node : nodes) {
            node.awaitReady();
        }
        nodes.get(0).awaitOtherMember();
    }

    @AfterEach
    void stopCluster() throws Exception {
        for (Node node : nodes) {
            node.close();
        }
    }

    /** The same browser, talking to the given node (cookies are per host, not per port, as for a load balancer). */
    private static URI on(Node node, URI uri) {
        return URI.create(uri.toString().replaceFirst("//localhost:\\d+/", "//localhost:" + node.port + "/"));
    }

    @Test
    void aFlowStartedOnOneNodeCompletesOnTheOther() throws Exception {
        Node a = nodes.get(0);
        Node b = nodes.get(1);
        Site site = Site.signedIn(a.url());
        ResoniteStandIn.User user = StandIn.newUser();
        Browser.Page back = site.consent(site.startLink(), user, "allow", List.of("email"));

        Browser.Page callbackOnB = site.browser().get(on(b, back.locationUri()));
        assertThat(callbackOnB.status()).as(callbackOnB.body()).isEqualTo(302);
        assertThat(callbackOnB.location()).endsWith("/account?linked");
        Browser.Page accountOnB = site.browser().get(on(b, site.at("account")));
        assertThat(accountOnB.text("#resonite-id")).isEqualTo(user.id());
        assertThat(site.storedLink().getString("resoniteId")).as("node A reads the same database").isEqualTo(user.id());
    }

    @Test
    void aNodeStoppedBetweenStartAndCallbackLosesNothing() throws Exception {
        Node a = nodes.get(0);
        Node b = nodes.get(1);
        Site site = Site.signedIn(a.url());
        ResoniteStandIn.User user = StandIn.newUser();
        Browser.Page back = site.consent(site.startLink(), user, "allow", List.of());

        a.close();
        Browser.Page callbackOnB = site.browser().get(on(b, back.locationUri()));
        assertThat(callbackOnB.status()).as(callbackOnB.body()).isEqualTo(302);
        assertThat(callbackOnB.location()).endsWith("/account?linked");
        assertThat(site.browser().get(on(b, site.at("account"))).text("#resonite-id")).isEqualTo(user.id());
    }

    /** One Payara Micro of the cluster. */
    private static final class Node implements AutoCloseable {
        final int port;
        final Process process;
        final Path log;

        private Node(int port, Process process, Path log) {
            this.port = port;
            this.process = process;
            this.log = log;
        }

        static Node start(String name, int port, int hazelcastPort, String cluster) throws Exception {
            Path log = Files.createTempFile("node-" + name, ".log");
            String members = "127.0.0.1:5901,127.0.0.1:5911";
            ProcessBuilder builder = new ProcessBuilder(List.of(
                    new File(System.getProperty("java.home"), "bin/java").getPath(), "-Xmx512m",
                    "-jar", System.getProperty("payara.microJar"),
                    "--deploy", System.getProperty("it.war"),
                    "--port", String.valueOf(port), "--name", "node-" + name,
                    "--clustername", cluster, "--clustermode", "tcpip:" + members,
                    "--interfaces", "127.0.0.1", "--startport", String.valueOf(hazelcastPort),
                    "--addlibs", System.getProperty("it.postgresql.jar"),
                    "--prebootcommandfile", System.getProperty("it.preboot"),
                    "--postbootcommandfile", System.getProperty("it.postgresql.commands")))
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            env.put("RESONITE_CLIENT_ID", StandIn.CLIENT_ID);
            env.put("RESONITE_CLIENT_SECRET", StandIn.CLIENT_SECRET);
            env.put("RESONITE_REDIRECT_URI", "http://localhost:" + Integer.getInteger("it.http.port") + "/resonite-link/oauth/callback");
            env.put("RESONITE_BASE_URI", StandIn.get().baseUri().toString());
            env.put("RESONITE_SCOPES", "profile email patreon");
            return new Node(port, builder.start(), log);
        }

        URL url() throws Exception {
            return URI.create("http://localhost:" + port + "/resonite-link/").toURL();
        }

        String output() throws Exception {
            return Files.readString(log, StandardCharsets.UTF_8);
        }

        void awaitReady() throws Exception {
            await(() -> output().contains("ready in"), Duration.ofMinutes(3), "start");
        }

        void awaitOtherMember() throws Exception {
            await(() -> output().contains("Data Grid Instance Added"), Duration.ofMinutes(1), "see the other member");
        }

        private void await(java.util.concurrent.Callable<Boolean> condition, Duration timeout, String what) throws Exception {
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline) && process.isAlive()) {
                if (condition.call()) {
                    return;
                }
                Thread.sleep(250);
            }
            throw new AssertionError("node on port " + port + " did not " + what + ":\n" + output());
        }

        @Override
        public void close() throws Exception {
            if (process.isAlive()) {
                process.destroy();
                process.waitFor();
            }
        }
    }
}
