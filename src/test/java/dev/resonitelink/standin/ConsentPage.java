package dev.resonitelink.standin;

import static dev.resonitelink.standin.Exchanges.escape;
import static dev.resonitelink.standin.Exchanges.page;
import static dev.resonitelink.standin.Exchanges.single;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationErrorResponse;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.AuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseMode;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The authorization endpoint (RFC 6749 section 4.1.1) with its sign-in and consent page. It never redirects to an
 * unregistered redirect URI (an error page instead, section 4.1.2.1); a request it refuses otherwise goes back as an
 * error redirect; optional scopes can be unticked.
 */
final class ConsentPage {

    static final Set<String> SUPPORTED_SCOPES = Set.of("profile", "email", "patreon", "offline_access", "openid");
    /** Scopes the user may untick on the consent page. */
    static final Set<String> OPTIONAL_SCOPES = Set.of("email", "patreon", "offline_access");

    private final StandInState state;

    ConsentPage(StandInState state) {
        this.state = state;
    }

    void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if ("GET".equals(exchange.getRequestMethod())) {
                request(exchange);
            } else if ("POST".equals(exchange.getRequestMethod())) {
                decision(exchange);
            } else {
                Exchanges.send(exchange, 405, "text/plain", "method not allowed");
            }
        }
    }

    private void request(HttpExchange exchange) throws IOException {
        Map<String, List<String>> params = URLUtils.parseParameters(exchange.getRequestURI().getRawQuery());
        String clientId = single(params, "client_id");
        ResoniteStandIn.Client client = clientId == null ? null : state.clients.get(clientId);
        if (client == null) {
            page(exchange, 400, "Unknown client", "<p>This application is not registered with Resonite.</p>");
            return;
        }
        String redirect = single(params, "redirect_uri");
        if (redirect != null && !redirect.equals(client.redirectUri().toString())) {
            page(exchange, 400, "Invalid redirect URI", "<p>The redirect URI is not the one registered for this application.</p>");
            return;
        }
        AuthorizationRequest request;
        try {
            request = AuthorizationRequest.parse(params);
        } catch (ParseException e) {
            String sent = single(params, "state");
            redirectError(exchange, client, OAuth2Error.INVALID_REQUEST, sent == null ? null : new State(sent));
            return;
        }
        ErrorObject refusal = refusal(request);
        if (refusal != null) {
            redirectError(exchange, client, refusal, request.getState());
        } else if (state.newUserTemplate != null) {
            ResoniteStandIn.User user = ResoniteStandIn.addUser(state, "rush-" + state.newUsers.incrementAndGet(),
                    Exchanges.random(12), state.newUserTemplate);
            issueCode(exchange, client, request, user, Set.copyOf(request.getScope().toStringList()));
        } else {
            showConsent(exchange, client, request);
        }
    }

    /** Why a parseable request is refused, or null: only the code flow, known scopes, PKCE S256 or plain. */
    private static ErrorObject refusal(AuthorizationRequest request) {
        if (!ResponseType.CODE.equals(request.getResponseType())) {
            return OAuth2Error.UNSUPPORTED_RESPONSE_TYPE;
        }
        if (request.getScope() == null || !SUPPORTED_SCOPES.containsAll(request.getScope().toStringList())) {
            return OAuth2Error.INVALID_SCOPE;
        }
        CodeChallengeMethod method = request.getCodeChallengeMethod();
        if (request.getCodeChallenge() != null && method != null && !CodeChallengeMethod.S256.equals(method)
                && !CodeChallengeMethod.PLAIN.equals(method)) {
            return OAuth2Error.INVALID_REQUEST;
        }
        return null;
    }

    private void showConsent(HttpExchange exchange, ResoniteStandIn.Client client, AuthorizationRequest request)
            throws IOException {
        String txn = Exchanges.random(24);
        state.consents.put(txn, new StandInState.PendingConsent(request, state.clock.instant().plus(Duration.ofMinutes(10))));
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

    private void decision(HttpExchange exchange) throws IOException {
        Map<String, List<String>> form = URLUtils.parseParameters(Exchanges.readBody(exchange));
        StandInState.PendingConsent consent = state.consents.remove(String.valueOf(single(form, "txn")));
        if (consent == null || state.clock.instant().isAfter(consent.expires())) {
            page(exchange, 400, "Request expired", "<p>This sign-in request has expired. Go back to the application and try again.</p>");
            return;
        }
        AuthorizationRequest request = consent.request();
        ResoniteStandIn.Client client = state.clients.get(request.getClientID().getValue());
        if (client == null) {
            page(exchange, 400, "Unknown client", "<p>This application is no longer registered.</p>");
            return;
        }
        if (!"allow".equals(single(form, "decision"))) {
            redirectError(exchange, client, OAuth2Error.ACCESS_DENIED, request.getState());
            return;
        }
        ResoniteStandIn.User user = state.user(single(form, "login")).orElse(null);
        String password = single(form, "password");
        if (user == null || password == null || !MessageDigest.isEqual(user.password().getBytes(StandardCharsets.UTF_8),
                password.getBytes(StandardCharsets.UTF_8))) {
            page(exchange, 401, "Wrong username or password", "<p>Go back to the application and start again.</p>");
            return;
        }
        issueCode(exchange, client, request, user, granted(request, form.getOrDefault("scope", List.of())));
    }

    private static Set<String> granted(AuthorizationRequest request, List<String> chosen) {
        Set<String> granted = new LinkedHashSet<>();
        for (String scope : request.getScope().toStringList()) {
            if (!OPTIONAL_SCOPES.contains(scope) || chosen.contains(scope)) {
                granted.add(scope);
            }
        }
        return granted;
    }

    private void issueCode(HttpExchange exchange, ResoniteStandIn.Client client, AuthorizationRequest request,
                           ResoniteStandIn.User user, Set<String> granted) throws IOException {
        String code = Exchanges.random(32);
        state.everIssued.add(code);
        state.codes.put(code, new StandInState.IssuedCode(client.id(), request.getRedirectionURI(), Set.copyOf(granted),
                user.id(), request.getCodeChallenge(), request.getCodeChallengeMethod(),
                state.clock.instant().plus(state.codeLifetime), request.getCustomParameter("nonce") == null ? null
                : request.getCustomParameter("nonce").get(0)));
        Exchanges.redirect(exchange, new AuthorizationSuccessResponse(client.redirectUri(), new AuthorizationCode(code),
                null, request.getState(), state.callbackIssuer(), ResponseMode.QUERY).toURI());
    }

    private void redirectError(HttpExchange exchange, ResoniteStandIn.Client client, ErrorObject error, State sent)
            throws IOException {
        Exchanges.redirect(exchange, new AuthorizationErrorResponse(client.redirectUri(), error, sent,
                state.callbackIssuer(), ResponseMode.QUERY).toURI());
    }
}
