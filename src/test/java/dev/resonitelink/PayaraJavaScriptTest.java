package dev.resonitelink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code server-config/payara/payara-java.sh}, the one place that chooses the JDK of Payara Micro 7 (Java 21 or
 * newer) for the build, the demo, the tests and the launch scripts, run on made-up JDKs: each is a folder with the
 * {@code release} file a real JDK has and a {@code bin/java}.
 */
class PayaraJavaScriptTest {

    private static final Path SCRIPT = Path.of("server-config", "payara", "payara-java.sh");

    @TempDir
    Path dir;
    private Path jvms;
    private Path jdk17;
    private Path jdk21;
    private Path jdk25;
    private Path path;

    @BeforeEach
    void someJdks() throws IOException {
        jvms = Files.createDirectories(dir.resolve("jvm"));
        jdk17 = jdk("java-17-openjdk-amd64", "17.0.15");
        jdk21 = jdk("temurin-21-jdk-amd64", "21.0.9");
        jdk25 = jdk("temurin-25-jdk-amd64", "25.0.3");
        // the java on the PATH is the default 17, as on Debian 12
        path = Files.createDirectories(dir.resolve("bin"));
        Files.createSymbolicLink(path.resolve("java"), jdk17.resolve("bin/java"));
    }

    @Test
    void theNewestJdkOf21OrMoreIsChosenWhenJavaHomeAndThePathAreOlder() throws Exception {
        Result result = run(Map.of("JAVA_HOME", jdk17.toString()));
        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(Files.readSymbolicLink(dir.resolve("payara-jdk"))).isEqualTo(jdk25);
        assertThat(result.output()).contains("Java 25");
    }

    @Test
    void javaHomeWinsWhenItIs21OrMore() throws Exception {
        Result result = run(Map.of("JAVA_HOME", jdk21.toString()));
        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(Files.readSymbolicLink(dir.resolve("payara-jdk"))).isEqualTo(jdk21);
    }

    @Test
    void aNamedJdkWinsAndMayBeGivenByItsJava() throws Exception {
        Result result = run(Map.of("JAVA_HOME", jdk25.toString()), jdk21.resolve("bin/java").toString());
        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(Files.readSymbolicLink(dir.resolve("payara-jdk"))).isEqualTo(jdk21);
    }

    @Test
    void aNamedJdkThatIsTooOldIsAnErrorNotPassedOver() throws Exception {
        Result result = run(Map.of("PAYARA_JAVA", jdk17.toString()));
        assertThat(result.exit()).isNotZero();
        assertThat(result.output()).contains(jdk17 + " is Java 17", "needs 21 or newer");
        assertThat(dir.resolve("payara-jdk")).doesNotExist();
    }

    @Test
    void withoutAnyJdk21TheErrorSaysWhatToInstallAndHowToNameOne() throws Exception {
        Files.walk(jdk21).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        Files.walk(jdk25).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        Result result = run(Map.of("JAVA_HOME", jdk17.toString()));
        assertThat(result.exit()).isNotZero();
        assertThat(result.output()).contains("needs Java 21 or newer", "Install a JDK 21 or newer",
                "PAYARA_JAVA=", "-Dpayara.java=");
        assertThat(dir.resolve("payara-jdk")).doesNotExist();
    }

    private Path jdk(String name, String version) throws IOException {
        Path home = Files.createDirectories(jvms.resolve(name).resolve("bin"));
        Path java = home.resolve("java");
        Files.writeString(java, "#!/bin/sh\necho 'openjdk version \"" + version + "\"' >&2\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(home.resolveSibling("release"), "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"" + version + "\"\n");
        return home.getParent();
    }

    private record Result(int exit, String output) {
    }

    private Result run(Map<String, String> environment, String... named) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("bash", SCRIPT.toString(), "--link",
                dir.resolve("payara-jdk").toString()));
        command.addAll(List.of(named));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = new HashMap<>(environment);
        env.put("PATH", path + ":/usr/bin:/bin");
        env.put("PAYARA_JAVA_DIRS", jvms.toString());
        builder.environment().keySet().removeIf(key -> key.equals("JAVA_HOME") || key.equals("PAYARA_JAVA"));
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), output);
    }
}
