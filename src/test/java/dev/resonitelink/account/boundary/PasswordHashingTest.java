package dev.resonitelink.account.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.resonitelink.settings.InvalidSettingsException;
import dev.resonitelink.settings.Setting;
import dev.resonitelink.settings.Settings;
import dev.resonitelink.settings.TestSettings;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PasswordHashingTest {

    /** Records what it is asked to do; generate blocks while {@link #gate} is closed. */
    static final class RecordingHash implements Pbkdf2PasswordHash {
        final List<String> verified = new ArrayList<>();
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();
        volatile CountDownLatch gate = new CountDownLatch(0);
        Map<String, String> parameters;
        final List<Thread> threads = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public void initialize(Map<String, String> parameters) {
            this.parameters = parameters;
        }

        @Override
        public String generate(char[] password) {
            threads.add(Thread.currentThread());
            int now = running.incrementAndGet();
            mostAtOnce.accumulateAndGet(now, Math::max);
            try {
                gate.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                running.decrementAndGet();
            }
            return "PBKDF2WithHmacSHA512:210000:c2FsdA==:" + new String(password);
        }

        @Override
        public synchronized boolean verify(char[] password, String hashedPassword) {
            verified.add(hashedPassword);
            return true;
        }
    }

    private final RecordingHash hash = new RecordingHash();

    private PasswordHashing hashing() {
        return hashing(TestSettings.defaults());
    }

    private PasswordHashing hashing(Settings settings) {
        PasswordHashing hashing = new PasswordHashing();
        hashing.hash = hash;
        hashing.settings = settings;
        hashing.threads = Executors.defaultThreadFactory();
        hashing.configure();
        return hashing;
    }

    private static Settings withIterations(String iterations) {
        Map<String, String> values = TestSettings.valid();
        values.put(Setting.PASSWORD_HASH_ITERATIONS.key(), iterations);
        return TestSettings.with(values);
    }

    /** So that a busy machine serves its other requests first: the hashes never run on the caller's thread. */
    @Test
    void hashesRunOnThreadsOfTheLowestPriorityNotOnTheCallersThread() {
        PasswordHashing hashing = hashing();
        hash.threads.clear(); // the dummy hash made at startup
        hashing.generate("pw".toCharArray());
        assertThat(hash.threads).hasSize(1);
        assertThat(hash.threads.get(0)).isNotSameAs(Thread.currentThread());
        assertThat(hash.threads.get(0).getPriority()).isEqualTo(Thread.MIN_PRIORITY);
        assertThat(Thread.currentThread().getPriority()).as("the caller's thread keeps its priority")
                .isEqualTo(Thread.NORM_PRIORITY);
        hashing.stop();
    }

    @Test
    void currentOwaspParametersAreUsed() {
        hashing();
        assertThat(hash.parameters).containsEntry("Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512")
                .containsEntry("Pbkdf2PasswordHash.Iterations", "210000");
    }

    @Test
    void unknownUsersCostTheSameHashAsKnownOnes() {
        PasswordHashing hashing = hashing();
        assertThat(hashing.verify("guess".toCharArray(), null)).as("never true without an account").isFalse();
        assertThat(hashing.verify("guess".toCharArray(), "PBKDF2WithHmacSHA512:210000:AAAA:BBBB")).isTrue();
        assertThat(hash.verified).hasSize(2);
        assertThat(hash.verified.get(0)).as("the dummy: a real hash with today's parameters")
                .startsWith("PBKDF2WithHmacSHA512:210000:");
    }

    @Test
    void olderParametersAreOutdated() {
        PasswordHashing hashing = hashing();
        assertThat(hashing.outdated("PBKDF2WithHmacSHA256:210000:a:b")).isTrue();
        assertThat(hashing.outdated("PBKDF2WithHmacSHA512:100000:a:b")).isTrue();
        assertThat(hashing.outdated("PBKDF2WithHmacSHA512:210000:a:b")).isFalse();
    }

    /** An operator following OWASP upwards: hashes made with the old count are re-hashed, the new ones are not. */
    @Test
    void theConfiguredIterationsAreUsedAndHashesWithAnyOtherCountAreOutdated() {
        PasswordHashing hashing = hashing(withIterations("600000"));
        assertThat(hash.parameters).containsEntry("Pbkdf2PasswordHash.Iterations", "600000");
        assertThat(hashing.outdated("PBKDF2WithHmacSHA512:210000:a:b")).isTrue();
        assertThat(hashing.outdated("PBKDF2WithHmacSHA512:600000:a:b")).isFalse();
    }

    @Test
    void fewerIterationsThanJakartaSecurityAcceptsAreRefusedAtStartup() {
        assertThatThrownBy(() -> withIterations("1023")).isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("resonite-link.password.hash-iterations must be at least 1024, got 1023");
        assertThat(withIterations("1024").limits().passwordHashIterations()).isEqualTo(1024);
    }

    @Test
    void atMostOneHashPerTwoCoresRunsAtOnceAndTheRestAreTurnedAwayInTime() throws Exception {
        PasswordHashing hashing = hashing();
        hashing.waitSeconds = 1;
        int slots = Math.max(1, Runtime.getRuntime().availableProcessors() / 2); // the slots: half of the machine
        hash.gate = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(slots + 2);
        try {
            List<Future<String>> running = new ArrayList<>();
            for (int i = 0; i < slots; i++) {
                running.add(pool.submit(() -> hashing.generate("pw".toCharArray())));
            }
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                    .until(() -> hash.running.get() == slots);
            assertThatThrownBy(() -> hashing.generate("one too many".toCharArray()))
                    .isInstanceOf(PasswordHashing.BusyException.class);
            hash.gate.countDown();
            for (Future<String> f : running) {
                assertThat(f.get(10, TimeUnit.SECONDS)).startsWith("PBKDF2WithHmacSHA512:");
            }
            assertThat(hash.mostAtOnce.get()).isEqualTo(slots);
            assertThat(hashing.generate("after".toCharArray())).as("slots are given back").endsWith("after");
        } finally {
            pool.shutdownNow();
        }
    }
}
