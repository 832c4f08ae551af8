package dev.resonitelink.link.boundary;

import dev.resonitelink.ResoniteUserId;
import dev.resonitelink.SitePrincipal;
import dev.resonitelink.sealing.SealedToken;
import dev.resonitelink.oauth.control.AuthorizationCodeFlow;
import dev.resonitelink.oauth.control.Resonite;
import dev.resonitelink.oauth.entity.Grant;
import dev.resonitelink.oauth.entity.Redeemed;
import dev.resonitelink.audit.AuditTrail;
import dev.resonitelink.audit.AuditEntry;
import dev.resonitelink.link.entity.LinkOutcome;
import dev.resonitelink.link.entity.LinkResult;
import dev.resonitelink.web.FlowSession;
import dev.resonitelink.oauth.control.ProfileFetch;
import dev.resonitelink.oauth.entity.LinkFailedException;
import dev.resonitelink.oauth.entity.LinkFailure;
import dev.resonitelink.oauth.entity.PendingAuthorization;
import dev.resonitelink.oauth.entity.ResoniteProfile;
import dev.resonitelink.ops.control.BoundedLog;
import dev.resonitelink.ops.control.FlowMetrics;
import dev.resonitelink.sealing.TokenSealer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Completes a link attempt from Resonite's answer (RFC 6749 section 4.1.2). In order: the pending request is taken
 * by its {@code state} (single use, unexpired, same session, same local user), the rest of the answer is read
 * ({@code iss}, error or code), the code is redeemed, the id_token checked (with {@code openid}), the profile read
 * (its id must be the id_token's subject), and the link stored. Nothing is stored unless
 * every step succeeded; a refresh token that ends up kept nowhere is revoked, so no grant outlives its use.
 */
@ApplicationScoped
public class LinkCallback {

    private static final Logger LOG = Logger.getLogger(LinkCallback.class.getName());
    private static final BoundedLog NOISE = new BoundedLog(LOG, 20);

    /** How the attempt ended: a link (with where to go next) or a failure to show. */
    public sealed interface Ending {
    }

    public record Linked(LinkOutcome outcome, String returnTo) implements Ending {
    }

    public record Failed(LinkFailure failure, String providerError) implements Ending {
    }

    @Inject
    @Resonite
    AuthorizationCodeFlow resonite;

    @Inject
    ProfileFetch profileFetch;

    @Inject
    AccountLinks links;

    @Inject
    AuditTrail audit;

    @Inject
    FlowMetrics metrics;

    @Inject
    TokenSealer vault;


    /**
     * @param session    the browser's flow session, null when the request carried none
     * @param query      the callback's query parameters, each with all its values
     * @param requestId  the id shown on the page and written to the log and audit trail
     */
    public Ending complete(FlowSession session, SitePrincipal principal, Map<String, List<String>> query, int queryLength,
                           String requestId) {
        PendingAuthorization request = null;
        Attempt attempt = new Attempt(principal, requestId);
        try {
            request = resonite.pending(session, query, queryLength);
            if (!principal.equals(request.principal())) {
                throw new LinkFailedException(LinkFailure.WRONG_USER, "flow was started by local user " + request.principal());
            }
            LinkOutcome outcome = attempt.run(resonite.redeem(request, query));
            return new Linked(outcome, request.returnTo());
        } catch (LinkFailedException e) {
            return request == null && e.failure() != LinkFailure.WRONG_USER ? noise(e, requestId) : attempt.failed(e);
        }
    }

    /** No flow of this session was found: anybody can send that. Counted and logged at a bounded rate, never audited. */
    private Failed noise(LinkFailedException e, String requestId) {
        NOISE.log(Level.INFO, "callback without a pending link request of this session: " + e.failure()
                + " [error id " + requestId + "]");
        metrics.ended("rejected", e.failure().name());
        return new Failed(e.failure(), null);
    }

    /** One attempt of a known flow, with what it was granted so far (to revoke if it is kept nowhere). */
    private final class Attempt {
        private final SitePrincipal principal;
        private final String requestId;
        private ResoniteUserId resoniteId;
        private String unkeptRefreshToken;

        Attempt(SitePrincipal principal, String requestId) {
            this.principal = principal;
            this.requestId = requestId;
        }

        LinkOutcome run(Redeemed redeemed) throws LinkFailedException {
            Grant grant = redeemed.grant();
            unkeptRefreshToken = grant.refreshToken();
            String subject = redeemed.subject();
            ResoniteProfile profile = profileFetch.fetch(grant.accessToken(), grant.grantedScopes());
            if (subject != null && !subject.equals(profile.id().value())) {
                throw new LinkFailedException(LinkFailure.ID_TOKEN_SUBJECT_MISMATCH, "the id_token's sub is not the"
                        + " profile's id");
            }
            resoniteId = profile.id();
            SealedToken sealed = vault.seal(unkeptRefreshToken, principal, resoniteId);
            if (sealed == null) {
                revokeQuietly(unkeptRefreshToken); // granted, but there is nowhere to keep it
                unkeptRefreshToken = null; // revoked already: a failure below must not revoke it a second time
            }
            LinkResult result = links.link(principal, profile, sealed);
            unkeptRefreshToken = null; // kept now (or revoked above)
            if (result.dropped() != null) {
                vault.open(result.dropped().sealed(), principal, result.dropped().resoniteId()).ifPresent(LinkCallback.this::revokeQuietly);
            }
            audit.recordQuietly(principal.name(), resoniteId.value(), AuditEntry.Action.LINK, result.outcome().name(),
                    requestId);
            metrics.ended(result.outcome().name(), null);
            return result.outcome();
        }

        Failed failed(LinkFailedException e) {
            revokeQuietly(unkeptRefreshToken); // redeemed, but the link was refused: the grant must not outlive it
            boolean declined = e.failure() == LinkFailure.DECLINED;
            LOG.log(declined ? Level.INFO : Level.WARNING, "link attempt by local user " + principal + " ended: "
                    + e.failure() + " [error id " + requestId + "]: " + e.getMessage());
            audit.recordQuietly(principal.name(), resoniteId == null ? null : resoniteId.value(), AuditEntry.Action.LINK,
                    e.failure().name(), requestId);
            metrics.ended(declined ? "declined" : "failed", e.failure().name());
            return new Failed(e.failure(), e.providerError());
        }
    }

    private void revokeQuietly(String refreshToken) {
        if (refreshToken != null) {
            resonite.revoke(refreshToken);
        }
    }
}
