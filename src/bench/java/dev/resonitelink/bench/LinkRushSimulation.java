package dev.resonitelink.bench;

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
 * iterations, deliberately slow: reported on its own), wait for the others, then for {@code bench.seconds} run
 * complete link flows back to back: account page, start, Resonite's authorize, callback (token + profile +
 * database write), account page showing the new link. Every flow links a new Resonite account.</li>
 * </ol>
 * Any failed request fails the run. {@link BenchReport} turns Gatling's statistics into the summary.
 */
public class LinkRushSimulation extends Simulation {

    static final int SECONDS = Integer.getInteger("bench.seconds", 90);
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
    static final String SYSTEM = System.getProperty("bench.system", "payara");
    static final Path OUT = Path.of(System.getProperty("bench.out", "target/bench")).resolve(SYSTEM);
    static final String PASSWORD = "correct horse battery";

    private static final AtomicInteger SIGNED_IN = new AtomicInteger();
    private static final AtomicLong RUSH_FIRST = new AtomicLong();
    private static final AtomicLong RUSH_LAST = new AtomicLong();
    private static final AtomicInteger RUSH_DONE = new AtomicInteger();
    /** The system's process CPU time when the rush began, in ms. */
    private static final AtomicLong RUSH_CPU_START = new AtomicLong();

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

    private final ChainBuilder link = io.gatling.javaapi.core.CoreDsl.exec(session -> {
                if (RUSH_FIRST.compareAndSet(0, System.nanoTime())) {
                    RUSH_CPU_START.set(Footprint.cpuMillis(system.pid()));
                    if (Boolean.getBoolean("bench.jfr")) {
                        Footprint.startRecording(system.pid(), OUT.resolve("rush.jfr"));
                    }
                }
                return session;
            })
            .exec(http("account page").get(app + "/resonite-link/account")
                    .check(status().is(200), css("input[name=csrf]", "value").saveAs("csrf"),
                            css("form[action*='/oauth/start']", "action").saveAs("start")))
            .exec(http("start").post("#{start}").formParam("csrf", "#{csrf}")
                    .check(status().is(302), headerRegex("Location", "^" + Pattern.quote(standIn + "/") + ".*")
                            .saveAs("authorize")))
            .exec(http("authorize").get("#{authorize}")
                    .check(status().is(302), headerRegex("Location", "^" + Pattern.quote(app + "/resonite-link/oauth/callback") + ".*")
                            .saveAs("callback")))
            // the callback until it leaves for the account page: one request for this WAR; two for the peer, whose
            // OAuth client filter redeems the code and then redirects to the page that reads the profile and stores
            .group("callback").on(io.gatling.javaapi.core.CoreDsl
                    .exec(http("callback").get("#{callback}").check(status().is(302), header("Location").saveAs("linked")))
                    .asLongAs(session -> !session.getString("linked").contains("/account")).on(
                            io.gatling.javaapi.core.CoreDsl.exec(http("callback, continued").get("#{linked}")
                                    .check(status().is(302), header("Location").saveAs("linked")))))
            .exec(http("account page, linked").get("#{linked}")
                    .check(status().is(200), regex("U-rush-[0-9]+").exists()))
            .exec(session -> {
                RUSH_LAST.set(System.nanoTime());
                if (!session.isFailed()) {
                    RUSH_DONE.incrementAndGet();
                }
                return session;
            });

    {
        // a few seconds of the same calls first, so the floor is not the JIT's cold start
        ScenarioBuilder warmUp = scenario("warm-up").exec(floor("warm-up"));
        ScenarioBuilder floorScenario = scenario("floor").exec(floor("floor"));
        // each browser signs in, waits until every other one has (so no sign-in competes with the rush for the
        // CPU), then runs complete link flows back to back for bench.seconds
        ScenarioBuilder rushScenario = scenario("rush").exec(signIn).exitHereIfFailed()
                .asLongAs(session -> SIGNED_IN.get() < USERS).on(pause(Duration.ofMillis(50)))
                .during(Duration.ofSeconds(SECONDS)).on(link);
        setUp(warmUp.injectOpen(constantUsersPerSec(FLOOR_RATE).during(5))
                .andThen(floorScenario.injectOpen(constantUsersPerSec(FLOOR_RATE).during(FLOOR_SECONDS)))
                .andThen(rushScenario.injectOpen(rampUsers(USERS).during(Duration.ofSeconds(Math.max(1, USERS / SIGN_IN_RATE))))))
                .protocols(protocol)
                .assertions(global().failedRequests().count().is(0L));
    }

    @Override
    public void before() {
        try {
            Files.createDirectories(OUT);
            List<String> jvm = List.of(System.getProperty("bench.jvm", "-Xmx1g").split(" "));
            String bare = SYSTEM.equals("payara")
                    ? "bare_server_startup_ms=" + SystemUnderTest.bareServerStartup(httpPort, jvm).toMillis() + "\n" : "";
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
            double seconds = (RUSH_LAST.get() - RUSH_FIRST.get()) / 1e9;
            long cpu = Footprint.cpuMillis(system.pid()) - RUSH_CPU_START.get();
            if (Boolean.getBoolean("bench.jfr")) {
                Footprint.stopRecording(system.pid());
            }
            String footprint = Footprint.of(system.pid());
            Files.writeString(OUT.resolve("rush.txt"), "flows=" + RUSH_DONE.get() + "\nseconds=" + seconds + "\n"
                    + "sessions=" + SIGNED_IN.get() + "\n" + "rush_cpu_ms=" + cpu + "\n"
                    + footprint);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            system.close();
        }
    }
}
