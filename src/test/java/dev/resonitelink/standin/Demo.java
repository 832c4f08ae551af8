package dev.resonitelink.standin;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code mvn -Pdemo}: starts the Resonite stand-in and the real WAR on Payara Micro beside it, configured through
 * environment variables exactly as a deployment would be, and prints where to click. Ctrl-C stops both.
 */
public final class Demo {

    public static final String CLIENT_ID = "resonite-link-demo";
    public static final String CLIENT_SECRET = "demo-secret-not-for-production";

    public static void main(String[] args) throws Exception {
        String payaraJar = args[0];
        String war = args[1];
        int httpPort = Integer.parseInt(args[2]);
        int standInPort = Integer.parseInt(args[3]);
        String preBootCommands = args[4];
        URI redirect = URI.create("http://localhost:" + httpPort + "/resonite-link/oauth/callback");

        ResoniteStandIn standIn = ResoniteStandIn.start(standInPort)
                .register(new ResoniteStandIn.Client(CLIENT_ID, CLIENT_SECRET, redirect));
        standIn.addUser(new ResoniteStandIn.User("ada", "resonite",
                ResoniteStandIn.readProfile("/standin/resonite-profile-full.json")));
        standIn.addUser(new ResoniteStandIn.User("minimal", "resonite",
                ResoniteStandIn.readProfile("/standin/resonite-profile-minimal.json")));

        List<String> command = new ArrayList<>(List.of(
                new File(System.getProperty("java.home"), "bin/java").getPath(),
                "-jar", payaraJar, "--deploy", war, "--port", String.valueOf(httpPort), "--nocluster",
                "--prebootcommandfile", preBootCommands));
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        Map<String, String> env = builder.environment();
        env.put("RESONITE_CLIENT_ID", CLIENT_ID);
        env.put("RESONITE_CLIENT_SECRET", CLIENT_SECRET);
        env.put("RESONITE_REDIRECT_URI", redirect.toString());
        env.put("RESONITE_BASE_URI", standIn.baseUri().toString());
        env.put("RESONITE_SCOPES", "profile email patreon offline_access");
        env.put("RESONITE_REVOCATION_URI", "connect/revocation");
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        env.put("RESONITE_LINK_TOKEN_ENCRYPTION_KEY", java.util.Base64.getEncoder().encodeToString(key));
        env.put("RESONITE_ICON_BASE_URI", standIn.baseUri() + "assets/");
        env.put("RESONITE_LINK_ORGANIZERS", "organizer");
        Process payara = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            payara.destroy();
            standIn.close();
        }));

        URI app = URI.create("http://localhost:" + httpPort + "/resonite-link/");
        if (!waitUntilUp(app.resolve("login"), payara)) {
            System.err.println("Payara Micro did not come up; see its output above.");
            payara.destroy();
            standIn.close();
            System.exit(1);
        }
        System.out.println("""

                ================================================================================
                 resonite-link is running on Payara Micro:  %s
                 Resonite stand-in (local, fake):           %s

                 1. Open %s, sign up, sign in.
                 2. Press "Link Resonite account".
                 3. On the stand-in's page sign in as  ada / resonite  (or minimal / resonite), Allow.
                 You are back on your account page, linked.
                 Sign up as "organizer" to see the registrants list. Ctrl-C stops everything.
                ================================================================================
                """.formatted(app, standIn.baseUri(), app));
        System.exit(payara.waitFor());
    }

    private static boolean waitUntilUp(URI uri, Process payara) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        while (Instant.now().isBefore(deadline) && payara.isAlive()) {
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(uri).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return true;
                }
            } catch (java.io.IOException e) {
                // not up yet
            }
            Thread.sleep(500);
        }
        return false;
    }

    private Demo() {
    }
}
