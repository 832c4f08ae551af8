package dev.resonitelink.standin;

import com.nimbusds.oauth2.sdk.id.Issuer;
import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

/**
 * A faithful local stand-in for Resonite's OAuth 2.0 server, on the JDK's HTTP server: the authorization endpoint
 * with a sign-in and consent page ({@link ConsentPage}), the token endpoint ({@link TokenEndpoint}), revocation
 * ({@link RevocationEndpoint}), the profile endpoint ({@link ProfileEndpoint}) and avatars ({@link Avatars}). It
 * behaves as a real authorization server does: it never redirects to an unregistered redirect URI, codes are single
 * use and expire (a reused code also revokes the tokens it gave), the client secret, the redirect URI and the PKCE
 * verifier are checked, tokens expire, and the profile carries e-mail and Patreon data only for those scopes.
 * <p>
 * Tests move its {@link #clock()} instead of sleeping, and switch {@link #faults()} to make it slow, fail or send
 * garbage. It is test code: it is never packaged into the production WAR.
 */
public final class ResoniteStandIn implements AutoCloseable {

    /** A registered client. */
    public record Client(String id, String secret, URI redirectUri) {
    }

    /** A Resonite account that can sign in on the consent page. */
    public record User(String login, String password, JsonObject profile) {
        public String id() {
            return profile.getString("id");
        }
    }

    static {
        // Answer at once: without TCP_NODELAY the JDK server's separate header and body writes meet the client's
        // delayed ACK, and every answer waits ~40 ms (measured by the benchmark's floor: 88 ms for token + profile).
        // Read once, when the JDK's server configuration loads, so it is set before the first server starts.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final ExecutorService executor = Executors.newFixedThreadPool(16);
    private final SSLContext tls;
    private final StandInState state;
    private volatile HttpServer server;

    private ResoniteStandIn(int port, SSLContext tls) throws IOException {
        this.tls = tls;
        server = bind(port);
        state = new StandInState(new Issuer((tls == null ? "http" : "https") + "://localhost:" + server.getAddress().getPort()));
        route(server);
    }

    /** Starts a stand-in on 127.0.0.1 over plain http; port 0 picks a free one. */
    public static ResoniteStandIn start(int port) throws IOException {
        return startWith(port, null);
    }

    /** A stand-in served over https with the given server certificate, as Resonite itself is. */
    public static ResoniteStandIn startHttps(int port, SSLContext tls) throws IOException {
        return startWith(port, tls);
    }

    private static ResoniteStandIn startWith(int port, SSLContext tls) throws IOException {
        ResoniteStandIn standIn = new ResoniteStandIn(port, tls);
        standIn.server.start();
        return standIn;
    }

    private HttpServer bind(int port) throws IOException {
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", port);
        if (tls == null) {
            return HttpServer.create(address, 64);
        }
        HttpsServer https = HttpsServer.create(address, 64);
        https.setHttpsConfigurator(new HttpsConfigurator(tls));
        return https;
    }

    private void route(HttpServer http) {
        Supplier<Faults> faults = () -> state.faults;
        ProfileEndpoint profile = new ProfileEndpoint(state);
        http.setExecutor(executor);
        ConsentPage consent = new ConsentPage(state);
        TokenEndpoint token = new TokenEndpoint(state);
        RevocationEndpoint revocation = new RevocationEndpoint(state);
        // the paths working clients use, and the same endpoints under the paths the discovery document announces
        // (OpenIdProvider.ANNOUNCED), so a test can tell which ones a client took
        for (String prefix : List.of("/connect", OpenIdProvider.ANNOUNCED)) {
            counted(http.createContext(prefix + "/authorize", consent::handle));
            counted(http.createContext(prefix + "/token", token::handle)).getFilters().add(Faults.trickle(faults));
            counted(http.createContext(prefix + "/revocation", revocation::handle)).getFilters()
                    .add(Faults.trickle(faults));
        }
        http.createContext("/api/user/profile", profile::handle).getFilters().add(Faults.trickle(faults));
        http.createContext("/api/user/profiles", profile::handle).getFilters().add(Faults.trickle(faults));
        http.createContext("/assets/", Avatars::handle);
        counted(http.createContext("/.well-known/openid-configuration", state.openId::discovery));
        http.createContext("/.well-known/jwks.json", state.openId::jwks);
        http.createContext("/", exchange -> Exchanges.send(exchange, 404, "text/plain", "not found"));
    }

    /** Counts the requests to this context's exact path ({@link #requestsTo}). */
    private HttpContext counted(HttpContext context) {
        AtomicInteger count = state.requestsTo.computeIfAbsent(context.getPath(), path -> new AtomicInteger());
        context.getFilters().add(Filter.beforeHandler("count", exchange -> {
            if (exchange.getRequestURI().getPath().equals(context.getPath())) {
                count.incrementAndGet();
            }
        }));
        return context;
    }

    /**
     * Stops listening, as a crashed or unreachable server would (connections are refused), runs the action, and
     * listens again on the same port, with every code and token it had.
     */
    public <T> T whileDown(Supplier<T> action) {
        int port = server.getAddress().getPort();
        server.stop(0);
        try {
            return action.get();
        } finally {
            try {
                server = bind(port);
                route(server);
                server.start();
            } catch (IOException e) {
                throw new IllegalStateException("could not listen again on " + port, e);
            }
        }
    }

    public URI baseUri() {
        return URI.create(state.issuer.getValue() + "/");
    }

    public Issuer issuer() {
        return state.issuer;
    }

    /** The stand-in's clock; {@code clock().advance(...)} makes codes, consents and tokens expire. */
    public TestClock clock() {
        return state.clock;
    }

    public Faults faults() {
        return state.faults;
    }

    public ResoniteStandIn register(Client client) {
        state.clients.put(client.id(), client);
        return this;
    }

    /** Changes a registered client's secret, as an operator would on Resonite's side. */
    public void changeSecret(String clientId, String newSecret) {
        state.clients.computeIfPresent(clientId, (id, c) -> new Client(id, newSecret, c.redirectUri()));
    }

    public ResoniteStandIn addUser(User user) {
        state.users.put(user.login().toLowerCase(Locale.ROOT), user);
        return this;
    }

    /** Adds a user whose profile is {@code template} with a new id and username. */
    public User addUser(String login, String password, JsonObject template) {
        return addUser(state, login, password, template);
    }

    static User addUser(StandInState state, String login, String password, JsonObject template) {
        User user = new User(login, password, Json.createObjectBuilder(template)
                .add("id", "U-" + login).add("username", login).build());
        state.users.put(login.toLowerCase(Locale.ROOT), user);
        return user;
    }

    public static JsonObject readProfile(String resource) {
        try (InputStream in = ResoniteStandIn.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + resource);
            }
            return Json.createReader(in).readObject();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Benchmark mode for a rush: every authorization request is consented at once by a brand-new user whose
     * profile is {@code template} (ids {@code U-rush-1}, {@code U-rush-2}, ...), as thousands of different people
     * linking at the same time would.
     */
    public void autoConsentAsNewUsers(JsonObject template) {
        state.newUserTemplate = template;
    }

    /**
     * How many requests reached this exact endpoint path so far, e.g. {@code /connect/token} or the announced
     * {@code /oidc/token} (authorize, token, revocation and discovery are counted).
     */
    public int requestsTo(String path) {
        AtomicInteger count = state.requestsTo.get(path);
        if (count == null) {
            throw new IllegalArgumentException("not a counted path: " + path);
        }
        return count.get();
    }

    /** The path prefix of the endpoints the discovery document announces (other than the usual {@code /connect}). */
    public static String announcedPrefix() {
        return OpenIdProvider.ANNOUNCED;
    }

    public int tokenRequests() {
        return state.tokenRequests.get();
    }

    /**
     * Every code, access token and refresh token this stand-in ever issued, and every PKCE verifier it received
     * (to prove none reaches a log or a browser).
     */
    public Set<String> everIssued() {
        return Set.copyOf(state.everIssued);
    }

    /** Resonite-side revocation of every refresh token of a user (the user withdrew consent on Resonite). */
    public void revokeRefreshTokensOf(String userId) {
        state.refreshTokens.values().removeIf(t -> t.userId().equals(userId));
    }

    /** How many refresh tokens of this user are still honoured. */
    public long liveRefreshTokens(String userId) {
        return state.refreshTokens.values().stream().filter(t -> t.userId().equals(userId)).count();
    }

    /** The user renames themselves on Resonite. */
    public void rename(String login, String newUsername) {
        state.users.computeIfPresent(login.toLowerCase(Locale.ROOT), (k, u) -> new User(u.login(), u.password(),
                Json.createObjectBuilder(u.profile()).add("username", newUsername).build()));
    }

    /** Resonite starts signing id_tokens with a new key (the old one stays in the JWKS). */
    public void rotateKeys() {
        state.openId.rotate();
    }

    /** Clears every fault switch, lifetime and clock offset a test may have set; registered clients and users stay. */
    public void reset() {
        state.reset();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
