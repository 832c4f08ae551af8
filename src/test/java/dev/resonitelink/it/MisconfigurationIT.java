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
import org.junit.jupiter.api.Test;

/**
 * A deployment with bad settings must fail at once with one message naming every bad key, and never echo the
 * secret. Starts its own Payara Micro, configured through the environment as an operator would.
 */
class MisconfigurationIT {

    @Test
    void badSettingsStopTheDeploymentWithOneMessageNamingEachKey() throws Exception {
        Path log = Files.createTempFile("misconfigured-payara", ".log");
        int port = Integer.getInteger("it.misconfigured.port");
        ProcessBuilder builder = new ProcessBuilder(List.of(
                new File(System.getProperty("java.home"), "bin/java").getPath(), "-Xmx384m",
                "-jar", System.getProperty("payara.microJar"),
                "--deploy", System.getProperty("it.war"), "--port", String.valueOf(port), "--nocluster"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().remove("RESONITE_CLIENT_ID");
        builder.environment().put("RESONITE_CLIENT_SECRET", "VERY-SECRET-VALUE-123");
        builder.environment().put("RESONITE_REDIRECT_URI", "http://events.example/callback");
        builder.environment().put("RESONITE_SCOPES", "profile emial");
        Process payara = builder.start();
        try {
            String output = waitFor(log, payara, "ready in", Duration.ofMinutes(3));
            assertThat(output).contains("resonite-link configuration is invalid")
                    .contains("resonite.client-id is missing")
                    .contains("resonite.redirect-uri must be an absolute https URI")
                    .contains("unknown scope 'emial'")
                    .doesNotContain("VERY-SECRET-VALUE-123");
            Browser.Page page = new Browser().get(URI.create("http://localhost:" + port + "/resonite-link/login"));
            assertThat(page.status()).as("the application must not be serving").isEqualTo(404);
        } finally {
            payara.destroy();
            payara.waitFor();
        }
    }

    private static String waitFor(Path log, Process process, String marker, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        String output = "";
        while (Instant.now().isBefore(deadline) && process.isAlive()) {
            output = Files.readString(log, StandardCharsets.UTF_8);
            if (output.contains(marker)) {
                return output;
            }
            Thread.sleep(250);
        }
        return Files.readString(log, StandardCharsets.UTF_8);
    }
}
