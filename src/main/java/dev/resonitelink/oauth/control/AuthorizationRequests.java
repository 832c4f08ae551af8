package dev.resonitelink.oauth.control;

import dev.resonitelink.settings.Settings;

import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import dev.resonitelink.oauth.entity.LinkFailedException;
import dev.resonitelink.oauth.entity.PendingAuthorization;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import com.nimbusds.openid.connect.sdk.Nonce;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Step 1 of the flow: builds the authorization request (RFC 6749 section 4.1.1) with a fresh 256-bit
 * {@code state} and, unless turned off by configuration, a PKCE S256 challenge (RFC 7636), and returns
 * the pending request to keep together with the URI to send the browser to.
 */
@ApplicationScoped
public class AuthorizationRequests {

    private Settings settings;
    private ResoniteEndpoints endpoints;
    private Clock clock = Clock.systemUTC();
    private Supplier<CodeVerifier> verifiers = CodeVerifier::new;

    AuthorizationRequests() {
    }

    @Inject
    public AuthorizationRequests(Settings settings, ResoniteEndpoints endpoints) {
        this.settings = settings;
        this.endpoints = endpoints;
    }

    /** With a given source of PKCE verifiers (tests check the challenge against RFC 7636's own example). */
    AuthorizationRequests(Settings settings, ResoniteEndpoints endpoints, Supplier<CodeVerifier> verifiers) {
        this(settings, endpoints);
        this.verifiers = verifiers;
    }

    /** A request ready to send: where to redirect the browser, and what to remember until the callback. */
    public record Started(URI redirect, PendingAuthorization pending) {
    }

    /** The scopes a person may ask for on top of the configured ones, for one link (an event for supporters). */
    public static final Set<String> EXTRA_SCOPES = Set.of("email", "patreon");

    /**
     * @param returnTo where to go after linking; must already have passed {@link ReturnTargets#safe}, or be null
     * @param extraScopes asked for on top of the configured scopes, from {@link #EXTRA_SCOPES} only
     * @throws LinkFailedException with {@code openid}, when Resonite's discovery document cannot be read (see
     *                             {@link ResoniteEndpoints#current})
     */
    public Started start(String principal, String returnTo, Set<String> extraScopes) throws LinkFailedException {
        if (!EXTRA_SCOPES.containsAll(extraScopes)) {
            throw new IllegalArgumentException("not a scope to ask for on top of the configured ones: " + extraScopes);
        }
        Set<String> scopes = new LinkedHashSet<>(settings.client().scopes());
        scopes.addAll(extraScopes);
        State state = new State(32);
        CodeVerifier verifier = settings.client().pkce() ? verifiers.get() : null;
        AuthorizationRequest.Builder builder = new AuthorizationRequest.Builder(
                ResponseType.CODE, new ClientID(settings.client().id()))
                .endpointURI(endpoints.current().authorize())
                .redirectionURI(settings.client().redirectUri())
                .scope(new Scope(scopes.toArray(String[]::new)))
                .state(state);
        if (verifier != null) {
            builder.codeChallenge(verifier, CodeChallengeMethod.S256);
        }
        Nonce nonce = settings.client().openId() ? new Nonce() : null; // OpenID Connect Core 3.1.2.1: always sent
        if (nonce != null) {
            builder.customParameter("nonce", nonce.getValue());
        }
        URI redirect = builder.build().toURI();
        PendingAuthorization pending = new PendingAuthorization(state.getValue(),
                verifier == null ? null : verifier.getValue(), nonce == null ? null : nonce.getValue(), principal, java.util.Collections.unmodifiableSet(scopes), clock.instant(), returnTo);
        return new Started(redirect, pending);
    }
}
