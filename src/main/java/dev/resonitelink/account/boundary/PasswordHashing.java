package dev.resonitelink.account.boundary;

import dev.resonitelink.settings.Setting;
import dev.resonitelink.settings.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * PBKDF2 with OWASP's current parameters (HMAC-SHA512, 210,000 iterations, 32-byte salt and key; the iterations are
 * {@code resonite-link.password.hash-iterations}, so an operator can follow OWASP upwards without a release: stored
 * hashes with other parameters are re-hashed at their next sign-in; fewer than OWASP's are warned about at startup,
 * and are what the integration tests' servers use, with one test class on the default), at most one hash
 * at once per two cores ({@link #SLOTS}): a flood of well-formed sign-ins or sign-ups then waits here (and is turned
 * away after {@link #WAIT_SECONDS} seconds) and never has more than half of the machine; the link flows keep the
 * rest. (With one hash per core, a flood of 48 attackers took both cores of the benchmark machine and the link flows
 * fell from 84 to 9 per second: docs/benchmarks.md.) The hashes run on threads of their own at the lowest priority
 * ({@link #hashers}): when the machine is busy, the scheduler gives the link flows' requests the CPU first (the
 * launchers pass {@code -XX:ThreadPriorityPolicy=1}, without which the JVM ignores thread priorities on Linux); an idle
 * machine still hashes at full speed. Unknown users are verified against a dummy hash, so a sign-in takes the same
 * time whether the account exists or not.
 */
@ApplicationScoped
public class PasswordHashing {

    static final String ALGORITHM = "PBKDF2WithHmacSHA512";
    /** OWASP's recommendation for PBKDF2-HMAC-SHA512 (Password Storage Cheat Sheet), the setting's default. */
    static final int OWASP_ITERATIONS = 210_000;
    private static final Logger LOG = Logger.getLogger(PasswordHashing.class.getName());
    static final int WAIT_SECONDS = 3;
    int waitSeconds = WAIT_SECONDS;

    @Inject
    Pbkdf2PasswordHash hash;

    @Inject
    Settings settings;

    private int iterations;

    /** Hashes computed at once: half of the cores, at least one. */
    static final int SLOTS = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);

    private final Semaphore slots = new Semaphore(SLOTS, true);
    private String dummyHash;

    /** The container's threads (managed: they carry the application's context), for {@link #hashers}. */
    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ThreadFactory threads;

    /**
     * Where the hashes are computed: {@link #SLOTS} threads at {@link Thread#MIN_PRIORITY}. A request thread waits
     * for its hash here instead of computing it, because a thread's priority can only be lowered without privileges,
     * never raised back, so a pooled request thread must never be the one lowered.
     */
    private ExecutorService hashers;

    /** Too many hashes are being computed at once; the caller answers "try again shortly". */
    public static class BusyException extends RuntimeException {
        BusyException() {
            super("password hashing is saturated", null, false, false);
        }
    }

    /** Made at startup: a bad iteration count fails the deployment, and the warning below is in the start's log. */
    void atStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // creating the bean runs configure()
    }

    @PostConstruct
    void configure() {
        iterations = settings.limits().passwordHashIterations();
        if (iterations < OWASP_ITERATIONS) {
            LOG.warning(Setting.PASSWORD_HASH_ITERATIONS + " is " + iterations + ", below OWASP's " + OWASP_ITERATIONS
                    + " for PBKDF2-HMAC-SHA512: passwords are cheaper to guess from a stolen database than they should be");
        }
        hash.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", ALGORITHM,
                "Pbkdf2PasswordHash.Iterations", String.valueOf(iterations),
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        dummyHash = hash.generate(Base64.getEncoder().encodeToString(random).toCharArray());
        hashers = Executors.newFixedThreadPool(SLOTS, work -> {
            Thread thread = threads.newThread(work);
            thread.setPriority(Thread.MIN_PRIORITY);
            return thread;
        });
    }

    @PreDestroy
    void stop() {
        hashers.shutdownNow();
    }

    public String generate(char[] password) {
        return bounded(() -> hash.generate(password));
    }

    /** Whether the password matches the stored hash; with no stored hash, the same work against a dummy, then false. */
    public boolean verify(char[] password, String storedHash) {
        boolean matches = bounded(() -> hash.verify(password, storedHash == null ? dummyHash : storedHash));
        return matches && storedHash != null;
    }

    /** Whether a stored hash was made with other parameters than today's (re-hashed at the next sign-in). */
    public boolean outdated(String storedHash) {
        return !storedHash.startsWith(ALGORITHM + ":" + iterations + ":");
    }

    private <T> T bounded(java.util.function.Supplier<T> work) {
        try {
            if (!slots.tryAcquire(waitSeconds, TimeUnit.SECONDS)) {
                throw new BusyException();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BusyException();
        }
        try {
            // never more waiting here than there are hashing threads: the slots are as many as the threads
            return hashers.submit(work::get).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BusyException();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("password hashing failed", e.getCause());
        } finally {
            slots.release();
        }
    }
}
