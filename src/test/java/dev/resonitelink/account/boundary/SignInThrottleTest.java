package dev.resonitelink.account.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resonitelink.settings.Setting;
import dev.resonitelink.settings.TestSettings;
import dev.resonitelink.testing.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The throttle's decisions, made by its SQL on a real database, with a clock the test moves. */
class SignInThrottleTest {

    private TestDatabase db;
    private SignInThrottle throttle;
    private Instant now = Instant.parse("2026-12-07T10:00:00Z");

    @BeforeEach
    void setUp() {
        db = new TestDatabase();
        throttle = throttle(db, () -> now, 3);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    /**
     * A throttle as the container makes it: its entity manager the current transaction's, and each of its
     * {@code REQUIRES_NEW} methods, called through {@code self}, in a transaction of its own.
     */
    static SignInThrottle throttle(TestDatabase db, java.util.function.Supplier<Instant> time, int signUpsPerHour) {
        SignInThrottle bean = new SignInThrottle();
        bean.em = db.entityManager();
        Map<String, String> settings = TestSettings.valid();
        settings.put(Setting.SIGN_UPS_PER_ADDRESS.key(), String.valueOf(signUpsPerHour));
        bean.settings = TestSettings.with(settings);
        bean.clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return time.get();
            }
        };
        bean.self = new SignInThrottle() {
            @Override
            public Duration claimKey(String key, int freeFailures, Instant inFlight) {
                return db.inTransaction(() -> bean.claimKey(key, freeFailures, inFlight));
            }

            @Override
            public void clear(String key) {
                db.inTransaction(() -> bean.clear(key));
            }

            @Override
            public void release(String key, Instant inFlight) {
                db.inTransaction(() -> bean.release(key, inFlight));
            }

            @Override
            public void backOff(String key, int freeFailures) {
                db.inTransaction(() -> bean.backOff(key, freeFailures));
            }

            @Override
            public int countSignUp(String key) {
                return db.inTransaction(() -> bean.countSignUp(key));
            }

            @Override
            public int forgetOld() {
                return db.inTransaction(bean::forgetOld);
            }
        };
        return bean;
    }

    private SignInThrottle.Claim wrongPassword(String user, String address) {
        SignInThrottle.Claim claim = throttle.claim(user, address);
        if (claim.granted()) {
            throttle.failed(claim);
        }
        return claim;
    }

    @Test
    void anAccountHasFiveFreeFailuresThenEachBlocksItTwiceAsLongAsTheOneBefore() {
        for (int i = 0; i < SignInThrottle.ACCOUNT_FREE_FAILURES + 1; i++) {
            assertThat(wrongPassword("ada", "10.0.0." + i).granted()).as("attempt " + (i + 1)).isTrue();
        }
        SignInThrottle.Claim blocked = throttle.claim("ada", "10.0.0.99");
        assertThat(blocked.granted()).isFalse();
        assertThat(blocked.blockedFor()).isEqualTo(Duration.ofSeconds(2));

        now = now.plusSeconds(2);
        assertThat(wrongPassword("ada", "10.0.0.7").granted()).as("once the block has passed").isTrue();
        assertThat(throttle.claim("ada", "10.0.0.8").blockedFor()).as("the next block doubles").isEqualTo(Duration.ofSeconds(4));
        assertThat(throttle.claim("grace", "10.0.0.8").granted()).as("another account is not blocked").isTrue();
    }

    @Test
    void theLongestBlockIsFifteenMinutes() {
        for (int i = 0; i < 20; i++) {
            assertThat(wrongPassword("ada", "10.0.1." + i).granted()).as("attempt " + (i + 1)).isTrue();
            if (i < 19) {
                now = now.plus(SignInThrottle.MAX_BLOCK); // past the block, and within the hour a count is kept
            }
        }
        assertThat(throttle.claim("ada", "10.0.2.1").blockedFor()).as("2^15 s, capped").isEqualTo(SignInThrottle.MAX_BLOCK);
    }

    @Test
    void theRightPasswordClearsTheAccountsCount() {
        for (int i = 0; i < SignInThrottle.ACCOUNT_FREE_FAILURES; i++) {
            wrongPassword("ada", "10.0.0.1");
        }
        throttle.succeeded(throttle.claim("ada", "10.0.0.1"));
        assertThat(db.query("select count(*) from sign_in_throttle where throttle_key = 'user:ada'"))
                .containsExactly(List.of("0"));
        for (int i = 0; i < SignInThrottle.ACCOUNT_FREE_FAILURES + 1; i++) {
            assertThat(wrongPassword("ada", "10.0.0.1").granted()).as("five free failures again").isTrue();
        }
    }

    @Test
    void oneAddressHasTwentyFreeFailuresAcrossAccountsAndABlockedAddressCostsNoAccountAnything() {
        for (int i = 0; i <= SignInThrottle.ADDRESS_FREE_FAILURES; i++) {
            assertThat(wrongPassword("guess" + i, "203.0.113.9").granted()).as("guess " + (i + 1)).isTrue();
        }
        SignInThrottle.Claim blocked = throttle.claim("ada", "203.0.113.9");
        assertThat(blocked.granted()).isFalse();
        assertThat(db.query("select count(*) from sign_in_throttle where throttle_key = 'user:ada'"))
                .as("the account was never tried").containsExactly(List.of("0"));
        assertThat(throttle.claim("ada", "198.51.100.1").granted()).as("from another address").isTrue();
    }

    @Test
    void anAttemptNeverEvaluatedIsGivenBack() {
        for (int i = 0; i < SignInThrottle.ACCOUNT_FREE_FAILURES; i++) {
            throttle.abandoned(throttle.claim("ada", "10.0.0.1")); // hashing was too busy: nothing was tried
        }
        assertThat(db.query("select failures from sign_in_throttle where throttle_key = 'user:ada'"))
                .containsExactly(List.of("0"));
        for (int i = 0; i < SignInThrottle.ACCOUNT_FREE_FAILURES + 1; i++) {
            assertThat(wrongPassword("ada", "10.0.0.1").granted()).isTrue();
        }
    }

    @Test
    void failuresOlderThanAnHourAreForgotten() {
        for (int i = 0; i < SignInThrottle.ACCOUNT_FREE_FAILURES; i++) {
            wrongPassword("ada", "10.0.0.1");
        }
        now = now.plus(SignInThrottle.FORGET_AFTER).plusSeconds(1);
        wrongPassword("ada", "10.0.0.1");
        assertThat(db.query("select failures from sign_in_throttle where throttle_key = 'user:ada'"))
                .as("counting starts again").containsExactly(List.of("1"));
    }

    @Test
    void ofManyAttemptsAtTheMomentABlockEndsOnlyOneIsEvaluated() throws Exception {
        for (int i = 0; i < SignInThrottle.ACCOUNT_FREE_FAILURES + 1; i++) {
            wrongPassword("ada", "10.0.3." + i);
        }
        now = now.plusSeconds(2); // the account's block ends now
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<SignInThrottle.Claim>> claims = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String address = "10.0.4." + i;
            claims.add(pool.submit(() -> {
                go.await();
                return throttle.claim("ada", address);
            }));
        }
        go.countDown();
        int granted = 0;
        for (Future<SignInThrottle.Claim> claim : claims) {
            granted += claim.get().granted() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(granted).as("the database lets exactly one through").isEqualTo(1);
    }

    /** Issue 27: the retention job removes idle counts (they name accounts and addresses), never a running block. */
    @Test
    void theRetentionRemovesCountsIdleForADayButNotOneThatStillBlocks() {
        db.update("insert into sign_in_throttle (throttle_key, failures, last_failure, blocked_until) values"
                + " ('user:idle', 3, TIMESTAMP '2026-12-06 09:59:59', null),"
                + " ('addr:203.0.113.9', 40, TIMESTAMP '2026-12-06 09:00:00', TIMESTAMP '2026-12-07 10:05:00'),"
                + " ('user:recent', 2, TIMESTAMP '2026-12-06 10:00:01', null),"
                + " ('user:ended-block', 9, TIMESTAMP '2026-12-05 10:00:00', TIMESTAMP '2026-12-05 10:15:00')");

        assertThat(throttle.self.forgetOld()).as("through the transaction a container gives it").isEqualTo(2);

        assertThat(db.query("select throttle_key from sign_in_throttle order by throttle_key"))
                .containsExactly(List.of("addr:203.0.113.9"), List.of("user:recent"));
    }

    @Test
    void signUpsAreCountedPerAddressPerHour() {
        assertThat(throttle.allowSignUp("10.0.0.1")).isTrue();
        assertThat(throttle.allowSignUp("10.0.0.1")).isTrue();
        assertThat(throttle.allowSignUp("10.0.0.1")).isTrue();
        assertThat(throttle.allowSignUp("10.0.0.1")).as("the fourth within the hour").isFalse();
        assertThat(throttle.allowSignUp("10.0.0.2")).as("another address").isTrue();
        now = now.plus(Duration.ofHours(1)).plusSeconds(1);
        assertThat(throttle.allowSignUp("10.0.0.1")).as("an hour later").isTrue();
    }
}
