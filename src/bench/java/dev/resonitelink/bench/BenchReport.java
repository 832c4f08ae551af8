package dev.resonitelink.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The benchmark's summary, from Gatling's statistics table of the newest run ({@code target/gatling/<run>/index.html})
 * and the simulation's own counts: flows per second, callback latency, errors, the floor, the app's overhead as a
 * ratio to the floor, and the footprint. Printed and written to {@code target/bench/summary.txt}.
 */
public final class BenchReport {

    public static void main(String[] args) throws IOException {
        Path gatling = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Path war = Path.of(args[2]);
        Path run;
        try (Stream<Path> runs = Files.list(gatling)) {
            run = runs.filter(Files::isDirectory).max(Comparator.comparing(p -> p.toFile().lastModified()))
                    .orElseThrow(() -> new IllegalStateException("no Gatling run under " + gatling));
        }
        Map<String, Stats> stats = statistics(Jsoup.parse(run.resolve("index.html").toFile(), "UTF-8"));
        Properties rush = properties(out.resolve("rush.txt"));
        Properties startup = properties(out.resolve("startup.txt"));

        Stats callback = request(stats, "callback");
        Stats token = request(stats, "floor token");
        Stats profile = request(stats, "floor profile");
        long flows = Long.parseLong(rush.getProperty("flows"));
        double seconds = Double.parseDouble(rush.getProperty("seconds"));
        long errors = stats.values().stream().mapToLong(Stats::ko).sum();
        double floorP50 = token.p50() + profile.p50();
        double floorP99 = token.p99() + profile.p99();

        String summary = String.format(Locale.ROOT, """
                run                         %s
                complete link flows         %d in %.1f s = %.0f flows/s (%s signed-in sessions)
                errors (all requests)       %d
                callback latency ms         p50 %.0f  p95 %.0f  p99 %.0f  max %.0f
                floor: token + profile ms   p50 %.0f  p99 %.0f  (the stand-in called directly)
                callback / floor            p50 %.1fx  p99 %.1fx
                sign-up + sign-in ms        p50 %.0f / %.0f  (PBKDF2, 210,000 iterations)
                startup to first 200        %s ms
                heap used after full GC     %s KiB (committed %s KiB)
                RSS                         %s KiB
                WAR                         %d KiB
                """, run.getFileName(), flows, seconds, flows / seconds, rush.getProperty("sessions"), errors,
                callback.p50(), callback.p95(), callback.p99(), callback.max(), floorP50, floorP99,
                callback.p50() / Math.max(1, floorP50), callback.p99() / Math.max(1, floorP99),
                request(stats, "sign up").p50(), request(stats, "sign in").p50(),
                startup.getProperty("startup_ms"), rush.getProperty("heap_used_after_gc_kb"),
                rush.getProperty("heap_committed_kb"), rush.getProperty("rss_kb"), Files.size(war) / 1024);
        System.out.println(summary);
        Files.writeString(out.resolve("summary.txt"), summary);
    }

    /** One row of Gatling's statistics table, in milliseconds. */
    record Stats(long ko, double p50, double p95, double p99, double max) {
    }

    /** Gatling's table columns: 2 total, 3 OK, 4 KO, 8 50th pct, 10 95th pct, 11 99th pct, 12 max. */
    private static Map<String, Stats> statistics(Document report) {
        Map<String, Stats> rows = new HashMap<>();
        for (Element row : report.select("tr[id^=req_]")) {
            Element name = row.selectFirst(".ellipsed-name");
            if (name != null && row.selectFirst("td.col-12") != null) {
                rows.put(name.text(), new Stats((long) cell(row, 4), cell(row, 8), cell(row, 10), cell(row, 11),
                        cell(row, 12)));
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
            throw new IllegalStateException("no request named " + name + " in Gatling's statistics");
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
