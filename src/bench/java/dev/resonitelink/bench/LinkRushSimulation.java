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
 * A registration rush against the real WAR on Payara Micro and the Resonite stand-in (auto-consenting a new
 * Resonite user on every authorization). Two phases, one after the other:
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
    /** Sign-ups + sign-ins per second: each costs two PBKDF2 hashes (~60 ms of one core each). */
    static final int SIGN_IN_RATE = Integer.getInteger("bench.signin.rate", 10);
    static final int FLOOR_RATE = Integer.getInteger("bench.floor.rate", 50);
    static final int FLOOR_SECONDS = Integer.getInteger("bench.floor.seconds", 10);
    static final Path OUT = Path.of(System.getProperty("bench.out", "target/bench"));
    static final String PASSWORD = "correct horse battery";

    private static final AtomicInteger SIGNED_IN = new AtomicInteger();
    private static final AtomicLong RUSH_FIRST = new AtomicLong();
    private static final AtomicLong RUSH_LAST = new AtomicLong();
    private static final AtomicInteger RUSH_DONE = new AtomicInteger();

    private final int httpPort = Integer.getInteger("bench.http.port", 8080);
    private final int standInPort = Integer.getInteger("bench.standin.port", 8091);
    private final String app = "http://localhost:" + httpPort;
    private final String standIn = "http://localhost:" + standInPort;
    private LocalStack stack;

    private final HttpProtocolBuilder protocol = http.disableFollowRedirect().disableCaching()
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
                    .check(status().is(302), header("Location").is(app + "/resonite-link/account")))
            .exec(session -> {
                SIGNED_IN.incrementAndGet();
                return session;
            });

    private final ChainBuilder link = io.gatling.javaapi.core.CoreDsl.exec(session -> {
                if (RUSH_FIRST.compareAndSet(0, System.nanoTime()) && Boolean.getBoolean("bench.jfr")) {
                    Footprint.startRecording(stack.payara().pid(), OUT.resolve("rush.jfr"));
                }
                return session;
            })
            .exec(http("account page").get(app + "/resonite-link/account")
                    .check(status().is(200), css("input[name=csrf]", "value").saveAs("csrf")))
            .exec(http("start").post(app + "/resonite-link/oauth/start").formParam("csrf", "#{csrf}")
                    .check(status().is(302), headerRegex("Location", "^" + Pattern.quote(standIn + "/connect/authorize") + ".*")
                            .saveAs("authorize")))
            .exec(http("authorize").get("#{authorize}")
                    .check(status().is(302), headerRegex("Location", "^" + Pattern.quote(app + "/resonite-link/oauth/callback") + ".*")
                            .saveAs("callback")))
            .exec(http("callback").get("#{callback}")
                    .check(status().is(302), header("Location").saveAs("linked")))
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
        ScenarioBuilder rushScenario = scenario("rush").exec(signIn)
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
            List<String> jvm = new java.util.ArrayList<>(List.of(System.getProperty("bench.jvm", "-Xmx1g").split(" ")));
            // every simulated browser signs up from this one address: the per-address sign-up limit is for the public
            jvm.add("-Dresonite-link.sign-up.per-address-per-hour=1000000");
            stack = LocalStack.start(System.getProperty("bench.payara.jar"), System.getProperty("bench.war"), httpPort,
                    standInPort, System.getProperty("bench.preboot"), jvm, OUT.resolve("payara-micro.log"));
            stack.standIn().autoConsentAsNewUsers(ResoniteStandIn.readProfile("/standin/resonite-profile-full.json"));
            Files.writeString(OUT.resolve("startup.txt"), "startup_ms=" + stack.startup().toMillis() + "\n");
        } catch (Exception e) {
            throw new IllegalStateException("could not start the app and the stand-in", e);
        }
    }

    @Override
    public void after() {
        try {
            double seconds = (RUSH_LAST.get() - RUSH_FIRST.get()) / 1e9;
            if (Boolean.getBoolean("bench.jfr")) {
                Footprint.stopRecording(stack.payara().pid());
            }
            String footprint = Footprint.of(stack.payara().pid());
            Files.writeString(OUT.resolve("rush.txt"), "flows=" + RUSH_DONE.get() + "\nseconds=" + seconds + "\n"
                    + "sessions=" + SIGNED_IN.get() + "\n" + footprint);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            stack.close();
        }
    }
}
