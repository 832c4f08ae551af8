package dev.resonitelink.it;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Programs from the machine's packages that some tests drive (nginx, Chromium, openssl). On a developer's machine
 * without one, those tests are skipped with a message saying what to install; where {@code -Dit.requireTools=true}
 * is set (CI's {@code .ci/run}), a missing program fails the test instead, so nothing is skipped silently there.
 */
public final class RequiredTools {

    private RequiredTools() {
    }

    public static boolean required() {
        return Boolean.getBoolean("it.requireTools");
    }

    /** Skips (or, where tools are required, fails) unless {@code program} is an executable file. */
    public static void require(Path program, String what, String debianPackages) {
        if (Files.isExecutable(program)) {
            return;
        }
        String message = what + " not found at " + program + ": install it with apt-get install " + debianPackages;
        if (required()) {
            throw new AssertionError(message + " (-Dit.requireTools=true: a missing tool is an error here)");
        }
        Assumptions.abort("skipped: " + message);
    }
}
