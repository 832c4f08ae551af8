package dev.resonitelink.oauth.control;

import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPRequestSender;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import dev.resonitelink.SitePrincipal;
import dev.resonitelink.oauth.entity.Grant;
import dev.resonitelink.oauth.entity.LinkFailedException;
import dev.resonitelink.oauth.entity.LinkFailure;
import dev.resonitelink.oauth.entity.PendingAuthorization;
import dev.resonitelink.oauth.entity.ProviderRegistration;
import dev.resonitelink.oauth.entity.Redeemed;
import dev.resonitelink.settings.Settings;
import dev.resonitelink.web.FlowSession;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The OAuth 2.0 Authorization Code flow of a confidential client (RFC 6749 section 4.1, RFC 9700), with OpenID
 * Connect (Core 1.0 section 3.1) when the registration asks for it: one class for both providers, the link with
 * Resonite and the sign-in at the site's own provider, each an instance over its {@link ProviderRegistration}
 * (made by {@link Providers}).
 * <ol>
 * <li>{@link #start}: the authorization request (a 256-bit {@code state}, PKCE S256, a {@code nonce} with OpenID
 * Connect), kept pending in the browser's session ({@link PendingAuthorizations}: single use, bounded, expiring).</li>
 * <li>{@link #pending}: the callback's pending request, found by its {@code state} before anything else of the answer
 * is believed ({@link AuthorizationResponses}).</li>
 * <li>{@link #redeem}: the rest of the answer ({@code iss}, error or code), the code redeemed with the client secret
 * and the PKCE verifier ({@link TokenExchange}), and the id_token checked ({@link IdTokens}).</li>
 * </ol>
 * Then, for a grant kept afterwards: {@link #refresh} and {@link #revoke} (RFC 6749 section 6, RFC 7009), and the
 * provider's sign-out ({@link #endSession}). Endpoints are the configured ones or, with OpenID Connect, the discovery
 * document's ({@link ProviderEndpoints}).
 */
public class AuthorizationCodeFlow {

    private static final Logger LOG = Logger.getLogger(AuthorizationCodeFlow.class.getName());

    private final ProviderRegistration registration;
    private final HTTPRequestSender http;
    private final Settings.Limits limits;
    private final Clock clock;
    private final Supplier<CodeVerifier> verifiers;
    private final ProviderEndpoints endpoints;
    private final IdTokens idTokens;
    private final PendingAuthorizations pending;
    private final AuthorizationResponses responses;

    /**
     * @param sessionKey names this flow's requests in the browser's session, apart from any other flow's
     * @param verifiers  the source of PKCE verifiers (tests check the challenge against RFC 7636's own example)
     */
    AuthorizationCodeFlow(ProviderRegistration registration, String sessionKey, HTTPRequestSender http,
                          Settings.Limits limits, Clock clock, Supplier<CodeVerifier> verifiers) {
        this.registration = registration;
        this.http = http;
        this.limits = limits;
        this.clock = clock;
        this.verifiers = verifiers;
        ProviderDiscovery discovery = registration.openIdConnect()
                ? new ProviderDiscovery(registration, http, limits, clock) : null;
        this.endpoints = new ProviderEndpoints(registration, discovery, http);
        this.idTokens = discovery == null ? null : new IdTokens(registration, discovery, http);
        this.pending = new PendingAuthorizations(limits, PendingAuthorizations.class.getName() + "." + sessionKey, clock);
        this.responses = new AuthorizationResponses(registration);
    }

    public ProviderRegistration registration() {
        return registration;
    }

    /**
     * Builds the authorization request, keeps it pending in the session, and returns where to send the browser.
     *
     * @param principal   the signed-in site user starting it (a link), or null (a sign-in)
     * @param returnTo    where to go afterwards; already checked ({@link ReturnTargets#safe}), or null
     * @param extraScopes asked for on top of the registration's scopes, for this one request
     * @throws LinkFailedException with OpenID Connect, {@code PROVIDER_UNAVAILABLE} when the discovery document cannot
     *                             be read (nothing is pending then)
     */
    public URI start(FlowSession session, SitePrincipal principal, String returnTo, Set<String> extraScopes)
            throws LinkFailedException {
        return start(session, principal, returnTo, extraScopes, null);
    }

    /**
     * {@link #start(FlowSession, SitePrincipal, String, Set)} for a person reading the site in {@code language}: with
     * OpenID Connect, the request asks the provider to show its pages in it too ({@code ui_locales}, OpenID Connect
     * Core 3.1.2.1; a provider without it shows its own).
     */
    public URI start(FlowSession session, SitePrincipal principal, String returnTo, Set<String> extraScopes,
                     java.util.Locale language) throws LinkFailedException {
        Set<String> scopes = new LinkedHashSet<>(registration.scopes());
        scopes.addAll(extraScopes);
        State state = new State(32);
        CodeVerifier verifier = registration.pkce() ? verifiers.get() : null;
        AuthorizationRequest.Builder builder = new AuthorizationRequest.Builder(
                ResponseType.CODE, new ClientID(registration.clientId()))
                .endpointURI(endpoints.current().authorize())
                .redirectionURI(registration.redirectUri())
                .scope(new Scope(scopes.toArray(String[]::new)))
                .state(state);
        if (verifier != null) {
            builder.codeChallenge(verifier, CodeChallengeMethod.S256);
        }
        Nonce nonce = registration.openIdConnect() ? new Nonce() : null; // OpenID Connect Core 3.1.2.1: always sent
        if (nonce != null) {
            builder.customParameter("nonce", nonce.getValue());
            if (language != null) {
                builder.customParameter("ui_locales", language.toLanguageTag());
            }
        }
        URI redirect = builder.build().toURI();
        pending.add(session, new PendingAuthorization(state.getValue(), verifier == null ? null : verifier.getValue(),
                nonce == null ? null : nonce.getValue(), principal, Collections.unmodifiableSet(scopes),
                clock.instant(), returnTo));
        return redirect;
    }

    /**
     * The pending request this callback answers, taken from the session (single use, whatever comes next).
     *
     * @throws LinkFailedException {@code MALFORMED_RESPONSE} or {@code STATE_MISSING} for a query no real answer has,
     *                             {@code STATE_UNKNOWN} when the session has no such request (unknown, used, expired,
     *                             another session's)
     */
    public PendingAuthorization pending(FlowSession session, Map<String, List<String>> query, int queryLength)
            throws LinkFailedException {
        String state = responses.state(query, queryLength);
        return pending.take(session, state).orElseThrow(() -> new LinkFailedException(LinkFailure.STATE_UNKNOWN,
                "state unknown, expired, replayed or from another session"));
    }

    /**
     * Reads the rest of the answer to {@code request} and redeems its code; with OpenID Connect the id_token is
     * checked too. A refresh token granted for an id_token that is then refused is revoked at once: no grant outlives a
     * refused answer.
     */
    public Redeemed redeem(PendingAuthorization request, Map<String, List<String>> query) throws LinkFailedException {
        String code = responses.code(query);
        Grant grant = TokenExchange.exchange(registration, endpoints.current().token(), http, limits,
                new AuthorizationCodeGrant(new AuthorizationCode(code), registration.redirectUri(),
                        request.codeVerifier() == null ? null : new CodeVerifier(request.codeVerifier())),
                request.scopes());
        if (!registration.openIdConnect() || !request.scopes().contains("openid")) {
            return new Redeemed(request, grant, Map.of());
        }
        try {
            return new Redeemed(request, grant, idTokens.claims(grant.idToken(), request.nonce()).getClaims());
        } catch (LinkFailedException refused) {
            revoke(grant.refreshToken());
            throw refused;
        }
    }

    /**
     * A new access token for a kept refresh token. The provider may rotate the refresh token; the grant then carries
     * the new one, otherwise the one used. {@code invalid_grant} is {@code CODE_REJECTED}: the user consents again.
     */
    public Grant refresh(String refreshToken, Set<String> scopes) throws LinkFailedException {
        Grant grant = TokenExchange.exchange(registration, endpoints.current().token(), http, limits,
                new RefreshTokenGrant(new RefreshToken(refreshToken)), scopes);
        return grant.refreshToken() != null ? grant
                : new Grant(grant.accessToken(), refreshToken, grant.grantedScopes(), grant.idToken());
    }

    /**
     * Revokes a refresh token at the provider's revocation endpoint (RFC 7009), configured or announced. Best effort:
     * whether the provider confirmed it (false also when it has none); never throws, so the caller's own step (an
     * unlink) happens whatever the answer.
     */
    public boolean revoke(String refreshToken) {
        if (refreshToken == null) {
            return false;
        }
        try {
            URI endpoint = endpoints.current().revocation();
            if (endpoint == null) {
                return false;
            }
            HTTPRequest request = new TokenRevocationRequest(endpoint,
                    TokenExchange.clientAuthentication(registration), new RefreshToken(refreshToken)).toHTTPRequest();
            HTTPResponse response = ProviderHttp.call(request, http, limits, "revocation endpoint",
                    LinkFailure.PROVIDER_FAILED);
            if (response.getStatusCode() == 200) {
                return true;
            }
            LOG.warning(() -> "token revocation at " + registration.name() + " answered HTTP "
                    + response.getStatusCode());
        } catch (LinkFailedException e) {
            LOG.warning(() -> "token revocation at " + registration.name() + " failed: " + e.failure());
        }
        return false;
    }

    /**
     * The provider's sign-out (OpenID Connect RP-Initiated Logout 1.0) with the id_token as hint and the page to come
     * back to; empty when the provider announces no {@code end_session_endpoint} or cannot be reached.
     */
    public Optional<URI> endSession(String idTokenHint, URI postLogoutRedirect) {
        try {
            URI endpoint = endpoints.endSession();
            if (endpoint == null) {
                return Optional.empty();
            }
            return Optional.of(new LogoutRequest(endpoint, idTokenHint == null ? null : JWTParser.parse(idTokenHint),
                    postLogoutRedirect, null).toURI());
        } catch (LinkFailedException | ParseException e) {
            return Optional.empty();
        }
    }
}
