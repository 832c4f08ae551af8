package dev.resonitelink.ops.boundary;

import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many HTTP sessions this node made since it started, and how many it holds now: the census behind the claim that
 * signed-out requests cost no session (each session holds memory, replicated to a backup node, for 30 minutes).
 * Reported by {@link Sessions} with the liveness checks. A listener the container makes, so the counts are static.
 */
@WebListener
public class SessionCensus implements HttpSessionListener {

    private static final AtomicLong CREATED = new AtomicLong();
    private static final AtomicLong ACTIVE = new AtomicLong();

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        CREATED.incrementAndGet();
        ACTIVE.incrementAndGet();
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        ACTIVE.decrementAndGet();
    }

    static long created() {
        return CREATED.get();
    }

    static long active() {
        return ACTIVE.get();
    }
}
