package dev.resonitelink.signin.control;

import dev.resonitelink.oauth.control.AuthorizationCodeFlow;
import dev.resonitelink.oauth.control.SiteProvider;
import dev.resonitelink.oauth.entity.LinkFailedException;
import dev.resonitelink.oauth.entity.LinkFailure;
import dev.resonitelink.oauth.entity.PendingAuthorization;
import dev.resonitelink.oauth.entity.Redeemed;
import dev.resonitelink.signin.entity.SiteIdentity;
import dev.resonitelink.signin.entity.SiteSignInFailure;
import dev.resonitelink.settings.Settings;
import dev.resonitelink.web.FlowSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Signing the site's users in through the site's own OpenID Connect provider (OpenID Connect Core 1.0, section 3.1,
 * the Authorization Code flow), with the same {@link AuthorizationCodeFlow} as the link with Resonite, over the
 * {@link SiteProvider} registration: endpoints and keys from discovery, a 256-bit {@code state} kept in the browser's
 * session (single use, bounded, expiring), PKCE S256, a {@code nonce} that the id_token must carry, the code redeemed
 * with the client secret (HTTP Basic), and the id_token checked. This class reads who signed in from the checked
 * claims. Used only with {@code resonite-link.sign-in=oidc}.
 */
@ApplicationScoped
public class SiteSignInFlow {

    static final int MAX_CLAIM = 255;
    /** The longest principal: the user name column of the site users. */
    static final int MAX_PRINCIPAL = 64;

    private Settings.Sso sso;
    private AuthorizationCodeFlow flow;

    SiteSignInFlow() {
        // for CDI's proxy
    }

    @Inject
    public SiteSignInFlow(Settings settings, @SiteProvider AuthorizationCodeFlow flow) {
        this.sso = settings.signIn().sso();
        this.flow = flow;
    }

    /**
     * Where to send the browser to sign in; the request is kept pending in its session until the callback.
     *
     * @throws SiteSignInFailure {@code PROVIDER_UNREACHABLE} when the provider's discovery document cannot be read
     */
    public URI start(FlowSession session) throws SiteSignInFailure {
        try {
            return flow.start(session, null, null, Set.of());
        } catch (LinkFailedException e) {
            throw failure(e);
        }
    }

    /**
     * The provider's answer: the pending request by its {@code state} (single use), the code redeemed, the id_token
     * checked, and who signed in read from its claims.
     */
    public SiteIdentity finish(FlowSession session, Map<String, List<String>> query, int queryLength)
            throws SiteSignInFailure {
        Redeemed redeemed;
        try {
            PendingAuthorization request = flow.pending(session, query, queryLength);
            redeemed = flow.redeem(request, query);
        } catch (LinkFailedException e) {
            throw failure(e);
        }
        Map<String, Object> claims = redeemed.idTokenClaims();
        String principal = text(claims, sso.principalClaim());
        if (principal == null || principal.isBlank() || principal.length() > MAX_PRINCIPAL) {
            throw new SiteSignInFailure(SiteSignInFailure.Reason.ANSWER_REFUSED, LinkFailure.ID_TOKEN_INVALID.name(),
                    "the id_token has no usable principal claim '" + sso.principalClaim() + "' (a string of 1 to "
                            + MAX_PRINCIPAL + " characters)");
        }
        return new SiteIdentity(principal, text(claims, sso.nameClaim()), text(claims, sso.emailClaim()),
                groups(claims.get(sso.groupsClaim())), redeemed.grant().idToken());
    }

    /**
     * The provider's sign-out (OpenID Connect RP-Initiated Logout 1.0) with the id_token as hint and the configured
     * page to come back to; empty when the provider announces no {@code end_session_endpoint} or cannot be reached.
     */
    public Optional<URI> endSession(String idToken) {
        return flow.endSession(idToken, sso.postLogoutRedirectUri());
    }

    /** What a protocol failure means to the person signing in. */
    static SiteSignInFailure failure(LinkFailedException e) {
        SiteSignInFailure.Reason reason = switch (e.failure()) {
            case DECLINED -> SiteSignInFailure.Reason.CANCELLED;
            case STATE_MISSING, STATE_UNKNOWN, MALFORMED_RESPONSE -> SiteSignInFailure.Reason.NOT_STARTED_HERE;
            case PROVIDER_UNAVAILABLE -> SiteSignInFailure.Reason.PROVIDER_UNREACHABLE;
            case STORAGE_UNAVAILABLE -> SiteSignInFailure.Reason.NOT_RECORDED;
            default -> SiteSignInFailure.Reason.ANSWER_REFUSED;
        };
        return new SiteSignInFailure(reason, e.failure().name(), e.getMessage());
    }

    /** A string claim, at most {@value #MAX_CLAIM} characters; anything else is treated as absent. */
    private static String text(Map<String, Object> claims, String name) {
        Object value = claims.get(name);
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
