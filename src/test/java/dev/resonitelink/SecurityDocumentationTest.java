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
 * SECURITY.md answers "what defends against this, and which test proves it" by naming classes and test methods, and the
 * README and docs/ send a newcomer to classes by name; a rename must not leave them pointing at nothing. Every
 * {@code ClassName} and {@code ClassName.method} they name in backticks is a class of this project (or one of the
 * library classes listed here), and the method is in that class.
 */
class SecurityDocumentationTest {

    /** Names in backticks that are not this project's classes: the JDK's, Nimbus's, Jakarta's, a cookie attribute. */
    static final Set<String> NOT_OURS = Set.of("SecureRandom", "AuthenticationRequest", "HttpOnly", "MetricRegistry",
            "NamingException", "StandardSession", "CookieManager", "RequestUtil", "Pbkdf2PasswordHash");

    private static final Pattern NAMED = Pattern.compile("`(?:[a-z]+/)*([A-Z][a-z0-9]+[A-Z][A-Za-z0-9]*)(?:\\.([a-z][A-Za-z0-9]*))?(?:\\(\\))?`");

    @Test
    void everyClassAndMethodSecurityMdNamesExists() throws IOException {
        List<String> missing = missingIn(Path.of("SECURITY.md"), 50);
        assertThat(missing).as("names in SECURITY.md that point at nothing").isEmpty();
    }

    @Test
    void everyClassAndMethodTheReadmeAndDocsNameExists() throws IOException {
        List<String> missing = new ArrayList<>(missingIn(Path.of("README.md"), 10));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            for (Path doc : docs.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                missing.addAll(missingIn(doc, 0));
            }
        }
        assertThat(missing).as("names in the README and docs/ that point at nothing").isEmpty();
    }

    /** What the document names that is not there; it must name at least {@code minimum} of ours. */
    private static List<String> missingIn(Path document, int minimum) throws IOException {
        Map<String, Path> classes = javaFiles();
        List<String> missing = new ArrayList<>();
        int named = 0;
        Matcher matcher = NAMED.matcher(Files.readString(document));
        while (matcher.find()) {
            String type = matcher.group(1);
            String method = matcher.group(2);
            if (NOT_OURS.contains(type)) {
                continue;
            }
            named++;
            Path file = classes.get(type);
            if (file == null) {
                missing.add(document + ": " + matcher.group() + " (no such class)");
            } else if (method != null && !Pattern.compile("\\b" + method + "\\s*\\(").matcher(read(file)).find()) {
                missing.add(document + ": " + matcher.group() + " (no such method in " + file + ")");
            }
        }
        assertThat(named).as(document + " names classes and tests").isGreaterThanOrEqualTo(minimum);
        return missing;
    }

    /** Every class of the WAR, the tests and the benchmark, by simple name. */
    private static Map<String, Path> javaFiles() throws IOException {
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src")), Files.walk(Path.of("bench")))) {
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
