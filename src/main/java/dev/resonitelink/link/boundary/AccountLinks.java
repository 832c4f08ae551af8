package dev.resonitelink.link.boundary;

import dev.resonitelink.ResoniteUserId;
import dev.resonitelink.SitePrincipal;
import dev.resonitelink.sealing.SealedToken;
import dev.resonitelink.link.entity.AccountLink;
import dev.resonitelink.link.entity.LinkResult;
import dev.resonitelink.link.entity.RefreshableLink;
import dev.resonitelink.link.entity.StoredToken;
import dev.resonitelink.link.entity.LinkView;
import dev.resonitelink.oauth.entity.LinkFailedException;
import dev.resonitelink.oauth.entity.LinkFailure;
import dev.resonitelink.oauth.entity.ResoniteProfile;
import dev.resonitelink.webhook.boundary.Outbox;
import dev.resonitelink.webhook.entity.WebhookEventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionalException;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The one place links are read and written; the callback servlet, the unlink servlet, the JAX-RS resource and the
 * background profile refresh all come through here. A link is stored whole or not at all, and the one-to-one rule holds under concurrent
 * requests: the database decides, and a request that loses a race is retried once against the winner's state.
 */
@ApplicationScoped
public class AccountLinks {

    private static final Logger LOG = Logger.getLogger(AccountLinks.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    LinkWrites writes;

    @Inject
    Outbox outbox;

    /**
     * Links the principal to the profile's Resonite account, refreshing an existing link to the same account
     * or replacing a link to another one.
     *
     * @throws LinkFailedException {@link LinkFailure#ALREADY_LINKED_ELSEWHERE} when another local user holds that
     *                             Resonite account, {@link LinkFailure#STORAGE_UNAVAILABLE} when the database fails;
     *                             nothing is changed then
     */
    @Transactional(Transactional.TxType.NEVER)
    public LinkResult link(SitePrincipal principal, ResoniteProfile profile, SealedToken sealedRefreshToken)
            throws LinkFailedException {
        LinkResult outcome;
        try {
            outcome = writeWithOneRetry(principal, profile, sealedRefreshToken);
        } catch (PersistenceException | TransactionalException e) {
            throw new LinkFailedException(LinkFailure.STORAGE_UNAVAILABLE,
                    "database failed while linking: " + rootCause(e), null, null);
        }
        // FINE, not INFO: the audit trail already records every link; one formatted server-log line per link cost
        // 2% of the server's CPU in a rush (docs/benchmarks.md)
        LOG.fine(() -> "link " + outcome.outcome().name().toLowerCase() + " for local user " + principal);
        return outcome;
    }

    private LinkResult writeWithOneRetry(SitePrincipal principal, ResoniteProfile profile, SealedToken token)
            throws LinkFailedException {
        try {
            return writes.write(principal, profile, token);
        } catch (LinkWrites.ConcurrentLinkChange | TransactionalException race) {
            LOG.fine(() -> "link write for " + principal + " lost a race; retrying once");
        }
        try {
            return writes.write(principal, profile, token);
        } catch (LinkWrites.ConcurrentLinkChange again) {
            throw new LinkFailedException(LinkFailure.CONCURRENT_CHANGE, "link write lost a race twice", null, null);
        }
    }

    /**
     * Removes the principal's link; returns the Resonite id it was linked to, if there was a link. A bulk delete by
     * principal, not a versioned remove: the user's unlink always wins over a background refresh that touched the row
     * meanwhile (that write is conditional on the link it read, so it then changes nothing).
     */
    @Transactional
    public Optional<ResoniteUserId> unlink(SitePrincipal principal) {
        Optional<AccountLink> link = writes.byPrincipal(principal);
        if (link.isEmpty()) {
            return Optional.empty();
        }
        em.detach(link.get());
        int removed = em.createQuery("delete from AccountLink l where l.principal = :principal")
                .setParameter("principal", principal.name()).executeUpdate();
        if (removed == 0) {
            return Optional.empty();
        }
        outbox.publish(WebhookEventType.LINK_REMOVED, principal.name(), Outbox.data("principal",
                principal.name(), "resoniteId", link.get().resoniteId(), "username", link.get().username()));
        LOG.info(() -> "link removed for local user " + principal);
        return Optional.of(new ResoniteUserId(link.get().resoniteId()));
    }

    /** The sealed refresh token of the principal's link, if any (for revocation before unlinking). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<StoredToken> storedToken(SitePrincipal principal) {
        return writes.byPrincipal(principal).flatMap(AccountLink::storedToken);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<LinkView> view(SitePrincipal principal) {
        return writes.byPrincipal(principal).map(LinkView::of);
    }

    /** Links holding a refresh token whose profile was last read before {@code cutoff}, at most {@code max}. */
    @Transactional
    public List<RefreshableLink> staleRefreshable(Instant cutoff, int max) {
        return em.createNamedQuery(AccountLink.STALE_REFRESHABLE, AccountLink.class)
                .setParameter("cutoff", cutoff).setMaxResults(max).getResultStream()
                .map(l -> new RefreshableLink(new SitePrincipal(l.principal()), new ResoniteUserId(l.resoniteId()),
                        new SealedToken(l.refreshToken()), l.scopes())).toList();
    }

    /**
     * Stores a rotated refresh token, only if the link is still the one the refresh read: same Resonite account, same
     * stored token (a re-link or unlink in between wins; the version column catches a concurrent commit).
     */
    @Transactional
    public boolean keepRotatedToken(RefreshableLink read, SealedToken sealed) {
        return stillHolding(read, read.sealedToken()).map(link -> {
            link.keepRefreshToken(sealed.value());
            return true;
        }).orElse(false);
    }

    /** Writes a refreshed profile, only if the link still holds {@code sealedToken} (the rotated one, if stored). */
    @Transactional
    public boolean refreshed(RefreshableLink read, SealedToken sealedToken, ResoniteProfile profile, Instant at) {
        return stillHolding(read, sealedToken).map(link -> {
            link.update(profile, at);
            return true;
        }).orElse(false);
    }

    /** Marks the link "needs re-consent", only if it still holds {@code sealedToken}; returns whether it did. */
    @Transactional
    public boolean needsReconsent(RefreshableLink read, SealedToken sealedToken) {
        return stillHolding(read, sealedToken).map(link -> {
            link.markNeedsReconsent();
            return true;
        }).orElse(false);
    }

    private Optional<AccountLink> stillHolding(RefreshableLink read, SealedToken sealedToken) {
        return writes.byPrincipal(read.principal())
                .filter(link -> link.resoniteId().equals(read.resoniteId().value())
                        && Objects.equals(link.refreshToken(), sealedToken == null ? null : sealedToken.value()));
    }

    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }
}
