package dev.resonitelink.privacy.boundary;

import dev.resonitelink.SitePrincipal;
import dev.resonitelink.account.boundary.SiteUsers;
import dev.resonitelink.audit.AuditEntry;
import dev.resonitelink.audit.AuditTrail;
import dev.resonitelink.event.boundary.AttendeeErasure;
import dev.resonitelink.link.boundary.AccountLinks;
import dev.resonitelink.link.boundary.ResoniteGrants;
import dev.resonitelink.link.entity.LinkView;
import dev.resonitelink.webhook.boundary.Outbox;
import dev.resonitelink.webhook.entity.WebhookEventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.logging.Logger;

/**
 * Deleting a site user, by themselves or by an organizer. First the grant at Resonite is revoked (best effort, as
 * unlinking does); then, in one transaction, everything stored about the user goes: their registrations (places of
 * events not over go to the waitlist), the invite-list entries of their Resonite account, the link with its sealed
 * refresh token, the sign-in throttle's count, the user row with its password hash and groups. What must stay
 * (audit entries, the events they made, the tickets they spent) keeps only their pseudonym. One audit entry records
 * the deletion, under the pseudonym, done by the user or by the organizer named, with the organizer's reason.
 */
@ApplicationScoped
public class UserErasure {

    /** The outcome of an audit entry for a deletion the user made themselves, and one an organizer made. */
    static final String BY_USER = "BY_USER";
    static final String BY_ORGANIZER = "BY_ORGANIZER";
    private static final Logger LOG = Logger.getLogger(UserErasure.class.getName());

    @Inject
    ResoniteGrants grants;

    @Inject
    AccountLinks links;

    @Inject
    AttendeeErasure attendees;

    @Inject
    SiteUsers users;

    @Inject
    AuditTrail audit;

    @Inject
    PseudonymKey key;

    @Inject
    UserErasure self;

    @Inject
    Outbox outbox;

    /**
     * Deletes the user; returns whether there was one to delete.
     *
     * @param organizer the organizer deleting someone else, null when users delete themselves
     * @param reason    the organizer's words (audited), null for the user's own deletion
     */
    public boolean erase(SitePrincipal principal, String organizer, String reason, String requestId) {
        grants.revoke(principal);
        boolean erased = self.eraseStored(principal, organizer, reason, requestId);
        if (erased) {
            LOG.info(() -> "a site user was deleted" + (organizer == null ? " by themselves" : " by an organizer")
                    + " [request id " + requestId + "]");
        }
        return erased;
    }

    @Transactional
    public boolean eraseStored(SitePrincipal principal, String organizer, String reason, String requestId) {
        String name = principal.name();
        String pseudonym = key.pseudonyms().of(name);
        String resoniteId = links.view(principal).map(LinkView::resoniteId).orElse(null);
        if (resoniteId == null && users.createdAt(name).isEmpty()) {
            return false; // nobody of that name: nothing to delete, nothing to audit
        }
        attendees.erase(name, resoniteId, pseudonym, requestId);
        links.unlink(principal);
        boolean existed = users.erase(name);
        // other services hear of it (they may keep copies); the notice names the user until it is delivered
        outbox.publish(WebhookEventType.USER_DELETED, name, Outbox.data("principal", name, "resoniteId", resoniteId,
                "by", organizer == null ? "user" : "organizer"));
        outbox.erase(name, pseudonym);
        audit.pseudonymize(name, resoniteId == null ? List.of() : List.of(resoniteId), pseudonym);
        audit.recordEvent(organizer == null ? pseudonym : organizer, pseudonym, null, null,
                AuditEntry.Action.USER_DELETE, organizer == null ? BY_USER : BY_ORGANIZER, reason, requestId);
        return existed;
    }
}
