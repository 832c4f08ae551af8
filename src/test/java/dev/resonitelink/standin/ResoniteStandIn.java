package dev.resonitelink.standin;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationErrorResponse;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.AuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseMode;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * A faithful local stand-in for Resonite's OAuth 2.0 server: the authorization endpoint with a login and consent
 * page, the token endpoint, and the profile endpoint (on both the singular and the plural path). It behaves as a
 * real authorization server does: it never redirects to an unregistered redirect URI, codes are single use and
 * expire (a reused code also revokes the tokens it gave), the client secret, the redirect URI and the PKCE
 * verifier are checked, tokens expire, and the profile carries e-mail and Patreon data only for those scopes.
 * <p>
 * Test-only switches ({@link #faults()}) make it slow, fail or send garbage. It is test code: it is never packaged
 * into the production WAR.
 */
public final class ResoniteStandIn implements AutoCloseable {

    public static final Set<String> SUPPORTED_SCOPES = Set.of("profile", "email", "patreon", "offline_access", "openid");
    /** Scopes the user may untick on the consent page. */
    public static final Set<String> OPTIONAL_SCOPES = Set.of("email", "patreon", "offline_access");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A registered client. */
    public record Client(String id, String secret, URI redirectUri) {
    }

    /** A Resonite account that can sign in on the consent page. */
    public record User(String login, String password, JsonObject profile) {
        public String id() {
            return profile.getString("id");
        }
    }

    private record PendingConsent(AuthorizationRequest request, Instant expires) {
    }

    private record IssuedCode(String clientId, URI redirectUri, Set<String> scopes, String userId,
                              CodeChallenge challenge, CodeChallengeMethod method, Instant expires) {
    }

    private record IssuedToken(String clientId, String userId, Set<String> scopes, Instant expires, String fromCode) {
    }

    /** Switches for tests that need the provider to misbehave. All reset by {@link #reset()}. */
    public static final class Faults {
        public volatile Duration tokenDelay = Duration.ZERO;
        public volatile Duration profileDelay = Duration.ZERO;
        /** When set, the token endpoint answers this status with {@link #tokenBody}. */
        public volatile Integer tokenStatus;
        public volatile String tokenBody;
        public volatile String tokenContentType = "application/json";
        /** When set, the profile endpoint answers this status with {@link #profileBody}. */
        public volatile Integer profileStatus;
        public volatile String profileBody;
        /** When set, the revocation endpoint answers this status and revokes nothing. */
        public volatile Integer revocationStatus;
        /** Whether the callback carries {@code iss} (RFC 9207), and which value. */
        public volatile boolean sendIssuer = true;
        /** When set, the token, revocation and profile endpoints send their headers, then the body a byte at a time. */
        public volatile boolean trickleBody;
        /** How long the token endpoint waits before answering a refresh_token grant (not other grants). */
        public volatile Duration refreshDelay = Duration.ZERO;
        public volatile String issuerOverride;
    }

    private volatile HttpServer server;
    private final ExecutorService executor;
    private final Issuer issuer;
    private final Map<String, Client> clients = new ConcurrentHashMap<>();
    private final Map<String, User> users = new ConcurrentHashMap<>();
    private final Map<String, PendingConsent> consents = new ConcurrentHashMap<>();
    private final Map<String, IssuedCode> codes = new ConcurrentHashMap<>();
    private final Set<String> usedCodes = ConcurrentHashMap.newKeySet();
    private final Map<String, IssuedToken> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, IssuedToken> refreshTokens = new ConcurrentHashMap<>();
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private final Set<String> everIssued = ConcurrentHashMap.newKeySet();
    private volatile Faults faults = new Faults();
    private volatile Duration codeLifetime = Duration.ofSeconds(60);
    private volatile Duration tokenLifetime = Duration.ofHours(1);
    private volatile Set<ClientAuthenticationMethod> acceptedClientAuth =
            Set.of(ClientAuthenticationMethod.CLIENT_SECRET_POST, ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
    private volatile boolean autoConsent;
    private volatile JsonObject newUserTemplate;
    private final java.util.concurrent.atomic.AtomicLong newUsers = new java.util.concurrent.atomic.AtomicLong();
    private final Clock clock = Clock.systemUTC();

    private final SSLContext tls;

    /** {@link Faults#trickleBody}: a stalling provider, one body byte a second after prompt headers. */
    private final com.sun.net.httpserver.Filter trickle = new com.sun.net.httpserver.Filter() {
        @Override
        public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
            if (faults.trickleBody) {
                OutputStream original = exchange.getResponseBody();
                exchange.setStreams(null, new java.io.FilterOutputStream(original) {
                    @Override
                    public void write(byte[] bytes, int offset, int length) throws IOException {
                        for (int i = 0; i < length; i++) {
                            if (!faults.trickleBody) { // switched off (reset() after a test): the rest at once
                                out.write(bytes, offset + i, length - i);
                                return;
                            }
                            out.write(bytes[offset + i]);
                            out.flush();
                            try {
                                Thread.sleep(1000);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                throw new IOException(e);
                            }
                        }
                    }
                });
            }
            chain.doFilter(exchange);
        }

        @Override
        public String description() {
            return "trickles response bodies when the fault is on";
        }
    };

    private ResoniteStandIn(int port, SSLContext tls) throws IOException {
        this.tls = tls;
        executor = Executors.newFixedThreadPool(16);
        server = bind(port);
        issuer = new Issuer((tls == null ? "http" : "https") + "://localhost:" + server.getAddress().getPort());
    }

    private HttpServer bind(int port) throws IOException {
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", port);
        HttpServer http;
        if (tls == null) {
            http = HttpServer.create(address, 64);
        } else {
            HttpsServer https = HttpsServer.create(address, 64);
            https.setHttpsConfigurator(new HttpsConfigurator(tls));
            http = https;
        }
        http.setExecutor(executor);
        http.createContext("/connect/authorize", this::authorize);
        http.createContext("/connect/token", this::token).getFilters().add(trickle);
        http.createContext("/connect/revocation", this::revocation).getFilters().add(trickle);
        http.createContext("/api/user/profile", this::profile).getFilters().add(trickle);
        http.createContext("/api/user/profiles", this::profile).getFilters().add(trickle);
        http.createContext("/assets/", this::asset);
        http.createContext("/", exchange -> send(exchange, 404, "text/plain", "not found"));
        return http;
    }

    /**
     * Stops listening, as a crashed or unreachable server would (connections are refused), runs the action, and
     * listens again on the same port, with every code and token it had.
     */
    public <T> T whileDown(java.util.function.Supplier<T> action) {
        int port = server.getAddress().getPort();
        server.stop(0);
        try {
            return action.get();
        } finally {
            try {
                server = bind(port);
                server.start();
            } catch (IOException e) {
                throw new IllegalStateException("could not listen again on " + port, e);
            }
        }
    }

    static {
        // Answer at once: without TCP_NODELAY the JDK server's separate header and body writes meet the client's
        // delayed ACK, and every answer waits ~40 ms (measured by the benchmark's floor: 88 ms for token + profile).
        // Read once, when the JDK's server configuration loads, so it is set before the first server starts.
        System.setProperty("sun.net.httpserver.nodelay", "true");
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

    public URI baseUri() {
        return URI.create(issuer.getValue() + "/");
    }

    public Issuer issuer() {
        return issuer;
    }

    public ResoniteStandIn register(Client client) {
        clients.put(client.id(), client);
        return this;
    }

    /** Changes a registered client's secret, as an operator would on Resonite's side. */
    public void changeSecret(String clientId, String newSecret) {
        clients.computeIfPresent(clientId, (id, c) -> new Client(id, newSecret, c.redirectUri()));
    }

    public ResoniteStandIn addUser(User user) {
        users.put(user.login().toLowerCase(Locale.ROOT), user);
        return this;
    }

    /** Adds a user whose profile is {@code template} with a new id and username. */
    public User addUser(String login, String password, JsonObject template) {
        JsonObjectBuilder profile = Json.createObjectBuilder(template)
                .add("id", "U-" + login)
                .add("username", login);
        User user = new User(login, password, profile.build());
        addUser(user);
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

    public Faults faults() {
        return faults;
    }

    public void codeLifetime(Duration lifetime) {
        this.codeLifetime = lifetime;
    }

    public void tokenLifetime(Duration lifetime) {
        this.tokenLifetime = lifetime;
    }

    public void acceptedClientAuth(Set<ClientAuthenticationMethod> methods) {
        this.acceptedClientAuth = Set.copyOf(methods);
    }

    /** Benchmark mode: the consent page is skipped and the first listed user consents at once. */
    public void autoConsent(boolean on) {
        this.autoConsent = on;
    }

    /**
     * Benchmark mode for a rush: every authorization request is consented at once by a brand-new user whose
     * profile is {@code template} (ids {@code U-rush-1}, {@code U-rush-2}, ...), as thousands of different people
     * linking at the same time would.
     */
    public void autoConsentAsNewUsers(JsonObject template) {
        this.newUserTemplate = template;
    }

    public int tokenRequests() {
        return tokenRequests.get();
    }

    /**
     * Every code, access token and refresh token this stand-in ever issued, and every PKCE verifier it received
     * (to prove none reaches a log or a browser).
     */
    public Set<String> everIssued() {
        return Set.copyOf(everIssued);
    }

    /** Resonite-side revocation of every refresh token of a user (the user withdrew consent on Resonite). */
    public void revokeRefreshTokensOf(String userId) {
        refreshTokens.values().removeIf(t -> t.userId().equals(userId));
    }

    /** How many refresh tokens of this user are still honoured. */
    public long liveRefreshTokens(String userId) {
        return refreshTokens.values().stream().filter(t -> t.userId().equals(userId)).count();
    }

    /** The user renames themselves on Resonite. */
    public void rename(String login, String newUsername) {
        users.computeIfPresent(login.toLowerCase(Locale.ROOT), (k, u) -> new User(u.login(), u.password(),
                Json.createObjectBuilder(u.profile()).add("username", newUsername).build()));
    }

    /** Clears every fault switch and setting a test may have changed; registered clients and users stay. */
    public void reset() {
        faults = new Faults();
        codeLifetime = Duration.ofSeconds(60);
        tokenLifetime = Duration.ofHours(1);
        acceptedClientAuth = Set.of(ClientAuthenticationMethod.CLIENT_SECRET_POST, ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
        autoConsent = false;
        newUserTemplate = null;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ---- authorization endpoint (RFC 6749 section 4.1.1) ---------------------------------------------------

    private void authorize(HttpExchange exchange) throws IOException {
        try (exchange) {
            if ("GET".equals(exchange.getRequestMethod())) {
                authorizeRequest(exchange);
            } else if ("POST".equals(exchange.getRequestMethod())) {
                consentDecision(exchange);
            } else {
                send(exchange, 405, "text/plain", "method not allowed");
            }
        }
    }

    private void authorizeRequest(HttpExchange exchange) throws IOException {
        Map<String, List<String>> params = URLUtils.parseParameters(exchange.getRequestURI().getRawQuery());
        String clientId = single(params, "client_id");
        Client client = clientId == null ? null : clients.get(clientId);
        if (client == null) {
            page(exchange, 400, "Unknown client", "<p>This application is not registered with Resonite.</p>");
            return;
        }
        String redirect = single(params, "redirect_uri");
        if (redirect != null && !redirect.equals(client.redirectUri().toString())) {
            // never redirect to an unregistered address (RFC 6749 section 4.1.2.1)
            page(exchange, 400, "Invalid redirect URI", "<p>The redirect URI is not the one registered for this application.</p>");
            return;
        }
        AuthorizationRequest request;
        try {
            request = AuthorizationRequest.parse(params);
        } catch (ParseException e) {
            redirectError(exchange, client, OAuth2Error.INVALID_REQUEST, stateOf(params));
            return;
        }
        if (!ResponseType.CODE.equals(request.getResponseType())) {
            redirectError(exchange, client, OAuth2Error.UNSUPPORTED_RESPONSE_TYPE, request.getState());
            return;
        }
        if (request.getScope() == null || !SUPPORTED_SCOPES.containsAll(request.getScope().toStringList())) {
            redirectError(exchange, client, OAuth2Error.INVALID_SCOPE, request.getState());
            return;
        }
        if (request.getCodeChallenge() != null && request.getCodeChallengeMethod() != null
                && !CodeChallengeMethod.S256.equals(request.getCodeChallengeMethod())
                && !CodeChallengeMethod.PLAIN.equals(request.getCodeChallengeMethod())) {
            redirectError(exchange, client, OAuth2Error.INVALID_REQUEST, request.getState());
            return;
        }
        JsonObject template = newUserTemplate;
        if (template != null) {
            User user = addUser("rush-" + newUsers.incrementAndGet(), random(12), template);
            issueCode(exchange, client, request, user, Set.copyOf(request.getScope().toStringList()));
            return;
        }
        if (autoConsent && !users.isEmpty()) {
            User user = users.values().iterator().next();
            issueCode(exchange, client, request, user, Set.copyOf(request.getScope().toStringList()));
            return;
        }
        String txn = random(24);
        consents.put(txn, new PendingConsent(request, clock.instant().plus(Duration.ofMinutes(10))));
        StringBuilder scopes = new StringBuilder();
        for (String scope : request.getScope().toStringList()) {
            boolean optional = OPTIONAL_SCOPES.contains(scope);
            scopes.append("<li><label><input type=\"checkbox\" name=\"scope\" value=\"").append(escape(scope))
                    .append("\" checked").append(optional ? "" : " disabled").append("> ").append(escape(scope))
                    .append("</label>").append(optional ? "" : "<input type=\"hidden\" name=\"scope\" value=\""
                            + escape(scope) + "\">").append("</li>");
        }
        page(exchange, 200, "Sign in to Resonite", """
                <p><strong>%s</strong> wants to access your Resonite account.</p>
                <form method="post" action="/connect/authorize">
                  <input type="hidden" name="txn" value="%s">
                  <p><label>Username <input name="login" autocomplete="username"></label></p>
                  <p><label>Password <input name="password" type="password" autocomplete="current-password"></label></p>
                  <p>It asks for:</p><ul>%s</ul>
                  <button type="submit" name="decision" value="allow">Allow</button>
                  <button type="submit" name="decision" value="deny">Deny</button>
                </form>
                <p class="hint">Stand-in accounts: see the demo banner (e.g. <code>ada</code> / <code>resonite</code>).</p>
                """.formatted(escape(client.id()), txn, scopes));
    }

    private void consentDecision(HttpExchange exchange) throws IOException {
        Map<String, List<String>> form = URLUtils.parseParameters(readBody(exchange));
        PendingConsent consent = consents.remove(String.valueOf(single(form, "txn")));
        if (consent == null || clock.instant().isAfter(consent.expires())) {
            page(exchange, 400, "Request expired", "<p>This sign-in request has expired. Go back to the application and try again.</p>");
            return;
        }
        AuthorizationRequest request = consent.request();
        Client client = clients.get(request.getClientID().getValue());
        if (client == null) {
            page(exchange, 400, "Unknown client", "<p>This application is no longer registered.</p>");
            return;
        }
        if (!"allow".equals(single(form, "decision"))) {
            redirectError(exchange, client, OAuth2Error.ACCESS_DENIED, request.getState());
            return;
        }
        User user = users.get(String.valueOf(single(form, "login")).toLowerCase(Locale.ROOT));
        String password = single(form, "password");
        if (user == null || password == null || !MessageDigest.isEqual(user.password().getBytes(StandardCharsets.UTF_8),
                password.getBytes(StandardCharsets.UTF_8))) {
            page(exchange, 401, "Wrong username or password", "<p>Go back to the application and start again.</p>");
            return;
        }
        Set<String> granted = new LinkedHashSet<>();
        List<String> chosen = form.getOrDefault("scope", List.of());
        for (String scope : request.getScope().toStringList()) {
            boolean optional = OPTIONAL_SCOPES.contains(scope);
            if (!optional || chosen.contains(scope)) {
                granted.add(scope);
            }
        }
        issueCode(exchange, client, request, user, granted);
    }

    private void issueCode(HttpExchange exchange, Client client, AuthorizationRequest request, User user,
                           Set<String> granted) throws IOException {
        String code = random(32);
        everIssued.add(code);
        codes.put(code, new IssuedCode(client.id(), request.getRedirectionURI(), Set.copyOf(granted), user.id(),
                request.getCodeChallenge(), request.getCodeChallengeMethod(), clock.instant().plus(codeLifetime)));
        AuthorizationSuccessResponse response = new AuthorizationSuccessResponse(client.redirectUri(),
                new AuthorizationCode(code), null, request.getState(), callbackIssuer(), ResponseMode.QUERY);
        redirect(exchange, response.toURI());
    }

    private void redirectError(HttpExchange exchange, Client client, ErrorObject error,
                               com.nimbusds.oauth2.sdk.id.State state) throws IOException {
        AuthorizationErrorResponse response = new AuthorizationErrorResponse(client.redirectUri(), error, state,
                callbackIssuer(), ResponseMode.QUERY);
        redirect(exchange, response.toURI());
    }

    private Issuer callbackIssuer() {
        Faults f = faults;
        if (!f.sendIssuer) {
            return null;
        }
        return f.issuerOverride != null ? new Issuer(f.issuerOverride) : issuer;
    }

    private static com.nimbusds.oauth2.sdk.id.State stateOf(Map<String, List<String>> params) {
        String state = single(params, "state");
        return state == null ? null : new com.nimbusds.oauth2.sdk.id.State(state);
    }

    // ---- token endpoint (RFC 6749 sections 4.1.3 and 6) ---------------------------------------------------

    private void token(HttpExchange exchange) throws IOException {
        try (exchange) {
            tokenRequests.incrementAndGet();
            Faults f = faults;
            pause(f.tokenDelay);
            if (f.tokenStatus != null) {
                send(exchange, f.tokenStatus, f.tokenContentType, f.tokenBody == null ? "" : f.tokenBody);
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                send(exchange, 405, "text/plain", "method not allowed");
                return;
            }
            HTTPRequest httpRequest = nimbusPost(exchange, "connect/token");
            TokenRequest request;
            try {
                request = TokenRequest.parse(httpRequest);
            } catch (ParseException e) {
                ErrorObject error = e.getErrorObject() != null ? e.getErrorObject() : OAuth2Error.INVALID_REQUEST;
                sendNimbus(exchange, new TokenErrorResponse(error).toHTTPResponse());
                return;
            }
            Client client = authenticate(request.getClientAuthentication());
            if (client == null) {
                sendNimbus(exchange, new TokenErrorResponse(OAuth2Error.INVALID_CLIENT).toHTTPResponse());
                return;
            }
            AuthorizationGrant grant = request.getAuthorizationGrant();
            if (grant instanceof AuthorizationCodeGrant codeGrant) {
                redeemCode(exchange, client, codeGrant);
            } else if (grant instanceof RefreshTokenGrant refreshGrant) {
                refresh(exchange, client, refreshGrant);
            } else {
                sendNimbus(exchange, new TokenErrorResponse(OAuth2Error.UNSUPPORTED_GRANT_TYPE).toHTTPResponse());
            }
        }
    }

    private Client authenticate(ClientAuthentication auth) {
        if (auth == null || !acceptedClientAuth.contains(auth.getMethod())) {
            return null;
        }
        Client client = clients.get(auth.getClientID().getValue());
        if (client == null) {
            return null;
        }
        Secret sent = auth instanceof ClientSecretPost post ? post.getClientSecret()
                : auth instanceof ClientSecretBasic basic ? basic.getClientSecret() : null;
        return sent != null && MessageDigest.isEqual(sent.getValueBytes(), client.secret().getBytes(StandardCharsets.UTF_8))
                ? client : null;
    }

    private void redeemCode(HttpExchange exchange, Client client, AuthorizationCodeGrant grant) throws IOException {
        String value = grant.getAuthorizationCode().getValue();
        IssuedCode code = codes.remove(value);
        if (code == null) {
            if (usedCodes.contains(value)) {
                // a replayed code: refuse it and revoke what it gave (RFC 6749 section 4.1.2)
                accessTokens.values().removeIf(t -> value.equals(t.fromCode()));
                refreshTokens.values().removeIf(t -> value.equals(t.fromCode()));
            }
            sendNimbus(exchange, new TokenErrorResponse(OAuth2Error.INVALID_GRANT).toHTTPResponse());
            return;
        }
        usedCodes.add(value);
        if (grant.getCodeVerifier() != null) {
            everIssued.add(grant.getCodeVerifier().getValue()); // not issued by us, but just as secret
        }
        boolean valid = code.clientId().equals(client.id())
                && clock.instant().isBefore(code.expires())
                && (code.redirectUri() == null || code.redirectUri().equals(grant.getRedirectionURI()))
                && pkceMatches(code, grant.getCodeVerifier());
        if (!valid) {
            sendNimbus(exchange, new TokenErrorResponse(OAuth2Error.INVALID_GRANT).toHTTPResponse());
            return;
        }
        sendTokens(exchange, client, code.userId(), code.scopes(), value);
    }

    private static boolean pkceMatches(IssuedCode code, CodeVerifier verifier) {
        if (code.challenge() == null) {
            return verifier == null;
        }
        if (verifier == null) {
            return false;
        }
        CodeChallengeMethod method = code.method() == null ? CodeChallengeMethod.PLAIN : code.method();
        return MessageDigest.isEqual(CodeChallenge.compute(method, verifier).getValue().getBytes(StandardCharsets.US_ASCII),
                code.challenge().getValue().getBytes(StandardCharsets.US_ASCII));
    }

    private void refresh(HttpExchange exchange, Client client, RefreshTokenGrant grant) throws IOException {
        pause(faults.refreshDelay);
        IssuedToken old = refreshTokens.remove(grant.getRefreshToken().getValue());
        if (old == null || !old.clientId().equals(client.id())) {
            sendNimbus(exchange, new TokenErrorResponse(OAuth2Error.INVALID_GRANT).toHTTPResponse());
            return;
        }
        sendTokens(exchange, client, old.userId(), old.scopes(), old.fromCode());
    }

    private void sendTokens(HttpExchange exchange, Client client, String userId, Set<String> scopes, String fromCode)
            throws IOException {
        String access = random(32);
        everIssued.add(access);
        Instant expires = clock.instant().plus(tokenLifetime);
        accessTokens.put(access, new IssuedToken(client.id(), userId, scopes, expires, fromCode));
        RefreshToken refresh = null;
        if (scopes.contains("offline_access")) {
            refresh = new RefreshToken(random(32));
            everIssued.add(refresh.getValue());
            refreshTokens.put(refresh.getValue(), new IssuedToken(client.id(), userId, scopes, Instant.MAX, fromCode));
        }
        Scope scope = new Scope(scopes.toArray(String[]::new));
        Tokens tokens = new Tokens(new BearerAccessToken(access, tokenLifetime.toSeconds(), scope), refresh);
        sendNimbus(exchange, new AccessTokenResponse(tokens).toHTTPResponse());
    }

    // ---- revocation endpoint (RFC 7009) --------------------------------------------------------------------

    private void revocation(HttpExchange exchange) throws IOException {
        try (exchange) {
            Faults f = faults;
            if (f.revocationStatus != null) {
                send(exchange, f.revocationStatus, "application/json", "{\"error\":\"server_error\"}");
                return;
            }
            HTTPRequest httpRequest = nimbusPost(exchange, "connect/revocation");
            com.nimbusds.oauth2.sdk.TokenRevocationRequest request;
            try {
                request = com.nimbusds.oauth2.sdk.TokenRevocationRequest.parse(httpRequest);
            } catch (ParseException e) {
                sendNimbus(exchange, new TokenErrorResponse(OAuth2Error.INVALID_REQUEST).toHTTPResponse());
                return;
            }
            Client client = authenticate(request.getClientAuthentication());
            if (client == null) {
                sendNimbus(exchange, new TokenErrorResponse(OAuth2Error.INVALID_CLIENT).toHTTPResponse());
                return;
            }
            String value = request.getToken().getValue();
            IssuedToken refresh = refreshTokens.get(value);
            if (refresh != null && refresh.clientId().equals(client.id())) {
                refreshTokens.remove(value);
                accessTokens.values().removeIf(t -> t.fromCode() != null && t.fromCode().equals(refresh.fromCode()));
            }
            accessTokens.remove(value);
            send(exchange, 200, "application/json", ""); // RFC 7009 2.2: 200 whether or not the token was known
        }
    }

    // ---- profile endpoint -----------------------------------------------------------------------------

    private void profile(HttpExchange exchange) throws IOException {
        try (exchange) {
            Faults f = faults;
            pause(f.profileDelay);
            if (f.profileStatus != null) {
                send(exchange, f.profileStatus, "application/json", f.profileBody == null ? "" : f.profileBody);
                return;
            }
            IssuedToken token = null;
            try {
                String header = exchange.getRequestHeaders().getFirst("Authorization");
                if (header != null) {
                    token = accessTokens.get(BearerAccessToken.parse(header).getValue());
                }
            } catch (ParseException e) {
                token = null;
            }
            if (token == null || !clock.instant().isBefore(token.expires())) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer error=\"invalid_token\"");
                send(exchange, 401, "application/json", "{\"error\":\"invalid_token\"}");
                return;
            }
            String userId = token.userId();
            User user = users.values().stream().filter(u -> u.id().equals(userId)).findFirst().orElse(null);
            if (user == null) {
                send(exchange, 404, "application/json", "{\"error\":\"not_found\"}");
                return;
            }
            send(exchange, 200, "application/json", visibleProfile(user.profile(), token.scopes()).toString());
        }
    }

    /** What a token with these scopes may see: e-mail only with {@code email}, Patreon state only with {@code patreon}. */
    static JsonObject visibleProfile(JsonObject profile, Set<String> scopes) {
        JsonObjectBuilder out = Json.createObjectBuilder(profile);
        if (!scopes.contains("email")) {
            out.remove("email");
        }
        if (!scopes.contains("patreon")) {
            out.remove("isActiveSupporter");
            if (profile.containsKey("supporterMetadata")
                    && profile.get("supporterMetadata").getValueType() == JsonValue.ValueType.ARRAY) {
                var kept = Json.createArrayBuilder();
                for (JsonValue entry : profile.getJsonArray("supporterMetadata")) {
                    boolean patreon = entry.getValueType() == JsonValue.ValueType.OBJECT
                            && "patreon".equals(entry.asJsonObject().getString("$type", ""));
                    if (!patreon) {
                        kept.add(entry);
                    }
                }
                out.add("supporterMetadata", kept);
            }
        }
        return out.build();
    }

    // ---- assets (what assets.resonite.com serves for resdb:/// icons) ----------------------------------------

    /** A generated avatar for any hex hash; 404 for hashes starting with "dead" (to exercise the fallback). */
    private void asset(HttpExchange exchange) throws IOException {
        try (exchange) {
            String hash = exchange.getRequestURI().getPath().substring("/assets/".length());
            if (!hash.matches("[0-9a-fA-F]{1,128}") || hash.startsWith("dead")) {
                send(exchange, 404, "text/plain", "no such asset");
                return;
            }
            java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(128, 128,
                    java.awt.image.BufferedImage.TYPE_INT_RGB);
            java.awt.Graphics2D g = image.createGraphics();
            int seed = hash.hashCode();
            g.setColor(new java.awt.Color(60 + (seed & 0x7f), 60 + ((seed >> 8) & 0x7f), 120 + ((seed >> 16) & 0x7f)));
            g.fillRect(0, 0, 128, 128);
            g.setColor(java.awt.Color.WHITE);
            g.fillOval(34, 18, 60, 60);
            g.fillOval(14, 84, 100, 90);
            g.dispose();
            java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageIO.write(image, "png", png);
            exchange.getResponseHeaders().add("Content-Type", "image/png");
            exchange.getResponseHeaders().add("Cache-Control", "public, max-age=86400");
            exchange.sendResponseHeaders(200, png.size());
            try (OutputStream out = exchange.getResponseBody()) {
                png.writeTo(out);
            }
        }
    }

    // ---- plumbing ---------------------------------------------------------------------------------------

    /** The exchange as Nimbus's HTTPRequest, for Nimbus's own server-side parsing of OAuth requests. */
    private HTTPRequest nimbusPost(HttpExchange exchange, String path) throws IOException {
        HTTPRequest httpRequest = new HTTPRequest(HTTPRequest.Method.POST, baseUri().resolve(path));
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType != null) {
            httpRequest.setHeader("Content-Type", contentType);
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null) {
            httpRequest.setAuthorization(authorization);
        }
        httpRequest.setBody(readBody(exchange));
        return httpRequest;
    }

    private static String single(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.size() != 1 ? null : values.get(0);
    }

    private static String readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
        }
    }

    private static void pause(Duration delay) {
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void redirect(HttpExchange exchange, URI location) throws IOException {
        exchange.getResponseHeaders().add("Location", location.toString());
        exchange.getResponseHeaders().add("Cache-Control", "no-store");
        exchange.sendResponseHeaders(302, -1);
    }

    private static void sendNimbus(HttpExchange exchange, HTTPResponse response) throws IOException {
        exchange.getResponseHeaders().add("Cache-Control", "no-store");
        send(exchange, response.getStatusCode(), "application/json;charset=UTF-8", response.getBody());
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static void page(HttpExchange exchange, int status, String title, String body) throws IOException {
        send(exchange, status, "text/html;charset=UTF-8", """
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>%s · Resonite (stand-in)</title>
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem}
                button{font:inherit;padding:.5rem 1rem;margin-right:.5rem}.hint{color:#555}</style></head>
                <body><p><em>Resonite (local stand-in)</em></p><h1>%s</h1>%s</body></html>
                """.formatted(escape(title), escape(title), body));
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

}
