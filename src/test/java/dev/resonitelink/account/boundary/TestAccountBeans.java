package dev.resonitelink.account.boundary;

import dev.resonitelink.audit.AuditTrail;
import dev.resonitelink.settings.TestSettings;
import jakarta.persistence.EntityManager;

/** The account beans for unit tests of other packages, wired as the container would. */
public final class TestAccountBeans {

    public static SiteUsers siteUsers(EntityManager em, AuditTrail audit) {
        SiteUsers users = new SiteUsers();
        users.em = em;
        users.audit = audit;
        users.settings = TestSettings.defaults();
        users.self = users;
        return users;
    }

    private TestAccountBeans() {
    }
}
