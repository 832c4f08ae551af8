package dev.resonitelink.bench;

import dev.resonitelink.standin.LocalStack;
import dev.resonitelink.standin.ResoniteStandIn;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;

/**
 * One of the systems the benchmark compares, started beside a fresh Resonite stand-in on the same ports, serving the
 * same pages under {@code /resonite-link/} (sign-up, sign-in, account, link start, callback), so one scenario drives
 * each: {@code payara} (this WAR on Payara Micro, as {@link LocalStack} runs it) and {@code peer} (the Spring Boot
 * application of {@code src/bench/peer}); {@code wildfly} (the same WAR on WildFly).
 *
 * @param startup from starting the process to the first 200 of the sign-in page
 */
record SystemUnderTest(String name, ResoniteStandIn standIn, Process process, Duration startup, AutoCloseable stop,
                       long pid) implements AutoCloseable {

    SystemUnderTest(String name, ResoniteStandIn standIn, Process process, Duration startup, AutoCloseable stop) {
        this(name, standIn, process, startup, stop, process.pid());
    }

    /** The settings both systems link with: the same scopes, the same client, no OpenID Connect (the peer has none). */
    static final String SCOPES = "profile email patreon offline_access";
    /** Loopback is the proxy: the sign-in flood sends X-Forwarded-For, as through a TLS proxy in production. */
    static final String TRUSTED_PROXIES = "127.0.0.1,0:0:0:0:0:0:0:1";

    static SystemUnderTest start(String name, int httpPort, int standInPort, List<String> jvm, Path out)
            throws IOException, InterruptedException {
        return switch (name) {
            case "payara" -> payara(PAYARA_7, httpPort, standInPort, jvm, out, false);
            case "payara-postgres" -> payara(PAYARA_7, httpPort, standInPort, jvm, out, true);
            case "payara6" -> payara(PAYARA_6, httpPort, standInPort, jvm, out, false);
            case "wildfly" -> wildfly(httpPort, standInPort, jvm, out);
            case "peer" -> peer(httpPort, standInPort, jvm, out);
            default -> throw new IllegalArgumentException(
                    "bench.system must be payara, payara-postgres, payara6, wildfly or peer, got " + name);
        };
    }

    /** This JVM's own java (OpenJDK 17 under Maven): the peer's and Payara 6's. */
    private static final Path THIS_JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    /** A Payara Micro and the java it runs on. */
    private record Payara(String name, String jar, Path java) {
    }

    /** The build's Payara Micro 7 on the JDK the build chose for it (Java 21 or newer). */
    private static final Payara PAYARA_7 = new Payara("payara", System.getProperty("bench.payara.jar"),
            dev.resonitelink.it.PayaraNode.java());
    /**
     * Payara Micro 6 (end of life; {@code -Dbench.skip.payara6=false} for the one side-by-side run of
     * docs/benchmarks.md) on this JVM's own JDK 17, as it ran before Payara 7.
     */
    private static final Payara PAYARA_6 = new Payara("payara6", System.getProperty("bench.payara6.jar"), THIS_JAVA);

    /**
     * This WAR on Payara Micro; with {@code postgres} on a PostgreSQL server (zonky's embedded binaries, as in the
     * integration tests) through {@code server-config/payara/postgresql.asadmin} and its pool settings, as production.
     */
    private static SystemUnderTest payara(Payara payara, int httpPort, int standInPort, List<String> jvm, Path out,
                                          boolean postgres) throws IOException, InterruptedException {
        List<String> options = new ArrayList<>(jvm);
        // every simulated browser signs up from this one address: the per-address sign-up limit is for the public
        options.add("-Dresonite-link.sign-up.per-address-per-hour=1000000");
        // the flood's attackers come "through the proxy" (X-Forwarded-For from loopback), each from a new address
        options.add("-Dresonite-link.trusted-proxies=" + TRUSTED_PROXIES);
        Map<String, String> settings = new java.util.HashMap<>(Map.of("RESONITE_SCOPES", SCOPES));
        io.zonky.test.db.postgres.embedded.EmbeddedPostgres server = postgres ? startPostgres(settings) : null;
        LocalStack stack;
        try {
            stack = LocalStack.start(payara.jar(), payara.java(), System.getProperty("bench.war"),
                    httpPort, standInPort, System.getProperty("bench.preboot"), options, out.resolve("server.log"),
                    settings, postgres);
        } catch (IOException | RuntimeException e) {
            if (server != null) {
                server.close();
            }
            throw e;
        }
        return new SystemUnderTest(postgres ? payara.name() + "-postgres" : payara.name(), stack.standIn(), stack.payara(),
                stack.startup(), () -> {
                    try {
                        stack.close();
                    } finally {
                        if (server != null) {
                            server.close();
                        }
                    }
                });
    }

    /** A PostgreSQL server on {@code bench.pg.port}; its connection settings go into {@code settings} (DB_*). */
    private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres startPostgres(Map<String, String> settings)
            throws IOException {
        int port = Integer.getInteger("bench.pg.port");
        settings.putAll(Map.of("DB_HOST", "localhost", "DB_PORT", String.valueOf(port), "DB_NAME", "postgres",
                "DB_USER", "postgres", "DB_PASSWORD", "postgres"));
        return io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().setPort(port).start();
    }

    /**
     * The same WAR on a stock WildFly prepared by {@code server-config/wildfly/configure.cli} ({@code
     * bench.wildfly.home}), deployed by copying it to {@code standalone/deployments}, configured by the same
     * environment variables as on Payara Micro.
     */
    private static SystemUnderTest wildfly(int httpPort, int standInPort, List<String> jvm, Path out)
            throws IOException {
        Path home = Path.of(System.getProperty("bench.wildfly.home"));
        java.nio.file.Files.copy(Path.of(System.getProperty("bench.war")),
                home.resolve("standalone/deployments/resonite-link.war"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        ResoniteStandIn standIn = LocalStack.standIn(httpPort, standInPort);
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/standalone.sh").toString(), "-c",
                "standalone-microprofile.xml",
                "-Djboss.http.port=" + httpPort, "-Djboss.https.port=19443", "-Djboss.management.http.port=19990",
                "-Djboss.management.https.port=19993")
                .redirectErrorStream(true).redirectOutput(out.resolve("server.log").toFile());
        builder.environment().putAll(LocalStack.environment(standIn, httpPort));
        builder.environment().put("RESONITE_SCOPES", SCOPES);
        builder.environment().put("RESONITE_LINK_SIGN_UP_PER_ADDRESS_PER_HOUR", "1000000");
        builder.environment().put("RESONITE_LINK_TRUSTED_PROXIES", TRUSTED_PROXIES);
        builder.environment().put("JBOSS_HOME", home.toString());
        builder.environment().put("JAVA_OPTS", String.join(" ", jvm) + " -Djava.net.preferIPv4Stack=true");
        long started = System.nanoTime();
        Process launcher = builder.start();
        AutoCloseable stop = () -> {
            launcher.descendants().forEach(ProcessHandle::destroy);
            launcher.destroy();
            launcher.waitFor();
            standIn.close();
        };
        try {
            awaitSignInPage(httpPort, launcher, Duration.ofMinutes(3));
        } catch (RuntimeException e) {
            new SystemUnderTest("wildfly", standIn, launcher, Duration.ZERO, stop).close();
            throw e;
        }
        Duration startup = Duration.ofNanos(System.nanoTime() - started);
        // standalone.sh runs the server's JVM as its child: that is the process to measure
        long java = launcher.descendants().filter(p -> p.info().command().orElse("").endsWith("/java"))
                .mapToLong(ProcessHandle::pid).findFirst().orElseThrow();
        return new SystemUnderTest("wildfly", standIn, launcher, startup, stop, java);
    }

    private static SystemUnderTest peer(int httpPort, int standInPort, List<String> jvm, Path out)
            throws IOException, InterruptedException {
        ResoniteStandIn standIn = LocalStack.standIn(httpPort, standInPort);
        List<String> command = java(THIS_JAVA, jvm);
        command.addAll(List.of("-jar", System.getProperty("bench.peer.jar"), "--peer.port=" + httpPort,
                "--peer.standin=" + standIn.baseUri().toString().replaceAll("/$", ""),
                "--peer.client-id=" + LocalStack.CLIENT_ID, "--peer.client-secret=" + LocalStack.CLIENT_SECRET));
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(out.resolve("server.log").toFile()).start();
        SystemUnderTest peer = new SystemUnderTest("peer", standIn, process, Duration.ZERO, () -> {
            process.destroy();
            process.waitFor();
            standIn.close();
        });
        try {
            awaitSignInPage(httpPort, process, Duration.ofMinutes(3));
        } catch (RuntimeException e) {
            peer.close();
            throw e;
        }
        return new SystemUnderTest("peer", standIn, process, Duration.ofNanos(System.nanoTime() - started), peer.stop());
    }

    /**
     * Bare Payara Micro (7, or 6 for {@code payara6}), the same jar, java, JVM options and pre-boot commands with
     * nothing deployed: from starting the
     * process to its first HTTP answer (a 404: there is no page), the figure the app's start is compared with.
     */
    static Duration bareServerStartup(String system, int httpPort, List<String> jvm)
            throws IOException, InterruptedException {
        Payara payara = "payara6".equals(system) ? PAYARA_6 : PAYARA_7;
        List<String> command = java(payara.java(), jvm);
        command.addAll(List.of("-jar", payara.jar(), "--port", String.valueOf(httpPort),
                "--nocluster", "--prebootcommandfile", System.getProperty("bench.preboot")));
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            HttpRequest root = HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + "/"))
                    .timeout(Duration.ofSeconds(10)).build();
            Awaitility.await("bare Payara Micro to answer").atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(100)).ignoreExceptionsInstanceOf(IOException.class)
                    .until(() -> client.send(root, HttpResponse.BodyHandlers.discarding()).statusCode() > 0);
            return Duration.ofNanos(System.nanoTime() - started);
        } finally {
            process.destroy();
            process.waitFor();
        }
    }

    /** A java with these JVM options, ready for the rest of a command line. */
    private static List<String> java(Path java, List<String> jvm) {
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(jvm);
        return command;
    }

    /** Polls the sign-in page every 100 ms until it answers 200, as LocalStack does for Payara Micro. */
    private static void awaitSignInPage(int httpPort, Process process, Duration timeout) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest login = HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + "/resonite-link/login"))
                .timeout(Duration.ofSeconds(10)).build();
        Awaitility.await("the peer to serve its sign-in page").atMost(timeout).pollInterval(Duration.ofMillis(100))
                .ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("the peer exited with " + process.exitValue());
                    }
                    return client.send(login, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                });
    }

    @Override
    public void close() {
        try {
            stop.close();
        } catch (Exception e) {
            throw new IllegalStateException("could not stop " + name, e);
        }
    }
}
