package dev.resonitelink.standin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The stand-in's clock: the system's, plus whatever a test moved it ahead, so expiry is tested without sleeping. */
public final class TestClock extends Clock {

    private volatile Duration ahead = Duration.ZERO;

    /** Moves this clock ahead; codes, consents and tokens then expire as they would after that long. */
    public void advance(Duration duration) {
        ahead = ahead.plus(duration);
    }

    void reset() {
        ahead = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(ahead);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the stand-in works in UTC");
    }
}
