package dev.resonitelink.ops.control;

import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A log that writes at most {@code perMinute} lines a minute and then one line saying how many it left out, so
 * noise that anybody can cause (junk callbacks, for one) can never flood the log.
 */
public final class BoundedLog {

    private final Logger log;
    private final int perMinute;
    private final AtomicLong window = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong suppressed = new AtomicLong();

    public BoundedLog(Logger log, int perMinute) {
        this.log = log;
        this.perMinute = perMinute;
    }

    public void log(Level level, String message) {
        long minute = System.currentTimeMillis() / 60_000;
        long previous = window.get();
        if (previous != minute && window.compareAndSet(previous, minute)) {
            written.set(0);
            long left = suppressed.getAndSet(0);
            if (left > 0) {
                log.log(level, left + " similar lines left out in the previous minute");
            }
        }
        if (written.incrementAndGet() <= perMinute) {
            log.log(level, message);
        } else {
            suppressed.incrementAndGet();
        }
    }
}
