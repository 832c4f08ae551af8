package dev.resonitelink.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/**
 * What a deployment's settings do, each proven on its own Payara Micro configured through the environment as an
 * operator would configure it.
 */
@Tag("own-payara")
@Slow
class DeploymentSettingsIT {

    @Test
    void badSettingsStopTheDeploymentWithOneMessageNamingEachKey() throws Exception {
        try (PayaraNode payara = payara(Map.of(
                "RESONITE_CLIENT_SECRET", "VERY-SECRET-VALUE-123",
                "RESONITE_REDIRECT_URI", "http://events.example/callback",
                "RESONITE_SCOPES", "profile emial offline_access",
                "RESONITE_LINK_API_TOKEN", "short"))) {
            assertThat(payara.output()).contains("resonite-link configuration is invalid")
                    .contains("resonite.client-id is missing")
                    .contains("resonite.redirect-uri must be an absolute https URI")
                    .contains("unknown scope 'emial'")
                    .contains("resonite-link.api-token must be at least 16 characters")
                    .contains("asks for offline_access, but resonite-link.token-encryption-key is not set")
                    .doesNotContain("VERY-SECRET-VALUE-123");
            assertThat(get(payara, "login").status()).as("the application must not be serving").isEqualTo(404);
        }
    }

    @Test
    void signUpsArePerAddressLimited() throws Exception {
        try (PayaraNode payara = payara(Map.of(
                "RESONITE_CLIENT_ID", "client",
                "RESONITE_CLIENT_SECRET", "secret",
                "RESONITE_REDIRECT_URI", "http://localhost/resonite-link/oauth/callback",
                "RESONITE_LINK_SIGN_UP_PER_ADDRESS_PER_HOUR", "2"))) {
            Site site = Site.at(payara.url(), new Browser());
            site.signUp("first" + java.util.UUID.randomUUID().toString().substring(0, 6));
            site.signUp("second" + java.util.UUID.randomUUID().toString().substring(0, 6));
            java.util.Map<String, String> form = site.browser().get(site.at("signup")).form("form[action$=/signup]");
            form.put("username", "third" + java.util.UUID.randomUUID().toString().substring(0, 6));
            form.put("password", Site.PASSWORD);
            Browser.Page third = site.browser().post(site.at("signup"), form);
            assertThat(third.status()).isEqualTo(429);
            assertThat(third.header("Retry-After")).isEqualTo("3600");
            assertThat(third.text("[role=alert]")).contains("Too many accounts");
        }
    }

    /** run-micro.sh as an operator runs it (its JDK, its command file, one node); an https redirect URI. */
    @Test
    void theSingleNodeScriptFindsAJava21AppliesItsCommandsAndAnHttpsRedirectUriMakesTheCookieSecure() throws Exception {
        Path script = Path.of(System.getProperty("it.preboot")).resolveSibling("run-micro.sh");
        Path settings = Files.createTempFile("resonite-link", ".properties");
        Files.writeString(settings, "resonite.client-id=client\n"
                + "resonite.redirect-uri=https://events.example/resonite-link/oauth/callback\n");
        try (PayaraNode payara = PayaraNode.launch("script", Integer.getInteger("it.misconfigured.port"))
                .env(Map.of("RESONITE_CLIENT_SECRET", "secret")).startScript(script, settings.toString()).awaitReady()) {
            // the script execs java: the process is the JVM the script chose
            Path java = Path.of(payara.process().info().command().orElseThrow());
            assertThat(Runtime.Version.parse(Files.readAllLines(java.getParent().resolveSibling("release")).stream()
                    .filter(line -> line.startsWith("JAVA_VERSION=")).findFirst().orElseThrow()
                    .replaceAll("JAVA_VERSION=\"(.*)\"", "$1")).feature()).as(java.toString()).isGreaterThanOrEqualTo(21);
            for (String setting : BootCommands.settings(script.resolveSibling("pre-boot-single-node.asadmin"))) {
                assertThat(BootCommands.applied(payara.output(), setting)).as("applied: " + setting).isTrue();
            }
            assertThat(BootCommands.applied(payara.output(),
                    "configs.config.server-config.hazelcast-config-specific-configuration.clustering-enabled=false"))
                    .as("--nocluster").isTrue();
            // security round 3, item 4: a data grid member is trusted with every session and cluster-wide command,
            // and Payara Micro's default finds members by multicast; the single node must have no grid to join
            try (PayaraNode stranger = PayaraNode.launch("stranger", Integer.getInteger("it.node2.port")).startWithDefaults()) {
                assertThat(stranger.dataGridSize()).as("a default Payara Micro on this machine finds nobody to join")
                        .isEqualTo(1);
                Thread.sleep(3000); // a late join would show in both logs
                assertThat(stranger.dataGridSize()).isEqualTo(1);
            }
            assertThat(payara.dataGridSize()).as("the node's grid (clustering off) has itself only").isEqualTo(1);
            assertThat(BootCommands.applied(payara.output(), "configs.config.server-config.network-config"
                    + ".network-listeners.network-listener.http-listener.address=127.0.0.1")).as("bound to loopback").isTrue();
            for (java.net.InetAddress other : otherAddressesOfThisMachine()) {
                try (java.net.Socket socket = new java.net.Socket()) {
                    assertThatThrownBy(() -> socket.connect(new java.net.InetSocketAddress(other, payara.port()), 2000))
                            .as("not reachable at " + other).isInstanceOf(java.io.IOException.class);
                }
            }
            Browser.Page login = get(payara, "login");
            assertThat(login.status()).isEqualTo(200);
            assertThat(login.headers().firstValue("Server")).isEmpty();
            assertThat(login.headers().allValues("Set-Cookie")).as("no replicated session on one node")
                    .noneMatch(cookie -> cookie.startsWith("JSESSIONIDVERSION="))
                    .anySatisfy(cookie -> assertThat(cookie).startsWith("JSESSIONID=").contains("Secure")
                            .contains("HttpOnly").contains("SameSite=Lax"));
        } finally {
            Files.delete(settings);
        }
    }

    /** This machine's addresses other than loopback (a CI machine has at least its network's). */
    private static List<java.net.InetAddress> otherAddressesOfThisMachine() throws java.net.SocketException {
        return java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(nic -> java.util.Collections.list(nic.getInetAddresses()).stream())
                .filter(address -> !address.isLoopbackAddress() && !address.isLinkLocalAddress()).toList();
    }

    /** A Payara Micro with the production WAR and the given environment, on the port the build reserved. */
    private static PayaraNode payara(Map<String, String> environment) throws Exception {
        return PayaraNode.launch("settings", Integer.getInteger("it.misconfigured.port")).preBoot().env(environment)
                .start().awaitReady();
    }

    private static Browser.Page get(PayaraNode payara, String path) {
        return new Browser().get(payara.url().resolve(path));
    }
}
