package dev.resonitelink.refresh.boundary;

import dev.resonitelink.link.boundary.AccountLinks;
import dev.resonitelink.link.entity.RefreshableLink;
import dev.resonitelink.ops.control.JobLeases;
import dev.resonitelink.oauth.entity.Grant;
import dev.resonitelink.oauth.control.ProfileFetch;
import dev.resonitelink.oauth.control.AuthorizationCodeFlow;
import dev.resonitelink.oauth.control.Resonite;
import dev.resonitelink.oauth.entity.LinkFailedException;
import dev.resonitelink.oauth.entity.LinkFailure;
import dev.resonitelink.oauth.entity.ResoniteProfile;
import dev.resonitelink.sealing.SealedToken;
import dev.resonitelink.sealing.TokenSealer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
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

    static final int BATCH = 50;
    private static final Logger LOG = Logger.getLogger(ProfileRefresher.class.getName());

    @Inject
    Settings settings;

    @Inject
    TokenSealer vault;

    @Inject
    @Resonite
    AuthorizationCodeFlow resonite;

    @Inject
    ProfileFetch profiles;


    @Inject
    AccountLinks links;

    @Inject
    JobLeases leases;

    Clock clock = Clock.systemUTC();

    Duration every() {
        return interval();
    }

    /** One run: refreshes the stalest links if this node holds the lease; returns how many were refreshed. */
    public int runOnce() {
        if (!takeLease()) {
            return 0;
        }
        int refreshed = 0;
        for (RefreshableLink due : links.staleRefreshable(clock.instant().minus(staleAfter()), BATCH)) {
            if (refresh(due)) {
                refreshed++;
            }
        }
        return refreshed;
    }

    private boolean refresh(RefreshableLink due) {
        String token = vault.open(due.sealedToken(), due.principal(), due.resoniteId()).orElse(null);
        if (token == null) {
            needsReconsent(due, due.sealedToken(), "stored refresh token cannot be opened (key removed?)");
            return false;
        }
        try {
            Grant grant = resonite.refresh(token, due.scopes());
            SealedToken current = due.sealedToken();
            if (grant.refreshToken() != null && !grant.refreshToken().equals(token)) {
                // rotated: the old token is spent, so the new one is stored at once, before anything else can fail
                SealedToken sealed = vault.seal(grant.refreshToken(), due.principal(), due.resoniteId());
                if (!storedInstead(due, sealed)) {
                    resonite.revoke(grant.refreshToken()); // the link changed meanwhile: this token belongs to nothing
                    return false;
                }
                current = sealed;
            }
            ResoniteProfile profile = profiles.fetch(grant.accessToken(), grant.grantedScopes());
            if (!profile.id().equals(due.resoniteId())) {
                needsReconsent(due, current, "refresh token now belongs to another Resonite account");
                resonite.revoke(grant.refreshToken() != null ? grant.refreshToken() : token); // kept nowhere now
                return false;
            }
            return links.refreshed(due, current, profile, clock.instant());
        } catch (LinkFailedException e) {
            if (e.failure() == LinkFailure.CODE_REJECTED) {
                needsReconsent(due, due.sealedToken(), "refresh token refused (invalid_grant)");
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

    /** The {@code profile-refresh} lease, held for two intervals (a run may take longer than one). */
    boolean takeLease() {
        return leases.take("profile-refresh", interval().multipliedBy(2));
    }

    private boolean storedInstead(RefreshableLink due, SealedToken sealed) {
        try {
            return links.keepRotatedToken(due, sealed);
        } catch (RuntimeException concurrentChange) {
            return false;
        }
    }

    private void needsReconsent(RefreshableLink due, SealedToken currentSealedToken, String why) {
        if (links.needsReconsent(due, currentSealedToken)) {
            LOG.info(() -> "link of local user " + due.principal() + " needs re-consent: " + why);
        }
    }

    private Duration interval() {
        return settings.jobs().refreshInterval();
    }

    private Duration staleAfter() {
        return settings.jobs().refreshStaleAfter();
    }
}
