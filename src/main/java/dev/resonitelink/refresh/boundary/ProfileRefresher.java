package dev.resonitelink.refresh.boundary;

import dev.resonitelink.link.entity.AccountLink;
import dev.resonitelink.oauth.control.CodeRedemption;
import dev.resonitelink.oauth.control.ProfileFetch;
import dev.resonitelink.oauth.control.TokenRefresh;
import dev.resonitelink.oauth.control.TokenRevocation;
import dev.resonitelink.oauth.entity.LinkFailedException;
import dev.resonitelink.oauth.entity.LinkFailure;
import dev.resonitelink.oauth.entity.ResoniteProfile;
import dev.resonitelink.token.control.TokenVault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;
import dev.resonitelink.settings.Settings;

/**
 * Keeps linked profiles current (usernames and avatars change) with the stored refresh tokens, run on a schedule
 * by {@link ProfileRefreshSchedule}. Cluster-safe: each run first takes the {@code profile-refresh} lease row in the database, so of several
 * nodes only one refreshes at a time and no refresh token is used twice concurrently (rotating refresh tokens would
 * otherwise race). {@code invalid_grant} marks the link "needs re-consent", and the account page says so.
 */
@ApplicationScoped
public class ProfileRefresher {

    static final String NODE = UUID.randomUUID().toString();
    static final int BATCH = 50;
    private static final Logger LOG = Logger.getLogger(ProfileRefresher.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Settings settings;

    @Inject
    ProfileRefresher self;

    @Inject
    TokenVault vault;

    @Inject
    TokenRefresh tokens;

    @Inject
    ProfileFetch profiles;

    @Inject
    TokenRevocation revocation;

    Clock clock = Clock.systemUTC();

    /** A link due for a refresh. */
    public record Due(String principal, String resoniteId, String sealedToken, Set<String> scopes) {
    }

    Duration every() {
        return interval();
    }

    /** One run: refreshes the stalest links if this node holds the lease; returns how many were refreshed. */
    public int runOnce() {
        if (!self.takeLease()) {
            return 0;
        }
        int refreshed = 0;
        for (Due due : self.due()) {
            if (refresh(due)) {
                refreshed++;
            }
        }
        return refreshed;
    }

    private boolean refresh(Due due) {
        String token = vault.open(due.sealedToken(), due.principal(), due.resoniteId()).orElse(null);
        if (token == null) {
            self.needsReconsent(due, due.sealedToken(), "stored refresh token cannot be opened (key removed?)");
            return false;
        }
        try {
            CodeRedemption.Grant grant = tokens.refresh(token, due.scopes());
            String current = due.sealedToken();
            if (grant.refreshToken() != null && !grant.refreshToken().equals(token)) {
                // rotated: the old token is spent, so the new one is stored at once, before anything else can fail
                String sealed = vault.seal(grant.refreshToken(), due.principal(), due.resoniteId());
                if (!storedInstead(due, sealed)) {
                    revocation.revoke(grant.refreshToken()); // the link changed meanwhile: this token belongs to nothing
                    return false;
                }
                current = sealed;
            }
            ResoniteProfile profile = profiles.fetch(grant.accessToken(), grant.grantedScopes());
            if (!profile.id().equals(due.resoniteId())) {
                self.needsReconsent(due, current, "refresh token now belongs to another Resonite account");
                revocation.revoke(grant.refreshToken() != null ? grant.refreshToken() : token); // kept nowhere now
                return false;
            }
            return self.apply(due, current, profile);
        } catch (LinkFailedException e) {
            if (e.failure() == LinkFailure.CODE_REJECTED) {
                self.needsReconsent(due, due.sealedToken(), "refresh token refused (invalid_grant)");
            } else {
                LOG.warning(() -> "profile refresh for local user " + due.principal() + " skipped: " + e.failure());
            }
            return false;
        } catch (RuntimeException e) {
            LOG.warning(() -> "profile refresh for local user " + due.principal() + " skipped: "
                    + e.getClass().getSimpleName());
            return false;
        }
    }

    @Transactional
    public boolean takeLease() {
        Instant now = clock.instant();
        int taken = em.createNativeQuery("update job_lease set holder = ?1, leased_until = ?2"
                        + " where name = 'profile-refresh' and (leased_until < ?3 or holder = ?1)")
                .setParameter(1, NODE)
                .setParameter(2, Timestamp.from(now.plus(interval()).plusSeconds(interval().toSeconds())))
                .setParameter(3, Timestamp.from(now))
                .executeUpdate();
        return taken == 1;
    }

    /** Read in a transaction of its own: on a scheduler thread there is no request whose entity manager it could use. */
    @Transactional
    public List<Due> due() {
        Instant cutoff = clock.instant().minus(staleAfter());
        return em.createNamedQuery(AccountLink.STALE_REFRESHABLE, AccountLink.class)
                .setParameter("cutoff", cutoff).setMaxResults(BATCH).getResultStream()
                .map(l -> new Due(l.principal(), l.resoniteId(), l.refreshToken(), l.scopes())).toList();
    }

    private boolean storedInstead(Due due, String sealed) {
        try {
            return self.replaceToken(due, sealed);
        } catch (RuntimeException concurrentChange) {
            return false;
        }
    }

    /**
     * Stores a rotated refresh token, only if the link is still the one this run read: same Resonite account, same
     * stored token (a re-link or unlink in between wins; the version column catches a concurrent commit).
     */
    @Transactional
    public boolean replaceToken(Due due, String sealed) {
        return stillTheSame(due, due.sealedToken()).map(link -> {
            link.keepRefreshToken(sealed);
            return true;
        }).orElse(false);
    }

    /** Writes the refreshed profile, only if the link still holds the token this run stored or read. */
    @Transactional
    public boolean apply(Due due, String currentSealedToken, ResoniteProfile profile) {
        return stillTheSame(due, currentSealedToken).map(link -> {
            link.update(profile, clock.instant());
            return true;
        }).orElse(false);
    }

    /** Marks the link, only if it still holds {@code currentSealedToken} (the rotated one, when the run stored one). */
    @Transactional
    public void needsReconsent(Due due, String currentSealedToken, String why) {
        stillTheSame(due, currentSealedToken).ifPresent(link -> {
            LOG.info(() -> "link of local user " + due.principal() + " needs re-consent: " + why);
            link.markNeedsReconsent();
        });
    }

    private java.util.Optional<AccountLink> stillTheSame(Due due, String sealedToken) {
        return em.createNamedQuery(AccountLink.BY_PRINCIPAL, AccountLink.class).setParameter("principal", due.principal())
                .getResultStream().findFirst()
                .filter(link -> link.resoniteId().equals(due.resoniteId())
                        && java.util.Objects.equals(link.refreshToken(), sealedToken));
    }

    private Duration interval() {
        return settings.jobs().refreshInterval();
    }

    private Duration staleAfter() {
        return settings.jobs().refreshStaleAfter();
    }
}
