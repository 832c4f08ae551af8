package dev.resonitelink.link.boundary;

import dev.resonitelink.link.entity.AccountLink;
import dev.resonitelink.link.entity.LinkView;
import dev.resonitelink.oauth.entity.LinkFailedException;
import dev.resonitelink.oauth.entity.LinkFailure;
import dev.resonitelink.oauth.entity.ResoniteProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The one place links are read and written; the callback servlet, the unlink servlet and the JAX-RS resource
 * all come through here. Each method is one transaction: a link is stored whole or not at all.
 */
@ApplicationScoped
@Transactional(rollbackOn = LinkFailedException.class)
public class AccountLinks {

    private static final Logger LOG = Logger.getLogger(AccountLinks.class.getName());

    @PersistenceContext
    EntityManager em;

    Clock clock = Clock.systemUTC();

    /** How a successful link call ended. */
    public enum Outcome { LINKED, REFRESHED, REPLACED }

    /**
     * Links the principal to the profile's Resonite account, refreshing an existing link to the same account
     * or replacing a link to another one.
     *
     * @throws LinkFailedException with {@link LinkFailure#ALREADY_LINKED_ELSEWHERE} when another local user holds
     *                             that Resonite account; nothing is changed then
     */
    public Outcome link(String principal, ResoniteProfile profile) throws LinkFailedException {
        Optional<AccountLink> holder = byResoniteId(profile.id());
        if (holder.isPresent() && !holder.get().principal().equals(principal)) {
            throw new LinkFailedException(LinkFailure.ALREADY_LINKED_ELSEWHERE,
                    "Resonite account is already linked to another local user");
        }
        Optional<AccountLink> mine = find(principal);
        Outcome outcome;
        if (mine.isEmpty()) {
            em.persist(new AccountLink(principal, profile, clock.instant()));
            outcome = Outcome.LINKED;
        } else {
            outcome = mine.get().resoniteId().equals(profile.id()) ? Outcome.REFRESHED : Outcome.REPLACED;
            mine.get().update(profile, clock.instant());
        }
        try {
            em.flush();
        } catch (PersistenceException e) {
            // the unique constraint on (provider, resonite_id) lost a race with another user's link
            throw new LinkFailedException(LinkFailure.ALREADY_LINKED_ELSEWHERE,
                    "unique constraint refused the link: " + e.getClass().getSimpleName(), null, e);
        }
        LOG.info(() -> "link " + outcome.name().toLowerCase() + " for local user " + principal);
        return outcome;
    }

    /** Removes the principal's link; returns whether there was one. */
    public boolean unlink(String principal) {
        Optional<AccountLink> link = find(principal);
        link.ifPresent(em::remove);
        link.ifPresent(l -> LOG.info(() -> "link removed for local user " + principal));
        return link.isPresent();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<LinkView> view(String principal) {
        return find(principal).map(LinkView::of);
    }

    private Optional<AccountLink> find(String principal) {
        return em.createNamedQuery(AccountLink.BY_PRINCIPAL, AccountLink.class)
                .setParameter("principal", principal)
                .getResultStream().findFirst();
    }

    private Optional<AccountLink> byResoniteId(String resoniteId) {
        return em.createNamedQuery(AccountLink.BY_RESONITE_ID, AccountLink.class)
                .setParameter("provider", AccountLink.RESONITE)
                .setParameter("resoniteId", resoniteId)
                .getResultStream().findFirst();
    }
}
