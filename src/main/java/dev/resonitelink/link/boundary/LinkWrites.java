package dev.resonitelink.link.boundary;

import dev.resonitelink.ResoniteUserId;
import dev.resonitelink.SitePrincipal;
import dev.resonitelink.sealing.SealedToken;
import dev.resonitelink.link.entity.AccountLink;
import dev.resonitelink.link.entity.LinkOutcome;
import dev.resonitelink.link.entity.LinkResult;
import dev.resonitelink.link.entity.StoredToken;
import dev.resonitelink.oauth.entity.LinkFailedException;
import dev.resonitelink.oauth.entity.LinkFailure;
import dev.resonitelink.oauth.entity.ResoniteProfile;
import jakarta.enterprise.context.ApplicationScoped;
import dev.resonitelink.webhook.boundary.Outbox;
import dev.resonitelink.webhook.entity.WebhookEventType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;

/**
 * One attempt to write a link, in its own transaction. The database's unique constraints and the row version are
 * the final judges: when a concurrent request wins, this attempt is rolled back with {@link ConcurrentLinkChange},
 * and the caller tries once more against the winner's committed state.
 */
@ApplicationScoped
public class LinkWrites {

    /** Another request changed the same rows at the same moment; this attempt was rolled back. */
    public static class ConcurrentLinkChange extends RuntimeException {
        ConcurrentLinkChange(Throwable cause) {
            super("a concurrent change to the same link won", cause);
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Outbox outbox;

    Clock clock = Clock.systemUTC();

    @Transactional(value = Transactional.TxType.REQUIRES_NEW, rollbackOn = LinkFailedException.class)
    public LinkResult write(SitePrincipal principal, ResoniteProfile profile, SealedToken sealedRefreshToken)
            throws LinkFailedException {
        Optional<AccountLink> holder = byResoniteId(profile.id());
        if (holder.isPresent() && !holder.get().principal().equals(principal.name())) {
            throw new LinkFailedException(LinkFailure.ALREADY_LINKED_ELSEWHERE,
                    "Resonite account is already linked to another local user");
        }
        Optional<AccountLink> mine = byPrincipal(principal);
        LinkOutcome outcome;
        AccountLink link;
        StoredToken dropped = mine.flatMap(AccountLink::storedToken).orElse(null);
        String previous = mine.map(AccountLink::resoniteId).orElse(null);
        if (mine.isEmpty()) {
            link = new AccountLink(principal.name(), profile, clock.instant());
            em.persist(link);
            outcome = LinkOutcome.LINKED;
        } else {
            link = mine.get();
            outcome = link.resoniteId().equals(profile.id().value()) ? LinkOutcome.REFRESHED : LinkOutcome.REPLACED;
            link.update(profile, clock.instant());
        }
        link.keepRefreshToken(sealedRefreshToken == null ? null : sealedRefreshToken.value());
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new ConcurrentLinkChange(e);
        } catch (PersistenceException e) {
            if (isConstraintViolation(e)) {
                throw new ConcurrentLinkChange(e);
            }
            throw e;
        }
        if (outcome != LinkOutcome.REFRESHED) { // in this transaction: the link and its event are stored together
            outbox.publish(outcome == LinkOutcome.LINKED ? WebhookEventType.LINK_CREATED : WebhookEventType.LINK_CHANGED,
                    principal.name(), Outbox.data("principal", principal.name(), "resoniteId", profile.id().value(),
                            "username", profile.username(), "previousResoniteId", previous));
        }
        return new LinkResult(outcome, dropped);
    }

    public Optional<AccountLink> byPrincipal(SitePrincipal principal) {
        return em.createNamedQuery(AccountLink.BY_PRINCIPAL, AccountLink.class)
                .setParameter("principal", principal.name())
                .getResultStream().findFirst();
    }

    private Optional<AccountLink> byResoniteId(ResoniteUserId resoniteId) {
        return em.createNamedQuery(AccountLink.BY_RESONITE_ID, AccountLink.class)
                .setParameter("provider", AccountLink.RESONITE)
                .setParameter("resoniteId", resoniteId.value())
                .getResultStream().findFirst();
    }

    /** SQLState class 23 (integrity constraint violation), on any database and JPA provider. */
    static boolean isConstraintViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }
}
