package dev.resonitelink.bench;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.headerRegex;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import dev.resonitelink.standin.LocalStack;
import dev.resonitelink.standin.ResoniteStandIn;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * A registration rush against one {@link SystemUnderTest} ({@code bench.system}: the real WAR on Payara Micro, or
 * the Spring Boot peer) and the Resonite stand-in (auto-consenting a new Resonite user on every authorization). The
 * scenario only follows what the pages say (form actions, redirects), so it drives every system the same way. Two
 * phases, one after the other:
 * <ol>
 * <li><b>floor</b>: the stand-in's token and profile calls made directly, no app ({@code bench.floor.rate} per
 * second for {@code bench.floor.seconds}): the bare cost of the two provider round trips a callback makes;</li>
 * <li><b>rush</b>: {@code bench.users} browsers each create a local account and sign in (PBKDF2, 210,000
 * iterations, deliberately slow: reported on its own), wait for the others, link for {@code bench.warmup.seconds}
 * without counting (the JIT's warm-up), then for {@code bench.seconds} run complete link flows back to back:
 * start (the form of the account page the browser is on: the last flow's, or for its first flow a fresh one),
 * Resonite's authorize, callback (token + profile + database write), account page showing the new link. Every flow
 * links a new Resonite account.</li>
 * </ol>
 * Any failed request fails the run. {@link BenchReport} turns Gatling's statistics into the summary.
 */
public class LinkRushSimulation extends Simulation {

    static final int SECONDS = Integer.getInteger("bench.seconds", 90);
    /**
     * Before the measured rush, the same browsers run link flows for this long, counted nowhere: the server's JIT
     * compiles the flow's code there (its CPU would otherwise be a few ms of every measured flow), and each system
     * reaches its steady state the same way.
     */
    static final int WARMUP_SECONDS = Integer.getInteger("bench.warmup.seconds", 30);
    /** Browsers linking at the same time, each one flow after the other (a closed workload). */
    static final int USERS = Integer.getInteger("bench.users", 32);
    /**
     * Browsers signing up + in per second: each costs two PBKDF2 hashes (~60 ms of one core each, more while the JIT
     * is cold), and the app runs one hash per core at a time, turning away what waited 3 s (429), so the ramp stays
     * well below what two cores can hash.
     */
    static final int SIGN_IN_RATE = Integer.getInteger("bench.signin.rate", 1);
    static final int FLOOR_RATE = Integer.getInteger("bench.floor.rate", 50);
    static final int FLOOR_SECONDS = Integer.getInteger("bench.floor.seconds", 10);
    /**
     * After the quiet rush, the same link flows go on for this long while {@code bench.flood.users} attackers post
     * sign-ins with wrong passwords and new user names, each from a new client address (through the trusted proxy
     * header), so neither the per-account nor the per-address throttle stops them; 0 leaves the flood out.
     */
    static final int FLOOD_SECONDS = Integer.getInteger("bench.flood.seconds", 30);
    static final int FLOOD_USERS = Integer.getInteger("bench.flood.users", 48);
    /**
     * The soak ({@code bench.soak.flows}, e.g. 100000; 0 = the timed rush): the browsers link until that many flows
     * are done, without the flood; a census of the live heap (sessions, pending authorizations, database sessions,
     * threads, heap after a full GC) is taken at {@code bench.soak.checkpoint} flows and again at the last one.
     */
    static final int SOAK_FLOWS = Integer.getInteger("bench.soak.flows", 0);
    static final int SOAK_CHECKPOINT = Integer.getInteger("bench.soak.checkpoint", 10_000);
    static final String SYSTEM = System.getProperty("bench.system", "payara");
    static final Path OUT = Path.of(System.getProperty("bench.out", "target/bench")).resolve(SYSTEM);
    static final String PASSWORD = "correct horse battery";

    private static final AtomicInteger SIGNED_IN = new AtomicInteger();
    private static final AtomicLong RUSH_FIRST = new AtomicLong();
    private static final AtomicLong RUSH_LAST = new AtomicLong();
    private static final AtomicInteger RUSH_DONE = new AtomicInteger();
    /** Browsers linking in the flood phase: the attackers post while there is at least one. */
    private static final AtomicInteger IN_FLOOD_PHASE = new AtomicInteger();
    private static final AtomicInteger FLOOD_ATTEMPTS = new AtomicInteger();
    private static final java.util.concurrent.atomic.AtomicBoolean FLOOD_OVER = new java.util.concurrent.atomic.AtomicBoolean();
    private static final AtomicInteger FLOOD_DONE = new AtomicInteger();
    private static final AtomicInteger WARMUP_DONE = new AtomicInteger();
    private static final List<Thread> CENSUSES = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** The system's process CPU time when the rush began, and when its last quiet flow ended, in ms. */
    private static final AtomicLong RUSH_CPU_START = new AtomicLong();
    private static final AtomicLong RUSH_CPU_END = new AtomicLong();
    /** The same for this JVM: Gatling and the stand-in, which share the machine's cores with the system. */
    private static final AtomicLong LOAD_CPU_START = new AtomicLong();
    private static final AtomicLong LOAD_CPU_END = new AtomicLong();
    private static final long LOAD_PID = ProcessHandle.current().pid();

    private final int httpPort = Integer.getInteger("bench.http.port", 8080);
    private final int standInPort = Integer.getInteger("bench.standin.port", 8091);
    private final String app = "http://localhost:" + httpPort;
    private final String standIn = "http://localhost:" + standInPort;
    private SystemUnderTest system;

    private final HttpProtocolBuilder protocol = http.baseUrl(app).disableFollowRedirect().disableCaching()
            .userAgentHeader("resonite-link-bench");

    /** The two provider round trips of a callback, made directly; {@code name} prefixes the request names. */
    private ChainBuilder floor(String name) {
        return io.gatling.javaapi.core.CoreDsl.exec(session -> {
            CodeVerifier verifier = new CodeVerifier();
            return session.set("verifier", verifier.getValue())
                    .set("challenge", CodeChallenge.compute(CodeChallengeMethod.S256, verifier).getValue())
                    .set("state", UUID.randomUUID().toString());
        }).exec(http(name + " authorize").get(standIn + "/connect/authorize")
                .queryParam("response_type", "code").queryParam("client_id", LocalStack.CLIENT_ID)
                .queryParam("redirect_uri", app + "/resonite-link/oauth/callback")
                .queryParam("scope", "profile email patreon offline_access").queryParam("state", "#{state}")
                .queryParam("code_challenge", "#{challenge}").queryParam("code_challenge_method", "S256")
                .check(status().is(302), header("Location").transform(l -> l.replaceAll(".*[?&]code=([^&]*).*", "$1"))
                        .saveAs("code")))
                .exec(http(name + " token").post(standIn + "/connect/token")
                        .formParam("grant_type", "authorization_code").formParam("code", "#{code}")
                        .formParam("redirect_uri", app + "/resonite-link/oauth/callback")
                        .formParam("code_verifier", "#{verifier}").formParam("client_id", LocalStack.CLIENT_ID)
                        .formParam("client_secret", LocalStack.CLIENT_SECRET)
                        .check(status().is(200), jsonPath("$.access_token").saveAs("token")))
                .exec(http(name + " profile").get(standIn + "/api/user/profile")
                        .header("Authorization", "Bearer #{token}")
                        .check(status().is(200), jsonPath("$.id").exists()));
    }

    private final ChainBuilder signIn = io.gatling.javaapi.core.CoreDsl
            .exec(session -> session.set("user", "b" + UUID.randomUUID().toString().replace("-", "").substring(0, 20)))
            .exec(http("sign-up form").get(app + "/resonite-link/signup")
                    .check(status().is(200), css("input[name=csrf]", "value").saveAs("csrf")))
            .exec(http("sign up").post(app + "/resonite-link/signup").formParam("csrf", "#{csrf}")
                    .formParam("username", "#{user}").formParam("password", PASSWORD).check(status().is(302)))
            .exec(http("sign-in form").get(app + "/resonite-link/login")
                    .check(status().is(200), css("input[name=csrf]", "value").saveAs("csrf")))
            .exec(http("sign in").post(app + "/resonite-link/login").formParam("csrf", "#{csrf}")
                    .formParam("username", "#{user}").formParam("password", PASSWORD)
                    .check(status().is(302), header("Location").transform(l -> l.endsWith("/resonite-link/account"))
                            .is(true)))
            .exec(session -> {
                SIGNED_IN.incrementAndGet();
                return session;
            });

    /**
     * One complete link flow; {@code phase} names its callback group ("warm-up flow", "callback", "callback during
     * the flood"), {@code done} counts it; only the measured rush ({@link #RUSH_DONE}) times it and reads the CPU.
     */
    private ChainBuilder link(String phase, AtomicInteger done) {
        return io.gatling.javaapi.core.CoreDsl.exec(session -> {
                if (done == RUSH_DONE && RUSH_FIRST.compareAndSet(0, System.nanoTime())) {
                    RUSH_CPU_START.set(Footprint.cpuMillis(system.pid()));
                    LOAD_CPU_START.set(Footprint.cpuMillis(LOAD_PID));
                    if (Boolean.getBoolean("bench.jfr")) {
                        Footprint.startRecording(system.pid(), OUT.resolve("rush.jfr"));
                    }
                }
                return session;
            })
            // the account page opens a browser's first flow only: every later flow starts from the page the last one
            // ended on (it shows the link and the re-link form), as a person's browser would, instead of fetching the
            // same page twice in a row (until 2026-12-07 the loop did, on every system alike: docs/benchmarks.md)
            .doIf(session -> !session.contains("start")).then(io.gatling.javaapi.core.CoreDsl
                    .exec(http("account page").get(app + "/resonite-link/account")
                            .check(status().is(200), css("input[name=csrf]", "value").saveAs("csrf"),
                                    css("form[action*='/oauth/start']", "action").saveAs("start"))))
            .exec(http("start").post("#{start}").formParam("csrf", "#{csrf}")
                    .check(status().is(302), headerRegex("Location", "^" + Pattern.quote(standIn + "/") + ".*")
                            .saveAs("authorize")))
            .exec(http("authorize").get("#{authorize}")
                    .check(status().is(302), headerRegex("Location", "^" + Pattern.quote(app + "/resonite-link/oauth/callback") + ".*")
                            .saveAs("callback")))
            // the callback until it leaves for the account page: one request for this WAR; two for the peer, whose
            // OAuth client filter redeems the code and then redirects to the page that reads the profile and stores
            .group(phase).on(io.gatling.javaapi.core.CoreDsl
                    .exec(http("callback").get("#{callback}").check(status().is(302), header("Location").saveAs("linked")))
                    .asLongAs(session -> !session.getString("linked").contains("/account")).on(
                            io.gatling.javaapi.core.CoreDsl.exec(http("callback, continued").get("#{linked}")
                                    .check(status().is(302), header("Location").saveAs("linked")))))
            .exec(http("account page, linked").get("#{linked}")
                    .check(status().is(200), regex("U-rush-[0-9]+").exists(),
                            css("input[name=csrf]", "value").saveAs("csrf"),
                            css("form[action*='/oauth/start']", "action").saveAs("start")))
            .exec(session -> {
                if (done == RUSH_DONE) {
                    RUSH_LAST.set(System.nanoTime());
                    RUSH_CPU_END.accumulateAndGet(Footprint.cpuMillis(system.pid()), Math::max);
                    LOAD_CPU_END.accumulateAndGet(Footprint.cpuMillis(LOAD_PID), Math::max);
                }
                if (!session.isFailed()) {
                    int n = done.incrementAndGet();
                    if (SOAK_FLOWS > 0 && done == RUSH_DONE && (n == SOAK_CHECKPOINT || n == SOAK_FLOWS)) {
                        census("after_" + n + "_flows.");
                    }
                }
                return session;
            });
    }

    /** Takes a census of the server in the background (the load goes on) and appends it to soak.txt. */
    private void census(String prefix) {
        Thread thread = new Thread(() -> {
            try {
                String census = Footprint.census(system.pid()).lines().map(l -> prefix + l + "\n")
                        .collect(java.util.stream.Collectors.joining());
                synchronized (CENSUSES) {
                    Files.writeString(OUT.resolve("soak.txt"), census, java.nio.file.StandardOpenOption.CREATE,
                            java.nio.file.StandardOpenOption.APPEND);
                }
            } catch (Exception e) {
                throw new IllegalStateException("census of the server failed", e);
            }
        }, "census");
        CENSUSES.add(thread);
        thread.start();
    }

    /** A sign-in an attacker makes: a new user name, a wrong password, a new address; refused, never an error. */
    private final ChainBuilder floodAttempt = io.gatling.javaapi.core.CoreDsl
            .exec(session -> {
                int n = FLOOD_ATTEMPTS.incrementAndGet();
                return session.set("address", "203.0." + (n / 250 % 250) + "." + (n % 250 + 1))
                        .set("nobody", "nobody-" + UUID.randomUUID().toString().substring(0, 8));
            })
            .exec(http("flood: sign-in form").get(app + "/resonite-link/login").header("X-Forwarded-For", "#{address}")
                    .check(status().is(200), css("input[name=csrf]", "value").saveAs("csrf")))
            // this WAR answers 401 (wrong password) or 429 (no hashing slot within 3 s); the peer redirects to ?error
            .exec(http("flood: wrong password").post(app + "/resonite-link/login").header("X-Forwarded-For", "#{address}")
                    .formParam("csrf", "#{csrf}").formParam("username", "#{nobody}").formParam("password", "guess")
                    .check(status().in(302, 401, 429)));

    {
        // a few seconds of the same calls first, so the floor is not the JIT's cold start
        ScenarioBuilder warmUp = scenario("warm-up").exec(floor("warm-up"));
        ScenarioBuilder floorScenario = scenario("floor").exec(floor("floor"));
        // each browser signs in, waits until every other one has (so no sign-in competes with the rush for the
        // CPU), then runs complete link flows back to back for bench.seconds
        ScenarioBuilder rushScenario = scenario("rush").exec(signIn).exitHereIfFailed()
                .asLongAs(session -> SIGNED_IN.get() < USERS).on(pause(Duration.ofMillis(50)))
                .doIfOrElse(session -> SOAK_FLOWS > 0)
                .then(io.gatling.javaapi.core.CoreDsl.asLongAs(session -> RUSH_DONE.get() < SOAK_FLOWS)
                        .on(link("callback", RUSH_DONE)))
                .orElse(io.gatling.javaapi.core.CoreDsl.during(Duration.ofSeconds(WARMUP_SECONDS))
                        .on(link("warm-up flow", WARMUP_DONE))
                        .during(Duration.ofSeconds(SECONDS)).on(link("callback", RUSH_DONE)))
                .exec(session -> {
                    IN_FLOOD_PHASE.incrementAndGet();
                    return session;
                })
                .during(Duration.ofSeconds(SOAK_FLOWS > 0 ? 0 : FLOOD_SECONDS)).on(link("callback during the flood", FLOOD_DONE))
                .exec(session -> {
                    if (IN_FLOOD_PHASE.decrementAndGet() == 0) {
                        FLOOD_OVER.set(true);
                    }
                    return session;
                });
        // the attackers wait for the first browser to enter the flood phase and stop when the last one leaves it
        ScenarioBuilder floodScenario = scenario("flood")
                .asLongAs(session -> IN_FLOOD_PHASE.get() == 0 && !FLOOD_OVER.get()).on(pause(Duration.ofMillis(100)))
                .asLongAs(session -> !FLOOD_OVER.get()).on(floodAttempt);
        PopulationBuilder rush = rushScenario.injectOpen(rampUsers(USERS).during(Duration.ofSeconds(Math.max(1, USERS / SIGN_IN_RATE))));
        setUp(warmUp.injectOpen(constantUsersPerSec(FLOOR_RATE).during(5))
                .andThen(floorScenario.injectOpen(constantUsersPerSec(FLOOR_RATE).during(FLOOR_SECONDS)))
                .andThen(FLOOD_SECONDS > 0 && SOAK_FLOWS == 0
                        ? List.of(rush, floodScenario.injectOpen(atOnceUsers(FLOOD_USERS)))
                        : List.of(rush)))
                .protocols(protocol)
                .assertions(global().failedRequests().count().is(0L));
    }

    @Override
    public void before() {
        try {
            Files.createDirectories(OUT);
            Files.deleteIfExists(OUT.resolve("soak.txt"));
            List<String> jvm = List.of(System.getProperty("bench.jvm", "-Xmx1g").split(" "));
            String bare = SYSTEM.equals("payara") || SYSTEM.equals("payara6") ? "bare_server_startup_ms="
                    + SystemUnderTest.bareServerStartup(SYSTEM, httpPort, jvm).toMillis() + "\n" : "";
            system = SystemUnderTest.start(SYSTEM, httpPort, standInPort, jvm, OUT);
            system.standIn().autoConsentAsNewUsers(ResoniteStandIn.readProfile("/standin/resonite-profile-full.json"));
            Files.writeString(OUT.resolve("startup.txt"), "startup_ms=" + system.startup().toMillis() + "\n" + bare);
        } catch (Exception e) {
            throw new IllegalStateException("could not start " + SYSTEM + " and the stand-in", e);
        }
    }

    @Override
    public void after() {
        try {
            for (Thread census : CENSUSES) {
                census.join();
            }
            double seconds = (RUSH_LAST.get() - RUSH_FIRST.get()) / 1e9;
            long cpu = RUSH_CPU_END.get() - RUSH_CPU_START.get();
            if (Boolean.getBoolean("bench.jfr")) {
                Footprint.stopRecording(system.pid());
            }
            String footprint = Footprint.of(system.pid());
            Files.writeString(OUT.resolve("rush.txt"), "flows=" + RUSH_DONE.get() + "\nseconds=" + seconds + "\n"
                    + "sessions=" + SIGNED_IN.get() + "\n" + "rush_cpu_ms=" + cpu + "\n"
                    + "load_generator_cpu_ms=" + (LOAD_CPU_END.get() - LOAD_CPU_START.get()) + "\n"
                    + "flood_seconds=" + (SOAK_FLOWS > 0 ? 0 : FLOOD_SECONDS) + "\nflood_flows=" + FLOOD_DONE.get() + "\nflood_attempts="
                    + FLOOD_ATTEMPTS.get() + "\n"
                    + footprint);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            system.close();
        }
    }
}
