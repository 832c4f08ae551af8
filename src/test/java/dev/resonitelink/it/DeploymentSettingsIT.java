package dev.resonitelink.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a deployment's settings do, each proven on its own Payara Micro configured through the environment as an
 * operator would configure it.
 */
class DeploymentSettingsIT {

    @Test
    void badSettingsStopTheDeploymentWithOneMessageNamingEachKey() throws Exception {
        try (Payara payara = Payara.start(Map.of(
                "RESONITE_CLIENT_SECRET", "VERY-SECRET-VALUE-123",
                "RESONITE_REDIRECT_URI", "http://events.example/callback",
                "RESONITE_SCOPES", "profile emial"))) {
            assertThat(payara.output()).contains("resonite-link configuration is invalid")
                    .contains("resonite.client-id is missing")
                    .contains("resonite.redirect-uri must be an absolute https URI")
                    .contains("unknown scope 'emial'")
                    .doesNotContain("VERY-SECRET-VALUE-123");
            assertThat(payara.get("login").status()).as("the application must not be serving").isEqualTo(404);
        }
    }

    @Test
    void anHttpsRedirectUriMakesTheSessionCookieSecure() throws Exception {
        try (Payara payara = Payara.start(Map.of(
                "RESONITE_CLIENT_ID", "client",
                "RESONITE_CLIENT_SECRET", "secret",
                "RESONITE_REDIRECT_URI", "https://events.example/resonite-link/oauth/callback"))) {
            Browser.Page login = payara.get("login");
            assertThat(login.status()).isEqualTo(200);
            assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                    .startsWith("JSESSIONID=").contains("Secure").contains("HttpOnly").contains("SameSite=Lax"));
        }
    }

    /** A Payara Micro with the production WAR and the given environment, on the port the build reserved. */
    private record Payara(Process process, Path log, int port) implements AutoCloseable {

        static Payara start(Map<String, String> environment) throws Exception {
            Path log = Files.createTempFile("payara-settings", ".log");
            int port = Integer.getInteger("it.misconfigured.port");
            ProcessBuilder builder = new ProcessBuilder(List.of(
                    new File(System.getProperty("java.home"), "bin/java").getPath(), "-Xmx384m",
                    "-jar", System.getProperty("payara.microJar"),
                    "--deploy", System.getProperty("it.war"), "--port", String.valueOf(port), "--nocluster",
                    "--prebootcommandfile", System.getProperty("it.preboot")))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().keySet().removeIf(key -> key.startsWith("RESONITE_"));
            builder.environment().putAll(environment);
            Payara payara = new Payara(builder.start(), log, port);
            payara.waitFor("ready in", Duration.ofMinutes(3));
            return payara;
        }

        String output() throws Exception {
            return Files.readString(log, StandardCharsets.UTF_8);
        }

        Browser.Page get(String path) {
            return new Browser().get(URI.create("http://localhost:" + port + "/resonite-link/" + path));
        }

        private void waitFor(String marker, Duration timeout) throws Exception {
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline) && process.isAlive()) {
                if (output().contains(marker)) {
                    return;
                }
                Thread.sleep(250);
            }
            throw new AssertionError("Payara Micro did not start:\n" + output());
        }

        @Override
        public void close() throws Exception {
            process.destroy();
            process.waitFor();
        }
    }
}
