package dev.resonitelink.it;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A Payara Micro process with the production WAR, started and stopped by the code that needs it (a cluster node,
 * a server with its own settings, the demo, the benchmark), configured as an operator would: environment variables,
 * JVM options and the shipped {@code server-config/payara} command files. The one launcher of app-server processes
 * besides Arquillian's own. Its output goes to a file the test can read, or to this process's output.
 */
public final class PayaraNode implements AutoCloseable {

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;

    private PayaraNode(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    public static Launch launch(String name, int port) {
        return new Launch(name, port);
    }

    /** What to start: the command line and environment of one node. */
    public static final class Launch {
        private final String name;
        private final int port;
        /** The integration tests' server options (pom.xml, it.server.jvm); the demo's and the benchmark's: only the heap. */
        private final List<String> jvmOptions = new ArrayList<>(List.of(System.getProperty("it.server.jvm", "-Xmx512m").split(" ")));
        private final List<String> microOptions = new ArrayList<>();
        private final Map<String, String> environment = new HashMap<>();
        private boolean clustered;
        private String jar = System.getProperty("payara.microJar");
        private Path java = java();
        private String war = System.getProperty("it.war");
        private boolean inheritOutput;
        private boolean keepEnvironment;
        private Path logFile;

        private Launch(String name, int port) {
            this.name = name;
            this.port = port;
            // every test client signs up from loopback, into a database other tests share (the integration tests'
            // own servers raise the same limit); a test of the limit sets its own
            environment.put("RESONITE_LINK_SIGN_UP_PER_ADDRESS_PER_HOUR", "100000");
            // and the integration tests' hashing (src/test/resources/it/server.properties); the demo keeps the default
            String iterations = System.getProperty("it.password.hash-iterations");
            if (iterations != null) {
                environment.put("RESONITE_LINK_PASSWORD_HASH_ITERATIONS", iterations);
            }
        }

        public Launch jvm(List<String> options) {
            jvmOptions.addAll(options);
            return this;
        }

        public Launch env(Map<String, String> variables) {
            environment.putAll(variables);
            return this;
        }

        /** More Payara Micro options, after the others. */
        public Launch micro(List<String> options) {
            microOptions.addAll(options);
            return this;
        }

        /**
         * The test JVM's own {@code RESONITE_*} variables (the secrets failsafe passes) stay in the node's environment,
         * as they did in the servers Arquillian started; by default a node gets only what the launch gives it.
         */
        public Launch keepEnvironment() {
            keepEnvironment = true;
            return this;
        }

        /** The shipped pre-boot commands for nodes behind the proxy (session cookie, forwarded scheme, headers). */
        public Launch preBoot() {
            return preBoot(System.getProperty("it.preboot"));
        }

        public Launch preBoot(String commandFile) {
            microOptions.addAll(List.of("--prebootcommandfile", commandFile));
            return this;
        }

        /**
         * Other files than the build's, and the java that runs them (outside the integration tests: the demo and the
         * benchmark, whose side-by-side run starts Payara 6 on the build's own JDK).
         */
        public Launch files(String payaraMicroJar, String warFile, Path javaExecutable) {
            jar = payaraMicroJar;
            war = warFile;
            java = javaExecutable;
            return this;
        }

        /** The node's output goes to this file (the benchmark keeps it beside its report). */
        public Launch logTo(Path file) {
            logFile = file;
            return this;
        }

        /** The node's output goes to this process's output instead of a file (the demo). */
        public Launch inheritOutput() {
            inheritOutput = true;
            return this;
        }

        /** A member of a Hazelcast cluster on loopback, with TCP discovery of the listed members' ports. */
        public Launch cluster(String clusterName, int hazelcastPort, List<Integer> memberPorts) {
            clustered = true;
            microOptions.addAll(List.of("--clustername", clusterName,
                    "--clustermode", "tcpip:" + String.join(",", memberPorts.stream().map(p -> "127.0.0.1:" + p).toList()),
                    "--interfaces", "127.0.0.1", "--startport", String.valueOf(hazelcastPort)));
            // should the members still come up as two clusters of one, they merge in seconds, not in five minutes
            jvmOptions.addAll(List.of("-Dhazelcast.merge.first.run.delay.seconds=10",
                    "-Dhazelcast.merge.next.run.delay.seconds=10"));
            return this;
        }

        /** The shared PostgreSQL (server-config/payara/postgresql.asadmin; DB_* from the test JVM's environment). */
        public Launch postgres() {
            microOptions.addAll(List.of("--addlibs", System.getProperty("it.postgresql.jar"),
                    "--postbootcommandfile", System.getProperty("it.postgresql.commands")));
            return this;
        }

        /**
         * Payara Micro as anybody would start it on this machine: no WAR, no option but the port, so its data grid
         * looks for members the default way (multicast) under the default cluster name.
         */
        public PayaraNode startWithDefaults() throws IOException {
            List<String> command = new ArrayList<>(List.of(java.toString(), "-jar", jar, "--port", String.valueOf(port)));
            return start(command);
        }

        public PayaraNode start() throws IOException {
            List<String> command = new ArrayList<>();
            command.add(java.toString());
            command.addAll(jvmOptions);
            command.addAll(List.of("-jar", jar, "--deploy", war,
                    "--port", String.valueOf(port), "--name", "node-" + name));
            if (!clustered) {
                command.add("--nocluster");
            }
            command.addAll(microOptions);
            return start(command);
        }

        /**
         * One of the shipped launch scripts instead of the command line above ({@code server-config/payara/run-micro.sh}
         * with the build's Payara Micro and WAR, then {@code arguments}), on this launch's port ({@code PORT}) and
         * environment: the script finds its JDK and command files itself, as it does for an operator.
         */
        public PayaraNode startScript(Path script, String... arguments) throws IOException {
            List<String> command = new ArrayList<>(List.of("bash", script.toString(), jar, war));
            command.addAll(List.of(arguments));
            environment.put("PORT", String.valueOf(port));
            return start(command);
        }

        private PayaraNode start(List<String> command) throws IOException {
            Path log = inheritOutput ? null : logFile != null ? logFile : Files.createTempFile("payara-" + name, ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            if (log == null) {
                builder.inheritIO();
            } else {
                builder.redirectOutput(log.toFile());
            }
            if (!keepEnvironment) {
                builder.environment().keySet().removeIf(key -> key.startsWith("RESONITE_"));
            }
            builder.environment().putAll(environment);
            return new PayaraNode(name, port, builder.start(), log);
        }
    }

    /**
     * The java that runs Payara Micro 7 (Java 21 or newer): the JDK the build linked at {@code target/payara-jdk}
     * ({@code server-config/payara/payara-java.sh} chose it), else this JVM's own.
     */
    public static Path java() {
        String jdk = System.getProperty("payara.jdk");
        return Path.of(jdk != null ? jdk : System.getProperty("java.home"), "bin", "java");
    }

    public Process process() {
        return process;
    }

    public Path log() {
        return log;
    }

    public int port() {
        return port;
    }

    /** The app on this node, directly (not through a proxy). */
    public URI url() {
        return URI.create("http://localhost:" + port + "/resonite-link/");
    }

    /** What Payara logs when the WAR does not deploy (a CDI or persistence error, say). */
    static final String DEPLOYMENT_FAILED = "Exception while loading the app";

    private List<String> deploymentOutputs(LogTail... serverLogs) {
        List<String> texts = new java.util.ArrayList<>(List.of(output()));
        for (LogTail serverLog : serverLogs) {
            texts.add(serverLog.added());
        }
        return texts;
    }

    /**
     * What a server log file gains from now on (Payara's {@code --logtofile} writes {@code <file>.0} and rotates), so
     * an old failure in the same file is never taken for a new one.
     */
    public record LogTail(Path file, long from) {

        public static LogTail of(Path configured) {
            Path file = Files.exists(configured) || !Files.exists(Path.of(configured + ".0"))
                    ? configured : Path.of(configured + ".0");
            try {
                return new LogTail(file, Files.exists(file) ? Files.size(file) : 0);
            } catch (IOException e) {
                return new LogTail(file, 0);
            }
        }

        String added() {
            try {
                if (!Files.exists(file)) {
                    return "";
                }
                byte[] bytes = Files.readAllBytes(file);
                return bytes.length < from ? new String(bytes, StandardCharsets.ISO_8859_1) // rotated: all of it is new
                        : new String(bytes, (int) from, bytes.length - (int) from, StandardCharsets.ISO_8859_1);
            } catch (IOException e) {
                return ""; // not readable yet: the next poll reads it
            }
        }
    }

    public String output() {
        if (log == null) {
            return "(output went to the console)";
        }
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.toString();
        }
    }

    /**
     * Waits until Payara Micro says it is ready (the WAR deployed or refused), and fails if any of its boot commands
     * failed (Payara logs that as a WARNING and starts without the setting).
     */
    public PayaraNode awaitReady() {
        awaitOutput("ready in", Duration.ofMinutes(3));
        return withoutFailedBootCommands();
    }

    /** Waits until Payara Micro reports its data grid, and returns how many members it counts. */
    public int dataGridSize() {
        awaitOutput("DG Size:", Duration.ofMinutes(2));
        java.util.regex.Matcher size = java.util.regex.Pattern.compile("DG Size: (\\d+)").matcher(output());
        int largest = 0;
        while (size.find()) {
            largest = Math.max(largest, Integer.parseInt(size.group(1)));
        }
        return largest;
    }

    /**
     * Waits until the app answers 200 on this page (the way to wait when the output is not kept). A deployment that
     * failed (in the output, or in what one of {@code serverLogs} gained since it was marked) ends the wait at once,
     * with the server's words.
     */
    public PayaraNode awaitServing(String page, Duration timeout, LogTail... serverLogs) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(url().resolve(page)).timeout(Duration.ofSeconds(10)).build();
        await("node " + name + " to serve " + page).atMost(timeout).pollInterval(Duration.ofMillis(100))
                .ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new AssertionError("node " + name + " exited:\n" + output());
                    }
                    for (String text : deploymentOutputs(serverLogs)) {
                        int failed = text.lastIndexOf(DEPLOYMENT_FAILED);
                        if (failed >= 0) {
                            throw new AssertionError("node " + name + " could not deploy the WAR: "
                                    + text.substring(failed, Math.min(text.length(), failed + 2000)));
                        }
                    }
                    return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                });
        return log == null ? this : withoutFailedBootCommands();
    }

    /**
     * Starts the members of one cluster into {@code started} (which the caller closes, whatever happens) and waits
     * until they serve and the first has seen another member. The first member starts alone, the others once its
     * data grid listens: members that boot at the same moment can each miss the other's join window and form two
     * clusters of one.
     */
    public static void startCluster(List<Launch> members, List<PayaraNode> started) throws IOException {
        PayaraNode first = members.get(0).start();
        started.add(first);
        first.awaitOutput("Hazelcast Instance Bound to JNDI", Duration.ofMinutes(3));
        for (Launch member : members.subList(1, members.size())) {
            started.add(member.start());
        }
        for (PayaraNode node : started) {
            node.awaitReady();
        }
        try {
            first.awaitOtherMember();
        } catch (AssertionError e) {
            StringBuilder others = new StringBuilder(e.getMessage());
            started.subList(1, started.size()).forEach(node -> others.append("\n--- node ").append(node.name)
                    .append(" ---\n").append(node.output()));
            throw new AssertionError(others.toString(), e);
        }
    }

    private PayaraNode withoutFailedBootCommands() {
        List<String> failed = BootCommands.failures(output());
        if (!failed.isEmpty()) {
            throw new AssertionError("node " + name + ": boot commands failed: " + failed);
        }
        return this;
    }

    /** Waits until the node has joined another member of its cluster. */
    public PayaraNode awaitOtherMember() {
        return awaitOutput("Data Grid Instance Added", Duration.ofMinutes(2));
    }

    private PayaraNode awaitOutput(String marker, Duration timeout) {
        try {
            await("node " + name + " on port " + port + " to log '" + marker + "'").atMost(timeout)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new AssertionError("node " + name + " exited:\n" + output());
                    }
                    return output().contains(marker);
                });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(e.getMessage() + ":\n" + output(), e);
        }
        return this;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
