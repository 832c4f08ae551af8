package dev.resonitelink.oauth.control;

import dev.resonitelink.web.FlowSession;
import dev.resonitelink.settings.Settings;

import dev.resonitelink.oauth.entity.PendingAuthorization;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The authorization requests a browser session has in flight at one provider, kept in that session
 * ({@link FlowSession}); one per {@link AuthorizationCodeFlow}.
 * <p>
 * A small bounded map, not one slot, so flows started in parallel tabs each complete once; the oldest is
 * dropped when a client starts more than {@code resonite.max-pending-flows}. Entries are single use
 * (removed on first sight, whatever the outcome), expire after the configured lifetime, and are looked up
 * comparing every stored state in constant time (RFC 9700 section 4.7). The whole map is written back to the
 * session after each change, so distributable sessions replicate it to the other nodes.
 */
public class PendingAuthorizations {

        private static final Object[] LOCKS = new Object[64];

    static {
        for (int i = 0; i < LOCKS.length; i++) {
            LOCKS[i] = new Object();
        }
    }

    private final Settings.Limits limits;
    private final String attribute;
    private final Clock clock;

    /**
     * @param attribute the session attribute these requests live in: one per provider, so the requests of one flow
     *                  are never taken for another's
     */
    PendingAuthorizations(Settings.Limits limits, String attribute, Clock clock) {
        this.limits = limits;
        this.attribute = attribute;
        this.clock = clock;
    }

    public void add(FlowSession session, PendingAuthorization pending) {
        synchronized (lockFor(session)) {
            LinkedHashMap<String, PendingAuthorization> map = withoutExpired(read(session));
            map.put(pending.state(), pending);
            while (map.size() > limits.maxPendingFlows()) {
                map.remove(map.keySet().iterator().next());
            }
            session.put(attribute, map);
        }
    }

    /** Removes and returns the unexpired request with this state, if the session has one. */
    public Optional<PendingAuthorization> take(FlowSession session, String state) {
        if (session == null || state == null) {
            return Optional.empty();
        }
        synchronized (lockFor(session)) {
            LinkedHashMap<String, PendingAuthorization> map = read(session);
            if (map.isEmpty()) {
                return Optional.empty();
            }
            byte[] wanted = state.getBytes(StandardCharsets.UTF_8);
            String found = null;
            for (String candidate : new ArrayList<>(map.keySet())) {
                // every entry is compared, with no early exit, so timing says nothing about near misses
                if (MessageDigest.isEqual(candidate.getBytes(StandardCharsets.UTF_8), wanted)) {
                    found = candidate;
                }
            }
            PendingAuthorization pending = found == null ? null : map.remove(found);
            LinkedHashMap<String, PendingAuthorization> rest = withoutExpired(map);
            if (rest.isEmpty()) {
                session.remove(attribute);
            } else {
                session.put(attribute, rest);
            }
            if (pending == null || pending.expiredAt(clock.instant(), limits.stateLifetime())) {
                return Optional.empty();
            }
            return Optional.of(pending);
        }
    }

    /** How many requests the session has in flight (for tests and the account page). */
    public int count(FlowSession session) {
        return session == null ? 0 : withoutExpired(read(session)).size();
    }

    @SuppressWarnings("unchecked")
    private LinkedHashMap<String, PendingAuthorization> read(FlowSession session) {
        Object value = session.get(attribute);
        return value instanceof Map<?, ?> map
                ? new LinkedHashMap<>((Map<String, PendingAuthorization>) map)
                : new LinkedHashMap<>();
    }

    private LinkedHashMap<String, PendingAuthorization> withoutExpired(LinkedHashMap<String, PendingAuthorization> map) {
        Instant now = clock.instant();
        List<String> expired = map.values().stream()
                .filter(p -> p.expiredAt(now, limits.stateLifetime()))
                .map(PendingAuthorization::state)
                .toList();
        expired.forEach(map::remove);
        return map;
    }

    private static Object lockFor(FlowSession session) {
        return LOCKS[Math.floorMod(session.id().hashCode(), LOCKS.length)];
    }
}
