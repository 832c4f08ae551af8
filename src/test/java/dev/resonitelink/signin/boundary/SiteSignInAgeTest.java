package dev.resonitelink.signin.boundary;

import dev.resonitelink.ManualClock;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpSession;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The maximum age of a single sign-on session (security round 3, item 7), on a clock the test moves. */
class SiteSignInAgeTest {

    /** A session that keeps attributes, nothing more. */
    static HttpSession session() {
        Map<String, Object> attributes = new HashMap<>();
        return (HttpSession) Proxy.newProxyInstance(HttpSession.class.getClassLoader(), new Class<?>[] {HttpSession.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void aSignInLastsItsMaximumAgeAndNotASecondLongerHoweverBusyTheSession() {
        ManualClock clock = new ManualClock(Instant.parse("2026-12-06T09:00:00Z"));
        SiteSignInAge age = new SiteSignInAge(Duration.ofHours(8), clock);
        HttpSession session = session();
        age.signedIn(session);
        for (int hour = 0; hour < 7; hour++) {
            clock.move(Duration.ofHours(1));
            assertThat(age.expired(session)).as("after %d h", hour + 1).isFalse();
        }
        clock.move(Duration.ofMinutes(59).plusSeconds(59));
        assertThat(age.expired(session)).isFalse();
        clock.move(Duration.ofSeconds(1));
        assertThat(age.expired(session)).as("at 8 h").isTrue();
    }

    @Test
    void aSessionWithoutAKnownSignInIsExpiredAndLocalSignInHasNoMaximum() {
        ManualClock clock = new ManualClock(Instant.parse("2026-12-06T09:00:00Z"));
        assertThat(new SiteSignInAge(Duration.ofHours(8), clock).expired(session())).isTrue();
        HttpSession local = session();
        SiteSignInAge none = new SiteSignInAge(null, clock);
        none.signedIn(local);
        clock.move(Duration.ofDays(30));
        assertThat(none.expired(local)).isFalse();
    }

    /** Issue 27: deleting an account with single sign-on needs a sign-in at the provider of at most 5 minutes ago. */
    @Test
    void aSignInIsRecentForItsFirstFiveMinutesOnlyAndAnUnknownOneNever() {
        ManualClock clock = new ManualClock(Instant.parse("2026-12-07T09:00:00Z"));
        SiteSignInAge age = new SiteSignInAge(Duration.ofHours(8), clock);
        HttpSession session = session();
        assertThat(age.signedInWithin(session, Duration.ofMinutes(5))).as("no sign-in known").isFalse();
        age.signedIn(session);
        clock.move(Duration.ofMinutes(4).plusSeconds(59));
        assertThat(age.signedInWithin(session, Duration.ofMinutes(5))).isTrue();
        clock.move(Duration.ofSeconds(1));
        assertThat(age.signedInWithin(session, Duration.ofMinutes(5))).as("at 5 min").isFalse();
        assertThat(age.expired(session)).as("the session itself lasts on").isFalse();
    }
}
