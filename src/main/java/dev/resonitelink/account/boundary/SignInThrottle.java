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
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import dev.resonitelink.settings.Settings;

/**
 * Failed sign-ins per account and per client address, and sign-ups per address, counted in the database so every
 * node of a cluster sees the same counts (OWASP ASVS 2.2.1). After {@value #ACCOUNT_FREE_FAILURES} failures for an
 * account (or {@value #ADDRESS_FREE_FAILURES} from one address, which many people may share) each further failure
 * blocks that key for twice as long as the one before: 2 s, 4 s, 8 s, ... up to {@link #MAX_BLOCK}. Each attempt is
 * claimed, and counted, before its password is hashed ({@link #claim}). A success clears the account's count; counts older than {@link #FORGET_AFTER} are forgotten. Sign-ups: at most
 * {@code resonite-link.sign-up.per-address-per-hour} an hour per address.
 */
@ApplicationScoped
public class SignInThrottle {

    static final int ACCOUNT_FREE_FAILURES = 5;
    static final int ADDRESS_FREE_FAILURES = 20;
    static final Duration MAX_BLOCK = Duration.ofMinutes(15);
    static final Duration FORGET_AFTER = Duration.ofHours(1);
    /** Longer than an attempt can take: the wait for a hashing slot ({@link PasswordHashing}) and the hash itself. */
    static final Duration IN_FLIGHT = Duration.ofSeconds(PasswordHashing.WAIT_SECONDS + 7L);

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

    /**
     * One sign-in attempt, claimed before its password is hashed: {@code blockedFor} is null when it may go ahead, else
     * how long the caller must wait. {@code inFlightUntil} is the short block the claim set on a key that is past its
     * free failures, so that no second attempt on that key is evaluated while this one is.
     */
    public record Claim(String username, String address, Instant inFlightUntil, Duration blockedFor) {
        public boolean granted() {
            return blockedFor == null;
        }
    }

    /**
     * Claims an attempt for the address, then the account, each in one conditional update that counts the attempt as
     * a failure in advance only if the key is not blocked (and blocks it for {@link #IN_FLIGHT} when that count is past
     * the key's free failures). The database decides, so of N attempts sent at the moment a block ends, on any nodes,
     * one goes ahead and the others are blocked; counting first and checking later would let all N be evaluated.
     */
    public Claim claim(String username, String address) {
        Instant inFlight = clock.instant().plus(IN_FLIGHT).truncatedTo(ChronoUnit.MILLIS);
        Duration addressBlocked = retryOnce(() -> self.claimKey(address(address), ADDRESS_FREE_FAILURES, inFlight));
        if (addressBlocked != null) {
            return new Claim(username, address, inFlight, addressBlocked);
        }
        Duration accountBlocked = retryOnce(() -> self.claimKey(account(username), ACCOUNT_FREE_FAILURES, inFlight));
        if (accountBlocked != null) {
            retryOnce(() -> self.release(address(address), inFlight)); // nothing was tried against the address's share
            return new Claim(username, address, inFlight, accountBlocked);
        }
        return new Claim(username, address, inFlight, null);
    }

    /** Claims one key; null when claimed, else how long it stays blocked. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Duration claimKey(String key, int freeFailures, Instant inFlight) {
        Instant now = clock.instant();
        String counted = "case when last_failure < ?1 then 1 else failures + 1 end";
        int claimed = em.createNativeQuery("update sign_in_throttle set failures = " + counted + ", last_failure = ?2,"
                        + " blocked_until = case when " + counted + " > ?3 then ?4 else blocked_until end"
                        + " where throttle_key = ?5 and (blocked_until is null or blocked_until <= ?2)")
                .setParameter(1, Timestamp.from(now.minus(FORGET_AFTER))).setParameter(2, Timestamp.from(now))
                .setParameter(3, freeFailures).setParameter(4, Timestamp.from(inFlight)).setParameter(5, key)
                .executeUpdate();
        if (claimed == 1) {
            return null;
        }
        List<?> rows = em.createNativeQuery("select blocked_until from sign_in_throttle where throttle_key = ?1")
                .setParameter(1, key).getResultList();
        if (rows.isEmpty()) { // a key never counted: a second node inserting it at once loses on the primary key
            em.createNativeQuery("insert into sign_in_throttle (throttle_key, failures, last_failure) values (?1, 1, ?2)")
                    .setParameter(1, key).setParameter(2, Timestamp.from(now)).executeUpdate();
            return null;
        }
        Instant until = rows.get(0) == null ? now : ((Timestamp) rows.get(0)).toInstant();
        return until.isAfter(now) ? Duration.between(now, until) : Duration.ofSeconds(1); // unblocked just now: retry
    }

    /** The attempt was a wrong password: each key past its free failures is blocked twice as long as before. */
    public void failed(Claim claim) {
        retryOnce(() -> self.backOff(account(claim.username()), ACCOUNT_FREE_FAILURES));
        retryOnce(() -> self.backOff(address(claim.address()), ADDRESS_FREE_FAILURES));
        if (writes.incrementAndGet() % 500 == 0) {
            self.forgetOld();
        }
    }

    /** The password was right: the account's count is cleared, and the address's share given back. */
    public void succeeded(Claim claim) {
        retryOnce(() -> self.clear(account(claim.username())));
        retryOnce(() -> self.release(address(claim.address()), claim.inFlightUntil()));
    }

    /** The attempt was never evaluated (hashing too busy): both keys get the attempt back. */
    public void abandoned(Claim claim) {
        retryOnce(() -> self.release(account(claim.username()), claim.inFlightUntil()));
        retryOnce(() -> self.release(address(claim.address()), claim.inFlightUntil()));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void clear(String key) {
        em.createNativeQuery("delete from sign_in_throttle where throttle_key = ?1").setParameter(1, key).executeUpdate();
    }

    /** Takes one counted attempt back, and the in-flight block this claim set (not a block set by anyone else). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(String key, Instant inFlight) {
        em.createNativeQuery("update sign_in_throttle set failures = case when failures > 0 then failures - 1 else 0 end,"
                        + " blocked_until = case when blocked_until = ?1 then null else blocked_until end"
                        + " where throttle_key = ?2")
                .setParameter(1, Timestamp.from(inFlight)).setParameter(2, key).executeUpdate();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void backOff(String key, int freeFailures) {
        List<?> rows = em.createNativeQuery("select failures from sign_in_throttle where throttle_key = ?1")
                .setParameter(1, key).getResultList();
        int failures = rows.isEmpty() ? 0 : ((Number) rows.get(0)).intValue();
        if (failures > freeFailures) {
            long seconds = Math.min(MAX_BLOCK.toSeconds(), 1L << Math.min(30, failures - freeFailures));
            em.createNativeQuery("update sign_in_throttle set blocked_until = ?1 where throttle_key = ?2")
                    .setParameter(1, Timestamp.from(clock.instant().plusSeconds(seconds))).setParameter(2, key)
                    .executeUpdate();
        }
    }

    /** Counts a sign-up from the address; false when the address had its hourly share already. */
    public boolean allowSignUp(String clientAddress) {
        int limit = settings.limits().signUpsPerAddressPerHour();
        int[] count = new int[1];
        retryOnce(() -> {
            count[0] = self.countSignUp("signup:" + clientAddress);
        });
        return count[0] <= limit;
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
        retryOnce(() -> {
            write.run();
            return null;
        });
    }

    private static <T> T retryOnce(java.util.function.Supplier<T> write) {
        try {
            return write.get();
        } catch (RuntimeException first) {
            return write.get();
        }
    }

    /**
     * Removes the counts whose last failure is older than {@code resonite-link.retention.sign-in-throttle-hours} and
     * that block nothing any more (the retention job, and every 500th failure); returns how many.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int forgetOld() {
        Instant now = clock.instant();
        return em.createNativeQuery("delete from sign_in_throttle where last_failure < ?1"
                        + " and (blocked_until is null or blocked_until < ?2)")
                .setParameter(1, Timestamp.from(now.minus(settings.jobs().signInThrottleRetention())))
                .setParameter(2, Timestamp.from(now)).executeUpdate();
    }
}
