package dev.resonitelink.oauth.control;

import dev.resonitelink.web.FlowSession;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequestSender;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import dev.resonitelink.oauth.entity.LinkFailedException;
import dev.resonitelink.oauth.entity.LinkFailure;
import dev.resonitelink.oauth.entity.PendingAuthorization;
import dev.resonitelink.oauth.entity.SiteIdentity;
import dev.resonitelink.settings.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Signing the site's users in through the site's own OpenID Connect provider (OpenID Connect Core 1.0, section 3.1,
 * the Authorization Code flow), with the same rules and the same Nimbus code as the link with Resonite: endpoints and
 * keys from discovery, a 256-bit {@code state} kept in the browser's session (single use, bounded, expiring), PKCE
 * S256, a {@code nonce} that the id_token must carry, the code redeemed with the client secret (HTTP Basic), and the
 * id_token checked by {@link IdTokens} (signature by an announced asymmetric algorithm, {@code iss}, {@code aud},
 * {@code exp}, {@code iat}, {@code nonce}). Used only with {@code resonite-link.sign-in=oidc}.
 */
@ApplicationScoped
public class SiteSignInFlow {

    static final String PENDING_ATTRIBUTE = SiteSignInFlow.class.getName() + ".pending";
    static final int MAX_CLAIM = 255;
    /** The longest principal: the user name column of the site users. */
    static final int MAX_PRINCIPAL = 64;

    private Settings settings;
    private HTTPRequestSender http;
    private ProviderDiscovery discovery;
    private IdTokens idTokens;
    private PendingAuthorizations pending;
    private AuthorizationResponses responses;
    private final Clock clock = Clock.systemUTC();

    SiteSignInFlow() {
    }

    @Inject
    public SiteSignInFlow(Settings settings, ProviderHttp http) {
        this(settings, (HTTPRequestSender) http);
    }

    SiteSignInFlow(Settings settings, HTTPRequestSender http) {
        this.settings = settings;
        this.http = http;
        if (settings.signIn().oidc()) {
            OpenIdClient client = OpenIdClient.site(settings);
            this.discovery = new ProviderDiscovery(client, http);
            this.idTokens = new IdTokens(client, discovery, http);
            this.pending = new PendingAuthorizations(settings, PENDING_ATTRIBUTE);
            this.responses = new AuthorizationResponses(sso().redirectUri(), sso().issuer(), false);
        }
    }

    private Settings.Sso sso() {
        return settings.signIn().sso();
    }

    /**
     * Where to send the browser to sign in; the request is kept pending in its session until the callback.
     *
     * @throws LinkFailedException {@code PROVIDER_UNAVAILABLE} when the provider's discovery document cannot be read
     */
    public URI start(FlowSession session) throws LinkFailedException {
        OIDCProviderMetadata metadata = discovery.metadata();
        State state = new State(32);
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        URI redirect = new AuthenticationRequest.Builder(ResponseType.CODE,
                new Scope(sso().scopes().toArray(String[]::new)), new ClientID(sso().clientId()), sso().redirectUri())
                .endpointURI(metadata.getAuthorizationEndpointURI())
                .state(state)
                .nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .build().toURI();
        pending.add(session, new PendingAuthorization(state.getValue(), verifier.getValue(), nonce.getValue(), null,
                sso().scopes(), clock.instant(), null));
        return redirect;
    }

    /**
     * The provider's answer: the pending request by its {@code state} (single use), the code redeemed, the id_token
     * checked, and who signed in read from its claims.
     */
    public SiteIdentity finish(FlowSession session, Map<String, List<String>> query, int queryLength)
            throws LinkFailedException {
        String state = responses.state(query, queryLength);
        PendingAuthorization request = pending.take(session, state).orElseThrow(() -> new LinkFailedException(
                LinkFailure.STATE_UNKNOWN, "sign-in callback with an unknown, used or expired state"));
        String code = responses.code(query);
        OIDCProviderMetadata metadata = discovery.metadata();
        TokenExchange.Grant grant = TokenExchange.exchange(metadata.getTokenEndpointURI(),
                new ClientSecretBasic(new ClientID(sso().clientId()), new Secret(sso().clientSecret())),
                settings.limits(), http, new AuthorizationCodeGrant(new AuthorizationCode(code), sso().redirectUri(),
                        new CodeVerifier(request.codeVerifier())), request.scopes());
        JWTClaimsSet claims = idTokens.claims(grant.idToken(), request.nonce());
        String principal = text(claims, sso().principalClaim());
        if (principal == null || principal.isBlank() || principal.length() > MAX_PRINCIPAL) {
            throw new LinkFailedException(LinkFailure.ID_TOKEN_INVALID, "the id_token has no usable principal claim '"
                    + sso().principalClaim() + "' (a string of 1 to " + MAX_PRINCIPAL + " characters)");
        }
        return new SiteIdentity(principal, text(claims, sso().nameClaim()), text(claims, sso().emailClaim()),
                groups(claims.getClaim(sso().groupsClaim())), grant.idToken());
    }

    /**
     * The provider's sign-out (OpenID Connect RP-Initiated Logout 1.0) with the id_token as hint and the configured
     * page to come back to; empty when the provider announces no {@code end_session_endpoint} or cannot be reached.
     */
    public Optional<URI> endSession(String idToken) {
        try {
            URI endpoint = discovery.metadata().getEndSessionEndpointURI();
            if (endpoint == null) {
                return Optional.empty();
            }
            return Optional.of(new LogoutRequest(endpoint, idToken == null ? null : JWTParser.parse(idToken),
                    sso().postLogoutRedirectUri(), null).toURI());
        } catch (LinkFailedException | ParseException e) {
            return Optional.empty();
        }
    }

    /** A string claim, at most {@value #MAX_CLAIM} characters; anything else is treated as absent. */
    private static String text(JWTClaimsSet claims, String name) {
        Object value = claims.getClaim(name);
        return value instanceof String s && s.length() <= MAX_CLAIM ? s : null;
    }

    /** The groups claim: a list of strings, or one string (some providers send a single group that way). */
    static List<String> groups(Object claim) {
        if (claim instanceof String one) {
            return List.of(one);
        }
        if (claim instanceof Collection<?> many) {
            return many.stream().filter(String.class::isInstance).map(String.class::cast)
                    .filter(g -> g.length() <= MAX_CLAIM).limit(200).toList();
        }
        return List.of();
    }
}
