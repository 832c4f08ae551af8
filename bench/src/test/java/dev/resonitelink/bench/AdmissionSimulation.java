package dev.resonitelink.bench;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import dev.resonitelink.event.control.Secrets;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The admission check under load, the hot path of a busy event (every user joining a session makes one call): the
 * WAR on Payara Micro with PostgreSQL ({@code payara-postgres}, as production runs it) holding
 * {@code bench.admission.registrations} registrations (100,000) over {@code bench.admission.events} events (1,000),
 * five per attendee, each attendee linked to their own Resonite id. {@code bench.admission.callers} worlds (32) call
 * back to back, in three phases one after the other:
 * <ol>
 * <li><b>warm-up</b> ({@code bench.admission.warmup.seconds}): both calls below, counted nowhere (the JIT);</li>
 * <li><b>floor</b> ({@code bench.admission.seconds}): {@code GET /api/ping}, a JAX-RS call of the same WAR on the
 * same server without key or database;</li>
 * <li><b>admission</b> (as long): {@code GET /api/events/{id}/admission/{U-...}} with the event's key as a bearer
 * token, for a random registration (nine calls in ten, answered {@code admit}; the first admit of each also records
 * its check-in) or an id that never registered (answered {@code deny}).</li>
 * </ol>
 * The per-address limit is lifted (every world here shares one address); the per-key limit stays as shipped and
 * counted. Any failed call or wrong answer fails the run. The figures go to {@code target/bench/admission/}, and
 * {@link BenchReport} puts them beside the floor.
 */
public class AdmissionSimulation extends Simulation {

    static final int EVENTS = Integer.getInteger("bench.admission.events", 1_000);
    static final int REGISTRATIONS = Integer.getInteger("bench.admission.registrations", 100_000);
    static final int PER_ATTENDEE = 5;
    static final int ATTENDEES = REGISTRATIONS / PER_ATTENDEE;
    static final int CALLERS = Integer.getInteger("bench.admission.callers", 32);
    static final int WARMUP_SECONDS = Integer.getInteger("bench.admission.warmup.seconds", 20);
    static final int SECONDS = Integer.getInteger("bench.admission.seconds", 45);
    static final Path OUT = Path.of(System.getProperty("bench.out", "target/bench")).resolve("admission");

    /**
     * One measured phase: its first call's start, its last call's end and the calls between; the server's CPU time
     * from the start to the latest sample (every 64th call: the counter has a 10 ms grain) and the calls until then.
     */
    private static final class Phase {
        final AtomicLong first = new AtomicLong();
        final AtomicLong last = new AtomicLong();
        final AtomicLong calls = new AtomicLong();
        final AtomicLong cpuStart = new AtomicLong();
        long cpuEnd;
        long cpuCalls;

        synchronized void sample(long cpu, long calls) {
            if (calls > cpuCalls) {
                cpuCalls = calls;
                cpuEnd = cpu;
            }
        }

        synchronized String figures(String name) {
            return name + "_calls=" + calls.get() + "\n" + name + "_seconds=" + (last.get() - first.get()) / 1e9 + "\n"
                    + name + "_cpu_ms=" + (cpuEnd - cpuStart.get()) + "\n" + name + "_cpu_calls=" + cpuCalls + "\n";
        }
    }

    private static final Phase FLOOR = new Phase();
    private static final Phase CHECKS = new Phase();

    private final int httpPort = Integer.getInteger("bench.http.port", 8080);
    private final int standInPort = Integer.getInteger("bench.standin.port", 8091);
    private final String api = "http://localhost:" + httpPort + "/resonite-link/api/";
    private final List<String> eventIds = new ArrayList<>();
    private final List<String> keys = new ArrayList<>();
    private SystemUnderTest system;
    private long seedMillis;

    private final HttpProtocolBuilder protocol = http.disableFollowRedirect().disableCaching()
            .userAgentHeader("resonite-link-bench");

    {
        for (int i = 0; i < EVENTS; i++) {
            eventIds.add(Secrets.eventId());
            keys.add(Secrets.admissionKey());
        }
    }

    /** A registered attendee of a random event (expecting admit), or one time in ten an id that never registered. */
    private ChainBuilder pick() {
        return exec(session -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            int registration = random.nextInt(REGISTRATIONS);
            int event = registration % EVENTS;
            boolean registered = random.nextInt(10) != 0;
            return session.set("event", eventIds.get(event)).set("key", keys.get(event))
                    .set("who", registered ? "U-bench-" + registration / PER_ATTENDEE : "U-nobody-" + random.nextInt(1_000_000))
                    .set("expected", registered ? "admit" : "deny");
        });
    }

    private ChainBuilder ping(String name, Phase phase) {
        return exec(http(name).get(api + "ping").check(status().is(200), bodyString().is("ok")))
                .exec(session -> counted(session, phase));
    }

    private ChainBuilder check(String name, Phase phase) {
        return pick().exec(http(name).get(api + "events/#{event}/admission/#{who}")
                        .header("Authorization", "Bearer #{key}")
                        .check(status().is(200), bodyString().isEL("#{expected}")))
                .exec(session -> counted(session, phase));
    }

    private io.gatling.javaapi.core.Session counted(io.gatling.javaapi.core.Session session, Phase phase) {
        if (phase != null && !session.isFailed()) {
            long calls = phase.calls.incrementAndGet();
            phase.last.accumulateAndGet(System.nanoTime(), Math::max);
            if (calls % 64 == 0) {
                phase.sample(Footprint.cpuMillis(system.pid()), calls);
            }
        }
        return session;
    }

    private ChainBuilder begin(Phase phase) {
        return exec(session -> {
            if (phase.first.compareAndSet(0, System.nanoTime())) {
                phase.cpuStart.set(Footprint.cpuMillis(system.pid()));
            }
            return session;
        });
    }

    {
        setUp(scenario("warm-up").exec(during(Duration.ofSeconds(WARMUP_SECONDS))
                        .on(ping("warm-up: ping", null), check("warm-up: admission check", null)))
                .injectOpen(atOnceUsers(CALLERS))
                .andThen(scenario("floor").exec(begin(FLOOR), during(Duration.ofSeconds(SECONDS))
                        .on(ping("floor: ping", FLOOR))).injectOpen(atOnceUsers(CALLERS)))
                .andThen(scenario("admission").exec(begin(CHECKS), during(Duration.ofSeconds(SECONDS))
                        .on(check("admission check", CHECKS))).injectOpen(atOnceUsers(CALLERS))))
                .protocols(protocol)
                .assertions(global().failedRequests().count().is(0L));
    }

    @Override
    public void before() {
        try {
            Files.createDirectories(OUT);
            List<String> jvm = new ArrayList<>(List.of(System.getProperty("bench.jvm", "-Xmx1g").split(" ")));
            // every world here calls from this one address: the per-address limit is for the public internet
            jvm.add("-Dresonite-link.admission.per-address-per-minute=1000000000");
            system = SystemUnderTest.start("payara-postgres", httpPort, standInPort, jvm, OUT);
            long started = System.nanoTime();
            seed();
            seedMillis = (System.nanoTime() - started) / 1_000_000;
        } catch (Exception e) {
            if (system != null) {
                system.close();
            }
            throw new IllegalStateException("could not start the server and seed its database", e);
        }
    }

    private static Connection database() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + Integer.getInteger("bench.pg.port")
                + "/postgres?reWriteBatchedInserts=true", "postgres", "postgres");
    }

    /** The events (in progress, open to all linked users), the attendees' links and their registrations. */
    private void seed() throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection db = database()) {
            db.setAutoCommit(false);
            try (PreparedStatement event = db.prepareStatement("insert into site_event (id, title, description,"
                    + " location, starts_at, ends_at, time_zone, capacity, registered, listed, status, supporters_only,"
                    + " ticket_required, invite_only, admission_key_hash, created_by, created_at, version)"
                    + " values (?, ?, '', 'Bench world', ?, ?, 'UTC', null, ?, true, 'PUBLISHED', false, false, false,"
                    + " ?, 'bench-organizer', ?, 0)")) {
                for (int i = 0; i < EVENTS; i++) {
                    event.setString(1, eventIds.get(i));
                    event.setString(2, "Bench event " + i);
                    event.setTimestamp(3, Timestamp.from(Instant.now().minus(Duration.ofHours(1))));
                    event.setTimestamp(4, Timestamp.from(Instant.now().plus(Duration.ofDays(30))));
                    event.setInt(5, REGISTRATIONS / EVENTS);
                    event.setString(6, Secrets.hash(keys.get(i)));
                    event.setTimestamp(7, now);
                    event.addBatch();
                }
                event.executeBatch();
            }
            try (PreparedStatement link = db.prepareStatement("insert into account_link (id, principal, provider,"
                    + " resonite_id, username, scopes, linked_at, refreshed_at, version, needs_reconsent)"
                    + " values (?, ?, 'resonite', ?, ?, 'profile', ?, ?, 0, false)")) {
                for (int a = 0; a < ATTENDEES; a++) {
                    link.setString(1, UUID.randomUUID().toString());
                    link.setString(2, "bench-attendee-" + a);
                    link.setString(3, "U-bench-" + a);
                    link.setString(4, "bench" + a);
                    link.setTimestamp(5, now);
                    link.setTimestamp(6, now);
                    link.addBatch();
                    if (a % 5_000 == 4_999) {
                        link.executeBatch();
                    }
                }
                link.executeBatch();
            }
            try (PreparedStatement registration = db.prepareStatement("insert into event_registration (id, event_id,"
                    + " principal, registered_as, status, queued_at, registered_at, changed_at, version)"
                    + " values (?, ?, ?, ?, 'REGISTERED', ?, ?, ?, 0)")) {
                for (int r = 0; r < REGISTRATIONS; r++) {
                    registration.setString(1, UUID.randomUUID().toString());
                    registration.setString(2, eventIds.get(r % EVENTS));
                    registration.setString(3, "bench-attendee-" + r / PER_ATTENDEE);
                    registration.setString(4, "U-bench-" + r / PER_ATTENDEE);
                    registration.setTimestamp(5, now);
                    registration.setTimestamp(6, now);
                    registration.setTimestamp(7, now);
                    registration.addBatch();
                    if (r % 5_000 == 4_999) {
                        registration.executeBatch();
                    }
                }
                registration.executeBatch();
            }
            db.commit();
            try (var analyze = db.createStatement()) {
                db.setAutoCommit(true);
                analyze.execute("analyze");
            }
        }
    }

    private static long count(String sql) throws SQLException {
        try (Connection db = database(); ResultSet rows = db.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Override
    public void after() {
        try {
            Files.writeString(OUT.resolve("admission.txt"), "events=" + EVENTS + "\nregistrations="
                    + count("select count(*) from event_registration") + "\nlinks=" + count("select count(*) from account_link")
                    + "\ncallers=" + CALLERS + "\nseed_ms=" + seedMillis + "\n" + FLOOR.figures("floor")
                    + CHECKS.figures("check") + "checked_in="
                    + count("select count(*) from event_registration where first_admitted_at is not null") + "\n"
                    + Footprint.of(system.pid()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            system.close();
        }
    }
}
