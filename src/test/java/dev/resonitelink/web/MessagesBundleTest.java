package dev.resonitelink.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every language is complete: the message bundles in {@code src/main/resources/dev/resonitelink} have the same keys
 * as the English one, no value is empty, each value is a pattern MessageFormat reads with the same arguments
 * ({@code {0}}...) as the English, apostrophes are written as MessageFormat wants them, and the date patterns parse.
 * A new language's file is found here by its name alone: the failures say which keys it lacks.
 */
class MessagesBundleTest {

    static final Path BUNDLES = Path.of("src", "main", "resources", "dev", "resonitelink");
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");
    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

    static List<Path> translations() throws IOException {
        try (Stream<Path> files = Files.list(BUNDLES)) {
            return files.filter(f -> f.getFileName().toString().matches("messages_[a-z]{2,3}\\.properties")).sorted()
                    .toList();
        }
    }

    static Map<String, String> read(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        Map<String, String> values = new TreeMap<>();
        properties.forEach((key, value) -> values.put((String) key, (String) value));
        return values;
    }

    static Map<String, String> english() throws IOException {
        return read(BUNDLES.resolve("messages.properties"));
    }

    @Test
    void theSiteSpeaksEnglishGermanAndJapaneseAndFindsEveryBundle() throws IOException {
        assertThat(translations()).as("the translations there are").isNotEmpty();
        List<String> fromFiles = new ArrayList<>(List.of("en"));
        for (Path file : translations()) {
            fromFiles.add(file.getFileName().toString().replaceAll("messages_|\\.properties", ""));
        }
        assertThat(Texts.LANGUAGES.stream().map(Locale::getLanguage).toList()).containsExactlyElementsOf(fromFiles)
                .contains("en", "de", "ja");
    }

    @ParameterizedTest
    @MethodSource("translations")
    void aTranslationHasEveryKeyOfTheEnglishAndNoOther(Path file) throws IOException {
        Set<String> missing = new TreeSet<>(english().keySet());
        missing.removeAll(read(file).keySet());
        Set<String> unknown = new TreeSet<>(read(file).keySet());
        unknown.removeAll(english().keySet());
        assertThat(missing).as(file.getFileName() + " lacks these keys of messages.properties").isEmpty();
        assertThat(unknown).as(file.getFileName() + " has keys messages.properties does not").isEmpty();
    }

    @ParameterizedTest
    @MethodSource("translations")
    void aTranslationUsesTheSameArgumentsAsTheEnglish(Path file) throws IOException {
        Map<String, String> english = english();
        List<String> wrong = new ArrayList<>();
        read(file).forEach((key, value) -> {
            if (english.containsKey(key) && !arguments(value).equals(arguments(english.get(key)))) {
                wrong.add(key + ": " + arguments(value) + " where English has " + arguments(english.get(key)));
            }
        });
        assertThat(wrong).as(file.getFileName() + ": arguments that differ").isEmpty();
    }

    @Test
    void everyValueOfEveryLanguageIsAWellFormedPatternAndNotEmpty() throws IOException {
        List<Path> files = new ArrayList<>(translations());
        files.add(BUNDLES.resolve("messages.properties"));
        List<String> wrong = new ArrayList<>();
        for (Path file : files) {
            for (Map.Entry<String, String> entry : read(file).entrySet()) {
                String where = file.getFileName() + " " + entry.getKey();
                String value = entry.getValue();
                if (value.isBlank()) {
                    wrong.add(where + " is empty");
                } else if (entry.getKey().startsWith("format.") && !entry.getKey().equals("format.at")
                        && !entry.getKey().equals("format.range")) {
                    try {
                        DateTimeFormatter.ofPattern(value);
                    } catch (IllegalArgumentException e) {
                        wrong.add(where + " is not a date pattern: " + e.getMessage());
                    }
                } else if (LONE_APOSTROPHE.matcher(value).find()) {
                    wrong.add(where + " has a lone ' (MessageFormat would drop it: write '' or ’)");
                } else {
                    try {
                        new MessageFormat(value, Locale.ROOT);
                    } catch (IllegalArgumentException e) {
                        wrong.add(where + " is not a MessageFormat pattern: " + e.getMessage());
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void eachLanguageNamesItselfDifferently() {
        assertThat(Texts.LANGUAGES.stream().map(l -> Texts.of(l).get("language.name")).collect(Collectors.toSet()))
                .hasSize(Texts.LANGUAGES.size()).contains("English", "Deutsch", "日本語");
    }

    @Test
    void aMissingKeyShowsItselfAndArgumentsAreFilledInTheLanguagesNumberFormat() {
        assertThat(Texts.of(Locale.ENGLISH).get("no.such.key")).isEqualTo("no.such.key");
        assertThat(Texts.of(Locale.ENGLISH).get("event.rule.capacity", 1500)).startsWith("1,500 places");
        assertThat(Texts.of(Locale.GERMAN).get("event.rule.capacity", 1500)).startsWith("1.500 Plätze");
        assertThat(Texts.of(Locale.ENGLISH).get("roles.result.done", "ada")).isEqualTo(
                "Done: ada's organizer rights were changed.");
        assertThat(Texts.of(Locale.JAPANESE).get(Text.of("signin.error.withId", Text.of("signin.error.CANCELLED"), "X")))
                .isEqualTo(Texts.of(Locale.JAPANESE).get("signin.error.CANCELLED") + "(エラーID X)");
    }

    private static Set<Integer> arguments(String value) {
        Set<Integer> found = new TreeSet<>();
        Matcher m = ARGUMENT.matcher(value);
        while (m.find()) {
            found.add(Integer.parseInt(m.group(1)));
        }
        return found;
    }
}
