package dev.resonitelink.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Payara Micro's pre-boot and post-boot command files, and what the server's log says of them. A command that fails
 * (an attribute Payara no longer has, a typo) is only a WARNING in the log and the server starts anyway, without the
 * setting: every launcher of the tests checks the log with {@link #failures}, and the tests of the shipped files check
 * that each of their {@code set} commands was applied.
 */
final class BootCommands {

    private static final Pattern FAILED = Pattern.compile("Boot Command \\S+ failed[^\\n]*");

    /** The log's lines that report a failed boot command; none in a good start. */
    static List<String> failures(String log) {
        Matcher matcher = FAILED.matcher(log);
        return matcher.results().map(m -> m.group().strip()).toList();
    }

    /** The {@code key=value} of each {@code set} command in a command file (comments and other commands left out). */
    static List<String> settings(Path commandFile) throws IOException {
        return Files.readAllLines(commandFile, StandardCharsets.UTF_8).stream().map(String::strip)
                .filter(line -> line.startsWith("set ")).map(line -> line.substring(4).strip()).toList();
    }

    /** Whether the log reports this {@code set} as applied (Payara logs the assignment under a SUCCESS line). */
    static boolean applied(String log, String setting) {
        return Pattern.compile("returned with result SUCCESS[^\\n]*\\n\\s*" + Pattern.quote(setting) + "\\s*\\n")
                .matcher(log).find();
    }

    private BootCommands() {
    }
}
