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

    /** A throttle whose {@code REQUIRES_NEW} methods run in transactions of their own, on this clock. */
    public static SignInThrottle signInThrottle(dev.resonitelink.testing.TestDatabase db, java.time.Instant now) {
        return SignInThrottleTest.throttle(db, () -> now, 20).self;
    }

    private TestAccountBeans() {
    }
}
