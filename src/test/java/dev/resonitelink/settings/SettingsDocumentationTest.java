package dev.resonitelink.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The configuration reference's table (docs/configuration.md) says what {@link Setting} says: the same keys, the same defaults. */
class SettingsDocumentationTest {

    private static final Pattern ROW = Pattern.compile("^\\| `(resonite[a-z.-]*)` \\| ([^|]*) \\|", Pattern.MULTILINE);

    @Test
    void theReadmeTableListsEveryKeyAndNoOther() throws IOException {
        assertThat(readmeRows().keySet()).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(Setting.values()).map(Setting::key).toList());
    }

    @Test
    void theReadmeTableGivesEachKeyItsDefault() throws IOException {
        Map<String, String> rows = readmeRows();
        Map<String, Setting> settings = Arrays.stream(Setting.values())
                .collect(Collectors.toMap(Setting::key, Function.identity()));
        rows.forEach((key, documented) -> {
            Setting setting = settings.get(key);
            if (setting == null) {
                return; // reported by the other test
            }
            String expected = setting.defaultValue() == null ? "(" : "`" + setting.defaultValue() + "`";
            assertThat(documented).as("default of " + key + " in docs/configuration.md").startsWith(expected);
            assertThat(documented.matches("\\(.*, secret\\)")).as("docs/configuration.md marks " + key + " as a secret").isEqualTo(setting.secret());
        });
    }

    private static Map<String, String> readmeRows() throws IOException {
        Matcher rows = ROW.matcher(Files.readString(Path.of("docs/configuration.md")));
        Map<String, String> found = new LinkedHashMap<>();
        while (rows.find()) {
            found.put(rows.group(1), rows.group(2).trim());
        }
        return found;
    }
}
