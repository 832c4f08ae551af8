package dev.resonitelink.account.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import dev.resonitelink.settings.Settings;

/**
 * Failed sign-ins per account and per client address, and sign-ups per address, counted in the database so every
 * node of a cluster sees the same counts (OWASP ASVS 2.2.1). After {@value #ACCOUNT_FREE_FAILURES} failures for an
 * account (or {@value #ADDRESS_FREE_FAILURES} from one address, which many people may share) each further failure
 * blocks that key for twice as long as the one before: 2 s, 4 s, 8 s, ... up to {@link #MAX_BLOCK}. A success clears
 * the account's count; counts older than {@link #FORGET_AFTER} are forgotten. Sign-ups: at most
 * {@code resonite-link.sign-up.per-address-per-hour} an hour per address.
 */
@ApplicationScoped
public class SignInThrottle {

    static final int ACCOUNT_FREE_FAILURES = 5;
    static final int ADDRESS_FREE_FAILURES = 20;
    static final Duration MAX_BLOCK = Duration.ofMinutes(15);
    static final Duration FORGET_AFTER = Duration.ofHours(1);

    @PersistenceContext
    EntityManager em;

    @Inject
    Settings settings;

    @Inject
    SignInThrottle self;

    Clock clock = Clock.systemUTC();
    private final AtomicInteger writes = new AtomicInteger();

    public static String account(String username) {
        return "user:" + username;
    }

    public static String address(String address) {
        return "addr:" + address;
    }

    /** How long the longest block among the keys still lasts, if any. */
    @Transactional
    public Optional<Duration> blockedFor(List<String> keys) {
        Instant now = clock.instant();
        Duration longest = Duration.ZERO;
        for (String key : keys) {
            List<?> rows = em.createNativeQuery("select blocked_until from sign_in_throttle where throttle_key = ?1")
                    .setParameter(1, key).getResultList();
            if (!rows.isEmpty() && rows.get(0) != null) {
                Instant until = ((Timestamp) rows.get(0)).toInstant();
                if (until.isAfter(now) && Duration.between(now, until).compareTo(longest) > 0) {
                    longest = Duration.between(now, until);
                }
            }
        }
        return longest.isZero() ? Optional.empty() : Optional.of(longest);
    }

    /** Counts a failed sign-in for the account and the address. */
    public void failed(String username, String clientAddress) {
        retryOnce(() -> self.count(account(username), ACCOUNT_FREE_FAILURES));
        retryOnce(() -> self.count(address(clientAddress), ADDRESS_FREE_FAILURES));
        if (writes.incrementAndGet() % 500 == 0) {
            self.forgetOld();
        }
    }

    @Transactional
    public void succeeded(String username) {
        em.createNativeQuery("delete from sign_in_throttle where throttle_key = ?1").setParameter(1, account(username))
                .executeUpdate();
    }

    /** Counts a sign-up from the address; false when the address had its hourly share already. */
    public boolean allowSignUp(String clientAddress) {
        int limit = settings.limits().signUpsPerAddressPerHour();
        int[] count = new int[1];
        retryOnce(() -> count[0] = self.countSignUp("signup:" + clientAddress));
        return count[0] <= limit;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void count(String key, int freeFailures) {
        Instant now = clock.instant();
        int failures = countWithin(key, FORGET_AFTER);
        if (failures > freeFailures) {
            long seconds = Math.min(MAX_BLOCK.toSeconds(), 1L << Math.min(30, failures - freeFailures));
            em.createNativeQuery("update sign_in_throttle set blocked_until = ?1 where throttle_key = ?2")
                    .setParameter(1, Timestamp.from(now.plusSeconds(seconds))).setParameter(2, key).executeUpdate();
        }
    }

    /** Adds one to the key's count (restarting it when its last event is older than {@code window}); returns the count. */
    private int countWithin(String key, Duration window) {
        Timestamp now = Timestamp.from(clock.instant());
        Timestamp stale = Timestamp.from(clock.instant().minus(window));
        int updated = em.createNativeQuery("update sign_in_throttle set failures = case when last_failure < ?1 then 1"
                        + " else failures + 1 end, last_failure = ?2 where throttle_key = ?3")
                .setParameter(1, stale).setParameter(2, now).setParameter(3, key).executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("insert into sign_in_throttle (throttle_key, failures, last_failure) values (?1, 1, ?2)")
                    .setParameter(1, key).setParameter(2, now).executeUpdate();
            return 1;
        }
        return ((Number) em.createNativeQuery("select failures from sign_in_throttle where throttle_key = ?1")
                .setParameter(1, key).getSingleResult()).intValue();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int countSignUp(String key) {
        return countWithin(key, Duration.ofHours(1));
    }

    /** Two nodes counting a new key at once: one insert loses on the primary key, and its retry updates instead. */
    private static void retryOnce(Runnable write) {
        try {
            write.run();
        } catch (RuntimeException first) {
            write.run();
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void forgetOld() {
        em.createNativeQuery("delete from sign_in_throttle where last_failure < ?1")
                .setParameter(1, Timestamp.from(clock.instant().minus(Duration.ofDays(1)))).executeUpdate();
    }
}
