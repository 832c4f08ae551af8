package dev.resonitelink.it;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The site's identity provider in the tests and the demo: Spring Authorization Server (built from {@code src/test/idp}
 * into {@code target/test-idp/test-idp.jar}), started as its own process on a loopback port, so nothing of Spring
 * shares a classpath with the app or the tests. Its people are given at start; one fault at a time can be switched on.
 */
public final class TestIdp implements AutoCloseable {

    /** A person at the provider: sign-in name ({@code sub}), password, groups, display name, e-mail. */
    public record Person(String name, String password, List<String> groups, String displayName, String email) {
    }

    /** What the provider registers; the secrets are the tests' own, never a real one. */
    public record Registration(String siteClientId, String siteSecret, URI siteRedirect, URI sitePostLogout,
                               String resoniteClientId, String resoniteSecret, URI resoniteRedirect) {
    }

    private final Process process;
    private final URI issuer;
    private final HttpClient http = HttpClient.newHttpClient();

    private TestIdp(Process process, URI issuer) {
        this.process = process;
        this.issuer = issuer;
    }

    public static TestIdp start(int port, Registration registration, List<Person> people, Path log) {
        String jar = System.getProperty("it.idp.jar", "target/test-idp/test-idp.jar");
        if (!new File(jar).isFile()) {
            throw new IllegalStateException("no test identity provider at " + jar + ": run the tests through Maven");
        }
        URI issuer = URI.create("http://localhost:" + port);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar,
                "--server.port=" + port, "--server.address=127.0.0.1", "--idp.issuer=" + issuer,
                "--idp.site.client-id=" + registration.siteClientId(),
                "--idp.site.client-secret=" + registration.siteSecret(),
                "--idp.site.redirect-uris=" + registration.siteRedirect(),
                "--idp.site.post-logout-uris=" + registration.sitePostLogout(),
                "--idp.resonite.client-id=" + registration.resoniteClientId(),
                "--idp.resonite.client-secret=" + registration.resoniteSecret(),
                "--idp.resonite.redirect-uris=" + registration.resoniteRedirect(),
                "--idp.users=" + people.stream().map(p -> String.join(":", p.name(), p.password(),
                        String.join("|", p.groups()), p.displayName(), p.email())).collect(Collectors.joining(";"))));
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            process = (log == null ? builder.inheritIO() : builder.redirectOutput(log.toFile())).start();
        } catch (IOException e) {
            throw new IllegalStateException("could not start the test identity provider", e);
        }
        TestIdp idp = new TestIdp(process, issuer);
        try {
            await("test identity provider on port " + port).atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(250)).ignoreExceptionsInstanceOf(IOException.class)
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("the test identity provider exited" + (log == null
                                    ? "" : "; see " + log));
                        }
                        return idp.get(".well-known/openid-configuration") == 200;
                    });
        } catch (RuntimeException e) {
            idp.close();
            throw e;
        }
        return idp;
    }

    /** A new person with names of this run only (a shared database may hold rows of earlier runs). */
    public static Person person(String prefix, List<String> groups, String displayName) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        return new Person(name, "pw-" + name, groups, displayName, name + "@example.org");
    }

    public URI issuer() {
        return issuer;
    }

    /** Switches one fault on ({@code expired}, {@code wrong-issuer}, {@code wrong-audience}, {@code tampered}, {@code error}) or off ({@code none}). */
    public void fault(String name) {
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(issuer.resolve("/test/fault?name=" + name))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("fault " + name + " refused: HTTP " + answer.statusCode());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private int get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(issuer.resolve("/" + path)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
