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
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped launch scripts ({@code server-config/payara/run-micro.sh}, {@code run-cluster-node.sh}) run as an
 * operator runs them, on a made-up JDK 25 whose {@code java} prints the command line it was given instead of starting
 * Payara: what reaches the JVM, and what a missing setting answers. And every shell script of the project parses.
 */
class LaunchScriptsTest {

    private static final Path PAYARA = Path.of("server-config", "payara");

    @TempDir
    Path dir;
    private Path jdk;

    @BeforeEach
    void aJdkThatPrintsItsArguments() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("jdk-25").resolve("bin"));
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\nif [ \"$1\" = -version ]; then echo 'openjdk version \"25.0.1\"' >&2; exit 0; fi\n"
                + "echo \"java $*\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(bin.resolveSibling("release"), "JAVA_VERSION=\"25.0.1\"\n");
        jdk = bin.getParent();
    }

    @TestFactory
    Stream<DynamicTest> everyShellScriptParses() throws IOException {
        List<Path> scripts;
        try (Stream<Path> files = Files.walk(Path.of("server-config"))) {
            scripts = Stream.concat(files.filter(p -> p.toString().endsWith(".sh")), Stream.of(Path.of(".ci", "run"))).toList();
        }
        assertThat(scripts).contains(PAYARA.resolve("run-micro.sh"), PAYARA.resolve("run-cluster-node.sh"));
        return scripts.stream().map(script -> DynamicTest.dynamicTest(script.toString(), () -> {
            Result result = run(List.of("bash", "-n", script.toString()), Map.of());
            assertThat(result.exit()).as(result.output()).isZero();
        }));
    }

    @Test
    void aSingleNodeRunsOnTheParallelCollectorUnlessTheOperatorNamesOptions() throws Exception {
        Map<String, String> env = Map.of("RESONITE_CLIENT_SECRET", "s", "TMPDIR", dir.toString());
        String byDefault = javaLine(runMicro(env));
        assertThat(byDefault).contains("java -XX:+UseParallelGC -XX:ThreadPriorityPolicy=1 -jar payara-micro.jar --nocluster --deploy app.war");

        Map<String, String> named = new HashMap<>(env);
        named.put("JVM_OPTIONS", "-XX:+UseSerialGC -Xmx768m");
        String given = javaLine(runMicro(named));
        assertThat(given).contains("java -XX:+UseSerialGC -Xmx768m -jar payara-micro.jar").doesNotContain("ParallelGC");
    }

    @Test
    void aClusterNodeRunsOnTheParallelCollectorAndRefusesToStartWithoutItsProxy() throws Exception {
        Map<String, String> env = new HashMap<>(Map.of("RESONITE_CLIENT_SECRET", "s", "DB_HOST", "db", "DB_PORT", "5432",
                "DB_NAME", "n", "DB_USER", "u", "DB_PASSWORD", "p", "NODE", "1", "CLUSTER_NAME", "site-x7"));
        Result refused = runClusterNode(env);
        assertThat(refused.exit()).isNotZero();
        assertThat(refused.output()).contains("TRUSTED_PROXIES=<the proxy's addresses").doesNotContain("java -");

        env.put("TRUSTED_PROXIES", "10.0.0.10");
        String started = javaLine(runClusterNode(env));
        assertThat(started).startsWith("java -XX:+UseParallelGC -XX:ThreadPriorityPolicy=1 -jar payara-micro.jar --deploy app.war")
                .contains("--clustername site-x7", "--port 8081");
    }

    private Result runMicro(Map<String, String> env) throws Exception {
        return run(List.of("bash", PAYARA.resolve("run-micro.sh").toString(), "payara-micro.jar", "app.war", "app.properties"), env);
    }

    private Result runClusterNode(Map<String, String> env) throws Exception {
        return run(List.of("bash", PAYARA.resolve("run-cluster-node.sh").toString(), "payara-micro.jar", "app.war",
                "postgresql.jar", "app.properties"), env);
    }

    private static String javaLine(Result result) {
        assertThat(result.exit()).as(result.output()).isZero();
        return result.output().lines().filter(line -> line.startsWith("java ")).findFirst()
                .orElseThrow(() -> new AssertionError("the JVM was not started:\n" + result.output()));
    }

    private record Result(int exit, String output) {
    }

    private Result run(List<String> command, Map<String, String> environment) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(key -> key.equals("JAVA_HOME") || key.equals("JVM_OPTIONS")
                || key.equals("TRUSTED_PROXIES"));
        builder.environment().put("PAYARA_JAVA", jdk.toString());
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), output);
    }
}
