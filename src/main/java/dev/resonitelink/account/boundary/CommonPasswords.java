package dev.resonitelink.account.boundary;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Passwords nobody should choose (OWASP ASVS 2.1.7): a shipped list of the most common leaked passwords long enough
 * to pass the length rule, plus passwords made of the user name or of one repeated character.
 */
public final class CommonPasswords {

    private static final Set<String> LIST = load();

    private CommonPasswords() {
    }

    public static boolean isWeak(String password, String username) {
        String lower = password.toLowerCase(Locale.ROOT);
        return LIST.contains(lower)
                || (username != null && lower.contains(username.toLowerCase(Locale.ROOT)))
                || lower.chars().distinct().count() <= 2;
    }

    private static Set<String> load() {
        try (InputStream in = CommonPasswords.class.getResourceAsStream("common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("common-passwords.txt is missing from the WAR");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
