package dev.resonitelink.link.boundary;

import dev.resonitelink.SitePrincipal;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;

/** The link beans for unit tests of other packages, wired as the container would. */
public final class TestLinkBeans {

    public static AccountLinks accountLinks(EntityManager em, dev.resonitelink.webhook.boundary.Outbox outbox) {
        LinkWrites writes = new LinkWrites();
        writes.em = em;
        writes.outbox = outbox;
        AccountLinks links = new AccountLinks();
        links.em = em;
        links.writes = writes;
        links.outbox = outbox;
        return links;
    }

    /** Grants that are not revoked at any provider, but remembered: whose were asked for, in order. */
    public static final class RecordedGrants extends ResoniteGrants {
        public final List<SitePrincipal> revoked = new ArrayList<>();

        @Override
        public void revoke(SitePrincipal principal) {
            revoked.add(principal);
        }
    }

    private TestLinkBeans() {
    }
}
