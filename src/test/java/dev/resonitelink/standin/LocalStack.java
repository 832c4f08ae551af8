package dev.resonitelink.standin;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import dev.resonitelink.it.PayaraNode;
import java.util.Map;

/**
 * The Resonite stand-in and the real WAR on Payara Micro beside it, configured through environment variables
 * exactly as a deployment would be: what {@code mvn -Pdemo} and the load benchmark run.
 *
 * @param startup from starting the Payara Micro process to the first 200 of the sign-in page
 */
public record LocalStack(ResoniteStandIn standIn, PayaraNode node, URI app, Duration startup) implements AutoCloseable {

    public static final String CLIENT_ID = "resonite-link-demo";
    public static final String CLIENT_SECRET = "demo-secret-not-for-production";
    /** The one-time code that makes the first organizer, new for every run (an operator's secret in production). */
    private static final String ORGANIZER_CODE = "DEMO-" + String.format("%016x", new SecureRandom().nextLong());

    /**
     * Starts both; {@code jvmOptions} go to Payara Micro's JVM; its output goes to {@code log}, or to this
     * process's output when null.
     */
    public static LocalStack start(String payaraJar, String war, int httpPort, int standInPort, String preBootCommands,
                                   List<String> jvmOptions, Path log) throws IOException, InterruptedException {
        return start(payaraJar, war, httpPort, standInPort, preBootCommands, jvmOptions, log, Map.of());
    }

    /** The same, with more of the deployment's settings as environment variables (e.g. single sign-on). */
    public static LocalStack start(String payaraJar, String war, int httpPort, int standInPort, String preBootCommands,
                                   List<String> jvmOptions, Path log, Map<String, String> settings)
            throws IOException, InterruptedException {
        return start(payaraJar, war, httpPort, standInPort, preBootCommands, jvmOptions, log, settings, false);
    }

    /**
     * The same, on PostgreSQL instead of the embedded H2 when {@code postgres} (server-config/payara/postgresql.asadmin;
     * the {@code DB_*} connection settings among {@code settings}).
     */
    public static LocalStack start(String payaraJar, String war, int httpPort, int standInPort, String preBootCommands,
                                   List<String> jvmOptions, Path log, Map<String, String> settings, boolean postgres)
            throws IOException, InterruptedException {
        return start(payaraJar, PayaraNode.java(), war, httpPort, standInPort, preBootCommands, jvmOptions, log,
                settings, postgres);
    }

    /** The same on a Payara Micro run by this {@code java} (the benchmark's Payara 6, on the build's own JDK). */
    public static LocalStack start(String payaraJar, Path java, String war, int httpPort, int standInPort,
                                   String preBootCommands, List<String> jvmOptions, Path log,
                                   Map<String, String> settings, boolean postgres)
            throws IOException, InterruptedException {
        ResoniteStandIn standIn = standIn(httpPort, standInPort);
        Map<String, String> env = environment(standIn, httpPort);
        env.putAll(settings);
        PayaraNode.Launch launch = PayaraNode.launch("demo", httpPort).files(payaraJar, war, java)
                .preBoot(preBootCommands)
                .jvm(jvmOptions).env(env);
        if (postgres) {
            launch.postgres();
        }
        long started = System.nanoTime();
        PayaraNode node = (log == null ? launch.inheritOutput() : launch.logTo(log)).start();
        try {
            // with single sign-on the sign-in page redirects to the provider; its "choose" variant answers 200 itself
            node.awaitServing("oidc".equals(settings.get("RESONITE_LINK_SIGN_IN")) ? "login?choose" : "login",
                    Duration.ofMinutes(4));
        } catch (RuntimeException | AssertionError e) {
            new LocalStack(standIn, node, node.url(), Duration.ZERO).close();
            throw new IllegalStateException("Payara Micro did not come up" + (log == null ? "" : "; see " + log), e);
        }
        return new LocalStack(standIn, node, node.url(), Duration.ofNanos(System.nanoTime() - started));
    }

    /** A stand-in with this app registered as a client on {@code httpPort}, and two users to link ("ada", "minimal"). */
    public static ResoniteStandIn standIn(int httpPort, int standInPort) throws IOException {
        ResoniteStandIn standIn = ResoniteStandIn.start(standInPort)
                .register(new ResoniteStandIn.Client(CLIENT_ID, CLIENT_SECRET, redirectUri(httpPort)));
        standIn.addUser(new ResoniteStandIn.User("ada", "resonite",
                ResoniteStandIn.readProfile("/standin/resonite-profile-full.json")));
        standIn.addUser(new ResoniteStandIn.User("minimal", "resonite",
                ResoniteStandIn.readProfile("/standin/resonite-profile-minimal.json")));
        return standIn;
    }

    /** The deployment's settings, as environment variables, for the app on {@code httpPort} beside this stand-in. */
    public static Map<String, String> environment(ResoniteStandIn standIn, int httpPort) {
        Map<String, String> env = new HashMap<>();
        env.put("RESONITE_CLIENT_ID", CLIENT_ID);
        env.put("RESONITE_CLIENT_SECRET", CLIENT_SECRET);
        env.put("RESONITE_REDIRECT_URI", redirectUri(httpPort).toString());
        env.put("RESONITE_BASE_URI", standIn.baseUri().toString());
        env.put("RESONITE_SCOPES", "openid profile email patreon offline_access");
        env.put("RESONITE_REVOCATION_URI", "connect/revocation");
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        env.put("RESONITE_LINK_TOKEN_ENCRYPTION_KEY", Base64.getEncoder().encodeToString(key));
        env.put("RESONITE_ICON_BASE_URI", standIn.baseUri() + "assets/");
        env.put("RESONITE_LINK_ORGANIZER_BOOTSTRAP_CODE", ORGANIZER_CODE);
        return env;
    }

    private static URI redirectUri(int httpPort) {
        return URI.create("http://localhost:" + httpPort + "/resonite-link/oauth/callback");
    }

    /** The Payara Micro process (for its pid and exit code). */
    public Process payara() {
        return node.process();
    }

    /**
     * Creates a local account and makes it the first organizer, as an operator would: sign up, sign in, and present
     * the one-time bootstrap code on /organizer-claim.
     */
    public HttpClient createOrganizer(String name, String password) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new dev.resonitelink.it.BrowserCookies())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        submit(client, "signup", Map.of("username", name, "password", password));
        submit(client, "login", Map.of("username", name, "password", password));
        int status = submit(client, "organizer-claim", Map.of("code", ORGANIZER_CODE)).statusCode();
        if (status != 302) {
            throw new IllegalStateException("could not make " + name + " an organizer (HTTP " + status + ")");
        }
        return client;
    }

    /** The demo's event: what a person needs to try registering and the world's admission check. */
    public record SampleEvent(URI page, String id, String admissionKey, java.util.List<String> ticketCodes) {
        public URI admissionUrl(String resoniteId) {
            return page.resolve("../api/events/" + id + "/admission/" + resoniteId + "?key=" + admissionKey);
        }
    }

    /**
     * Makes a published, ticketed sample event with 20 places a week from now, as an organizer would on the events
     * page (the organizer's {@code client} from {@link #createOrganizer}), its admission key and five ticket codes.
     */
    public SampleEvent createSampleEvent(HttpClient organizer) throws IOException, InterruptedException {
        java.time.LocalDateTime start = java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).plusDays(7)
                .withHour(18).withMinute(0).withSecond(0).withNano(0);
        HttpResponse<String> created = submit(organizer, "organizer/events", Map.of("title", "Sample workshop",
                "description", "A ticketed workshop to try registering and the admission check.",
                "location", "Sample workshop world", "timeZone", "UTC", "startsAt", start.toString(),
                "endsAt", start.plusHours(2).toString(), "capacity", "20", "listed", "on", "ticketRequired", "on"));
        String location = created.headers().firstValue("Location").orElseThrow(() ->
                new IllegalStateException("the sample event was not made (HTTP " + created.statusCode() + ")"));
        String id = location.replaceAll(".*/organizer/events/([a-z2-7]{16}).*", "$1");
        String manage = "organizer/events/" + id;
        submit(organizer, manage, Map.of("action", "publish"));
        String key = first(submit(organizer, manage, Map.of("action", "rotate-key")).body(), "id=\"admission-key\">([a-z2-7]+)<");
        String tickets = submit(organizer, manage, Map.of("action", "tickets", "count", "5")).body();
        java.util.List<String> codes = java.util.regex.Pattern.compile("<li><code>([a-z2-7-]+)</code></li>").matcher(tickets)
                .results().map(m -> m.group(1)).toList();
        return new SampleEvent(app.resolve("events/" + id), id, key, codes);
    }

    /**
     * Registers {@code url} as a webhook endpoint for every event type, as an organizer would on the webhooks page;
     * returns its signing secret (shown once).
     */
    public String createWebhook(HttpClient organizer, URI url) throws IOException, InterruptedException {
        String page = organizer.send(HttpRequest.newBuilder(app.resolve("organizer/webhooks")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        StringBuilder body = new StringBuilder("csrf=" + first(page, "name=\"csrf\" value=\"([^\"]+)\"")
                + "&description=demo+receiver&url=" + java.net.URLEncoder.encode(url.toString(),
                java.nio.charset.StandardCharsets.UTF_8));
        java.util.regex.Pattern.compile("name=\"eventType\" value=\"([a-z.]+)\"").matcher(page).results()
                .forEach(type -> body.append("&eventType=").append(type.group(1)));
        String created = organizer.send(HttpRequest.newBuilder(app.resolve("organizer/webhooks"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return first(created, "id=\"webhook-secret\">(whsec_[^<]+)<");
    }

    private static String first(String page, String regex) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile(regex).matcher(page);
        if (!matcher.find()) {
            throw new IllegalStateException("not found on the page: " + regex);
        }
        return matcher.group(1);
    }

    /** GETs the page for its CSRF token, then POSTs the form; returns the POST's answer. */
    private HttpResponse<String> submit(HttpClient client, String path, Map<String, String> fields)
            throws IOException, InterruptedException {
        String page = client.send(HttpRequest.newBuilder(app.resolve(path)).build(), HttpResponse.BodyHandlers.ofString()).body();
        String csrf = first(page, "name=\"csrf\" value=\"([^\"]+)\"");
        StringBuilder body = new StringBuilder("csrf=" + csrf);
        fields.forEach((k, v) -> body.append('&').append(k).append('=')
                .append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8)));
        return client.send(HttpRequest.newBuilder(app.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        try {
            node.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            standIn.close();
        }
    }
}
