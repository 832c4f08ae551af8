package dev.resonitelink.account.boundary;

import dev.resonitelink.account.entity.LocalUser;
import dev.resonitelink.audit.AuditTrail;
import dev.resonitelink.audit.AuditEntry;
import dev.resonitelink.settings.Settings;
import dev.resonitelink.web.Pages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The rows of the users of the site's identity provider: one per principal, made at the first sign-in and updated at
 * each one with the display name and e-mail claims, so organizers find them in the registrants list, its CSV and the
 * API like local accounts. Who is an organizer follows the provider's group claim at every sign-in (never a name);
 * a change is in the audit trail, done by {@value #BY_IDENTITY_PROVIDER}.
 */
@ApplicationScoped
public class SiteUsers {

    static final String BY_IDENTITY_PROVIDER = "(identity provider)";

    @PersistenceContext
    EntityManager em;

    @Inject
    Settings settings;

    @Inject
    AuditTrail audit;

    @Inject
    SiteUsers self;

    Clock clock = Clock.systemUTC();

    /**
     * Records the sign-in and returns the caller's groups, or null when the principal names an account of the built-in
     * sign-in that may not be taken over; a first sign-in racing another is retried once.
     */
    public Set<String> signedIn(String principal, String displayName, String email, List<String> groups) {
        try {
            return self.record(principal, displayName, email, groups);
        } catch (PersistenceException | jakarta.transaction.TransactionalException e) {
            return self.record(principal, displayName, email, groups); // the other sign-in made the row: this one updates it
        }
    }

    /**
     * Whether a sign-in of this principal was refused because a local account has its name: a provider's principal
     * equal to an old local user name must not inherit that account and its link, unless the operator migrates on
     * purpose ({@code resonite-link.sso.take-over-local-accounts}).
     */
    @Transactional
    public boolean refusedAsLocalAccount(String principal) {
        LocalUser user = em.find(LocalUser.class, principal);
        return user != null && user.local() && !settings.signIn().sso().takeOverLocalAccounts();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Set<String> record(String principal, String displayName, String email, List<String> groups) {
        LocalUser user = em.find(LocalUser.class, principal);
        if (user == null) {
            user = LocalUser.fromSingleSignOn(principal, clock.instant());
            em.persist(user);
        } else if (user.local()) {
            if (!settings.signIn().sso().takeOverLocalAccounts()) {
                return null;
            }
            user.takenOverBySso(); // its password is cleared: from now on only the provider signs this user in
            audit.recordBy(BY_IDENTITY_PROVIDER, user.username(), AuditEntry.Action.SSO_TAKEOVER, "TAKEN_OVER",
                    Pages.requestId());
        }
        user.signedInThroughSso(displayName, email, clock.instant());
        String organizerGroup = settings.signIn().sso().organizerGroup();
        boolean organizer = organizerGroup != null && groups.contains(organizerGroup);
        if (user.setGroup(LocalUser.ORGANIZER_GROUP, organizer)) {
            audit.recordBy(BY_IDENTITY_PROVIDER, user.username(), organizer ? AuditEntry.Action.ORGANIZER_GRANT
                    : AuditEntry.Action.ORGANIZER_REVOKE, organizer ? "GRANTED" : "REVOKED", Pages.requestId());
        }
        em.flush();
        return user.groups();
    }

    /** When the user's row was made, if there is one: a row made again under the same name is another account. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Instant> createdAt(String principal) {
        LocalUser user = em.find(LocalUser.class, principal);
        return user == null ? Optional.empty() : Optional.of(user.createdAt());
    }

    /** The user's row as stored (their data export), if there is one. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<LocalUser> find(String principal) {
        return Optional.ofNullable(em.find(LocalUser.class, principal));
    }

    /**
     * Deletes the user's row, its password hash and groups, and the sign-in throttle's count for the name (erasure);
     * returns whether there was a row. In the caller's transaction, with the rest of the erasure.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean erase(String principal) {
        em.createNativeQuery("delete from app_user_group where username = ?1").setParameter(1, principal)
                .executeUpdate();
        em.createNativeQuery("delete from sign_in_throttle where throttle_key = ?1")
                .setParameter(1, SignInThrottle.account(principal)).executeUpdate();
        return em.createNativeQuery("delete from app_user where username = ?1").setParameter(1, principal)
                .executeUpdate() == 1;
    }
}
