package dev.resonitelink.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The benchmark's summary: for each system that ran ({@code target/bench/<system>}), the newest Gatling run's
 * statistics ({@code target/gatling/<system>/<run>/index.html}) and the simulation's own counts; one row per system,
 * then the ratios this app / peer, which are what the docs quote (absolute figures vary between machines). Printed
 * and written to {@code target/bench/summary.txt}.
 */
public final class BenchReport {

    /** The systems in the order of the table; the first is this app, compared with each other one. */
    static final List<String> SYSTEMS = List.of("payara", "payara-postgres", "payara6", "wildfly", "peer");

    /** One system's figures. */
    record Row(String system, String run, long flows, double seconds, long errors, Stats callback, double floorP50,
               double cpuMsPerFlow, double loadCpuMsPerFlow, long heapKb, long rssKb, long startupMs, double signInP50,
               Flood flood) {
        double flowsPerSecond() {
            return flows / seconds;
        }
    }

    /** The link flows of the flood phase ({@code null} when it was left out), and the attackers' sign-ins. */
    record Flood(long flows, double seconds, Stats callback, long attempts, Stats wrongPassword) {
    }

    public static void main(String[] args) throws IOException {
        Path gatling = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Path war = Path.of(args[2]);
        List<Row> rows = new ArrayList<>();
        for (String system : SYSTEMS) {
            if (Files.exists(out.resolve(system).resolve("rush.txt")) && Files.isDirectory(gatling.resolve(system))) {
                rows.add(row(system, gatling.resolve(system), out.resolve(system)));
            }
        }
        String admission = admission(gatling.resolve("admission"), out.resolve("admission"));
        if (rows.isEmpty() && admission.isEmpty()) {
            throw new IllegalStateException("no system's figures under " + out);
        }
        if (rows.isEmpty()) {
            System.out.println(admission);
            Files.writeString(out.resolve("summary.txt"), admission);
            return;
        }
        StringBuilder summary = new StringBuilder(String.format(Locale.ROOT,
                "%-15s %8s %7s %17s %7s %8s %9s %9s %9s %9s %8s %8s%n", "system", "flows/s", "errors",
                "callback p50/95/99", "floor", "CPU/flow", "load CPU", "heap KiB", "RSS KiB", "start ms", "sign-in",
                "run"));
        for (Row r : rows) {
            summary.append(String.format(Locale.ROOT,
                    "%-15s %8.0f %7d %5.0f/%5.0f/%5.0f %7.0f %6.1fms %7.1fms %9d %9d %9d %6.0fms %s%n",
                    r.system(), r.flowsPerSecond(), r.errors(), r.callback().p50(), r.callback().p95(),
                    r.callback().p99(), r.floorP50(), r.cpuMsPerFlow(), r.loadCpuMsPerFlow(), r.heapKb(), r.rssKb(),
                    r.startupMs(), r.signInP50(), r.run()));
        }
        if (rows.stream().anyMatch(r -> r.flood() != null)) {
            summary.append(String.format(Locale.ROOT, "%nunder a sign-in flood (link flows while attackers post wrong"
                    + " passwords from new addresses):%n%-15s %14s %16s %12s %13s %16s%n", "system", "flows/s q/f",
                    "callback p99 q/f", "p99 flood/q", "flood errors", "attempts/s, p50"));
            for (Row r : rows) {
                Flood f = r.flood();
                if (f != null) {
                    summary.append(String.format(Locale.ROOT, "%-15s %6.0f/%-7.0f %7.0f/%-8.0f %11.2fx %13d %9.0f, %4.0fms%n",
                            r.system(), r.flowsPerSecond(), f.flows() / f.seconds(), r.callback().p99(),
                            f.callback().p99(), f.callback().p99() / Math.max(1, r.callback().p99()),
                            f.callback().ko(), f.attempts() / f.seconds(), f.wrongPassword().p50()));
                }
            }
        }
        for (Row r : rows) {
            Path soak = out.resolve(r.system()).resolve("soak.txt");
            if (Files.exists(soak)) {
                summary.append(soak(r.system(), properties(soak)));
            }
        }
        Row app = rows.get(0);
        for (Row other : rows.subList(1, rows.size())) {
            summary.append(String.format(Locale.ROOT, "%n%s / %s: flows/s %.2fx, callback p50 %.2fx, p99 %.2fx, CPU per"
                            + " flow %.2fx, heap %.2fx, RSS %.2fx, start %.2fx%n", app.system(), other.system(),
                    app.flowsPerSecond() / other.flowsPerSecond(), app.callback().p50() / other.callback().p50(),
                    app.callback().p99() / other.callback().p99(), app.cpuMsPerFlow() / other.cpuMsPerFlow(),
                    (double) app.heapKb() / other.heapKb(), (double) app.rssKb() / other.rssKb(),
                    (double) app.startupMs() / other.startupMs()));
        }
        summary.append(String.format(Locale.ROOT, "%ncallback / floor (%s): p50 %.1fx; WAR %d KiB%n", app.system(),
                app.callback().p50() / Math.max(1, app.floorP50()), Files.size(war) / 1024));
        for (Row r : rows) {
            String bare = properties(out.resolve(r.system()).resolve("startup.txt")).getProperty("bare_server_startup_ms");
            if (bare != null) {
                summary.append(String.format(Locale.ROOT, "start (%s): %d ms to the sign-in page's first 200, bare"
                        + " Payara Micro %s ms to its first answer: %.2fx%n", r.system(), r.startupMs(), bare,
                        (double) r.startupMs() / Long.parseLong(bare)));
            }
        }
        summary.append(admission);
        System.out.println(summary);
        Files.writeString(out.resolve("summary.txt"), summary);
    }

    /**
     * The admission benchmark ({@link AdmissionSimulation}), when it ran: the floor and the check side by side, and
     * the check against its targets (at least half the floor's calls per second, p99 at most 20 ms, no error).
     */
    static String admission(Path gatling, Path out) throws IOException {
        Path figures = out.resolve("admission.txt");
        if (!Files.exists(figures) || !Files.isDirectory(gatling)) {
            return "";
        }
        Map<String, Stats> stats = statistics(Jsoup.parse(newestRun(gatling).resolve("index.html").toFile(), "UTF-8"));
        Properties p = properties(figures);
        Stats floor = request(stats, "floor: ping");
        Stats check = request(stats, "admission check");
        double floorRate = rate(p, "floor");
        double checkRate = rate(p, "check");
        long errors = stats.values().stream().mapToLong(Stats::ko).sum();
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%nadmission check (payara-postgres: %s"
                        + " events, %s registrations, %s links; %s callers; seeded in %s ms):%n%-16s %9s %7s %20s %9s%n",
                p.getProperty("events"), p.getProperty("registrations"), p.getProperty("links"),
                p.getProperty("callers"), p.getProperty("seed_ms"), "call", "calls/s", "errors", "p50/p95/p99 ms",
                "CPU/call"));
        for (String name : List.of("floor", "check")) {
            Stats s = name.equals("floor") ? floor : check;
            text.append(String.format(Locale.ROOT, "%-16s %9.0f %7d %6.1f/%6.1f/%6.1f %7.2fms%n",
                    name.equals("floor") ? "floor: ping" : "admission check", rate(p, name), s.ko(), s.p50(), s.p95(),
                    s.p99(), Double.parseDouble(p.getProperty(name + "_cpu_ms"))
                            / Math.max(1, Double.parseDouble(p.getProperty(name + "_cpu_calls")))));
        }
        return text.append(String.format(Locale.ROOT, "admission / floor: %.2fx the calls per second (target >= 0.50),"
                        + " p99 %.0f ms (target <= 20), errors %d (target 0); check-ins recorded: %s%n",
                checkRate / floorRate, check.p99(), errors, p.getProperty("checked_in"))).toString();
    }

    private static double rate(Properties figures, String phase) {
        return Double.parseDouble(figures.getProperty(phase + "_calls"))
                / Double.parseDouble(figures.getProperty(phase + "_seconds"));
    }

    private static Path newestRun(Path gatling) throws IOException {
        try (Stream<Path> runs = Files.list(gatling)) {
            return runs.filter(Files::isDirectory).max(Comparator.comparing(p -> p.toFile().lastModified()))
                    .orElseThrow(() -> new IllegalStateException("no Gatling run under " + gatling));
        }
    }

    private static Row row(String system, Path gatling, Path out) throws IOException {
        Path run = newestRun(gatling);
        Map<String, Stats> stats = statistics(Jsoup.parse(run.resolve("index.html").toFile(), "UTF-8"));
        Properties rush = properties(out.resolve("rush.txt"));
        Properties startup = properties(out.resolve("startup.txt"));
        long flows = Long.parseLong(rush.getProperty("flows"));
        long errors = stats.entrySet().stream().filter(e -> !e.getKey().endsWith(" group"))
                .mapToLong(e -> e.getValue().ko()).sum();
        return new Row(system, run.getFileName().toString(), flows, Double.parseDouble(rush.getProperty("seconds")),
                errors, request(stats, "callback group"),
                request(stats, "floor token").p50() + request(stats, "floor profile").p50(),
                (double) Long.parseLong(rush.getProperty("rush_cpu_ms")) / Math.max(1, flows),
                (double) Long.parseLong(rush.getProperty("load_generator_cpu_ms", "0")) / Math.max(1, flows),
                Long.parseLong(rush.getProperty("heap_used_after_gc_kb", "0")),
                Long.parseLong(rush.getProperty("rss_kb", "0")), Long.parseLong(startup.getProperty("startup_ms")),
                request(stats, "sign in").p50(), flood(rush, stats));
    }

    /** The soak's two censuses side by side: the first checkpoint and the last flow. */
    private static String soak(String system, Properties census) {
        List<Integer> points = census.stringPropertyNames().stream()
                .map(k -> k.replaceAll("^after_(\\d+)_flows\\..*", "$1")).distinct().map(Integer::valueOf).sorted().toList();
        if (points.size() < 2) {
            return String.format(Locale.ROOT, "%nsoak (%s): incomplete, censuses at %s flows%n", system, points);
        }
        String first = "after_" + points.get(0) + "_flows.";
        String last = "after_" + points.get(points.size() - 1) + "_flows.";
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%nsoak (%s): %d flows -> %d flows%n",
                system, points.get(0), points.get(points.size() - 1)));
        for (String key : List.of("heap_used_after_gc_kb", "http_sessions", "pending_authorizations",
                "database_sessions", "threads", "rss_kb")) {
            text.append(String.format(Locale.ROOT, "  %-24s %10s -> %10s%n", key, census.getProperty(first + key),
                    census.getProperty(last + key)));
        }
        double heapRatio = Double.parseDouble(census.getProperty(last + "heap_used_after_gc_kb"))
                / Double.parseDouble(census.getProperty(first + "heap_used_after_gc_kb"));
        return text.append(String.format(Locale.ROOT, "  heap after GC, last / first: %.2fx%n", heapRatio)).toString();
    }

    private static Flood flood(Properties rush, Map<String, Stats> stats) {
        double seconds = Double.parseDouble(rush.getProperty("flood_seconds", "0"));
        if (seconds <= 0 || !stats.containsKey("callback during the flood group")) {
            return null;
        }
        return new Flood(Long.parseLong(rush.getProperty("flood_flows")), seconds,
                request(stats, "callback during the flood group"), Long.parseLong(rush.getProperty("flood_attempts")),
                request(stats, "flood: wrong password"));
    }

    /** One row of Gatling's statistics table, in milliseconds. */
    record Stats(long ko, double p50, double p95, double p99, double max) {
    }

    /**
     * Gatling's table columns: 2 total, 3 OK, 4 KO, 8 50th pct, 10 95th pct, 11 99th pct, 12 max. A group's row
     * (its cumulated response time) is named "<name> group".
     */
    private static Map<String, Stats> statistics(Document report) {
        Map<String, Stats> rows = new HashMap<>();
        for (Element row : report.select("tr[id^=req_], tr[id^=group_]")) {
            Element name = row.selectFirst(".ellipsed-name");
            if (name != null && row.selectFirst("td.col-12") != null) {
                boolean group = row.id().startsWith("group_");
                rows.put(name.text() + (group ? " group" : ""), new Stats((long) cell(row, 4), cell(row, 8),
                        cell(row, 10), cell(row, 11), cell(row, 12)));
            }
        }
        return rows;
    }

    private static double cell(Element row, int column) {
        String text = row.selectFirst("td.col-" + column).text().replace(",", "");
        return text.equals("-") ? 0 : Double.parseDouble(text);
    }

    private static Stats request(Map<String, Stats> stats, String name) {
        Stats found = stats.get(name);
        if (found == null) {
            throw new IllegalStateException("no row named " + name + " in Gatling's statistics: " + stats.keySet());
        }
        return found;
    }

    private static Properties properties(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        return properties;
    }

    private BenchReport() {
    }
}
