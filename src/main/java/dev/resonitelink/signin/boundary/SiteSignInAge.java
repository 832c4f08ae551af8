package dev.resonitelink.signin.boundary;

import dev.resonitelink.settings.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * How long a sign-in through the site's provider lasts: at most {@code resonite-link.sso.max-session-seconds} (8 h by
 * default) from the sign-in, however active the session stays. Then the user signs in at the provider again, and the
 * groups (organizer rights) are read again, so a removal from the group at the provider takes effect within that
 * time. The sign-in instant is kept in the session, which every node of a cluster shares.
 */
@ApplicationScoped
public class SiteSignInAge {

    static final String SIGNED_IN_AT = SiteSignInAge.class.getName() + ".signedInAt";

    private Duration maxAge;
    private Clock clock;

    SiteSignInAge() {
    }

    @Inject
    public SiteSignInAge(Settings settings) {
        this(settings.signIn().oidc() ? settings.signIn().sso().maxSession() : null, Clock.systemUTC());
    }

    /** For tests: this maximum age, time as this clock tells it. */
    SiteSignInAge(Duration maxAge, Clock clock) {
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /** Notes the sign-in that just succeeded in this session. */
    public void signedIn(HttpSession session) {
        session.setAttribute(SIGNED_IN_AT, clock.instant());
    }

    /** Whether the sign-in kept in this session is too old (or unknown): then the session must end. */
    public boolean expired(HttpSession session) {
        if (maxAge == null) {
            return false;
        }
        Object at = session.getAttribute(SIGNED_IN_AT);
        return !(at instanceof Instant signedIn) || !clock.instant().isBefore(signedIn.plus(maxAge));
    }

    /**
     * Whether this session's sign-in at the provider happened within {@code recent} (a fresh sign-in confirms a change
     * that cannot be undone, such as deleting the account); false when unknown.
     */
    public boolean signedInWithin(HttpSession session, Duration recent) {
        Object at = session == null ? null : session.getAttribute(SIGNED_IN_AT);
        return at instanceof Instant signedIn && clock.instant().isBefore(signedIn.plus(recent));
    }
}
