package dev.resonitelink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * SECURITY.md answers "what defends against this, and which test proves it" by naming classes and test methods; a
 * rename must not leave it pointing at nothing. Every {@code ClassName} and {@code ClassName.method} it names in
 * backticks is a class of this project (or one of the library classes listed here), and the method is in that class.
 */
class SecurityDocumentationTest {

    /** Names in backticks that are not this project's classes: the JDK's, Nimbus's, a cookie attribute. */
    static final Set<String> NOT_OURS = Set.of("SecureRandom", "AuthenticationRequest", "HttpOnly");

    private static final Pattern NAMED = Pattern.compile("`([A-Z][a-z0-9]+[A-Z][A-Za-z0-9]*)(?:\\.([a-z][A-Za-z0-9]*))?(?:\\(\\))?`");

    @Test
    void everyClassAndMethodSecurityMdNamesExists() throws IOException {
        Map<String, Path> classes = javaFiles();
        List<String> missing = new ArrayList<>();
        int named = 0;
        Matcher matcher = NAMED.matcher(Files.readString(Path.of("SECURITY.md")));
        while (matcher.find()) {
            String type = matcher.group(1);
            String method = matcher.group(2);
            if (NOT_OURS.contains(type)) {
                continue;
            }
            named++;
            Path file = classes.get(type);
            if (file == null) {
                missing.add(matcher.group() + " (no such class)");
            } else if (method != null && !Pattern.compile("\\b" + method + "\\s*\\(").matcher(read(file)).find()) {
                missing.add(matcher.group() + " (no such method in " + file + ")");
            }
        }
        assertThat(named).as("SECURITY.md names classes and tests").isGreaterThan(50);
        assertThat(missing).as("names in SECURITY.md that point at nothing").isEmpty();
    }

    /** Every class of the WAR, the tests and the benchmark, by simple name. */
    private static Map<String, Path> javaFiles() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src"))) {
            return files.filter(f -> f.toString().endsWith(".java"))
                    .collect(Collectors.toMap(f -> f.getFileName().toString().replace(".java", ""), Function.identity(),
                            (a, b) -> a));
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
