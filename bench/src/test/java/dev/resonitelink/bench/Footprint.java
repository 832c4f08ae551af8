package dev.resonitelink.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Heap in use after a full GC ({@code jcmd}) and resident set size ({@code /proc}) of a running JVM. */
final class Footprint {

    /**
     * The heap after a full GC: G1's heap in use less its young regions, which hold only what was allocated since
     * that GC (under load, the requests allocate hundreds of MiB a second while {@code jcmd} starts, so the plain
     * "used" figure read after a GC varies with the load, not with what lives); and the resident set size.
     */
    static String of(long pid) throws IOException, InterruptedException {
        jcmd(pid, "GC.run");
        String heap = jcmd(pid, "GC.heap_info");
        // JDK 17: "total 262144K, used 11787K"; JDK 25: "total reserved 6172672K, committed 393216K, used 11787K".
        // G1 names one heap and its young regions; the serial and parallel collectors name each generation, young first.
        Matcher generation = Pattern.compile("(?:total|committed) (\\d+)K, used (\\d+)K").matcher(heap);
        Matcher young = Pattern.compile("region size \\d+K, \\d+ young \\((\\d+)K\\)").matcher(heap);
        String heapLine = "heap_info=unavailable";
        long committed = 0;
        long used = 0;
        long youngUsed = -1;
        while (generation.find()) {
            committed += Long.parseLong(generation.group(1));
            used += Long.parseLong(generation.group(2));
            youngUsed = youngUsed < 0 ? Long.parseLong(generation.group(2)) : youngUsed;
        }
        if (youngUsed >= 0) {
            boolean g1 = young.find();
            // in use after the last collection: all but what was allocated since (G1's young regions; the young generation)
            long allocatedSince = g1 ? Long.parseLong(young.group(1)) : used == youngUsed ? 0 : youngUsed;
            heapLine = "heap_used_after_gc_kb=" + (used - allocatedSince)
                    + "\nheap_used_kb=" + used + "\nheap_committed_kb=" + committed;
        }
        return heapLine + "\nrss_kb=" + status(pid, "VmRSS:") + "\n";
    }

    /** The number in one line of {@code /proc/<pid>/status} ("VmRSS:" in KiB, "Threads:"), or "?". */
    private static String status(long pid, String field) throws IOException {
        return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                .filter(l -> l.startsWith(field)).map(l -> l.replaceAll("\\D+", "")).findFirst().orElse("?");
    }

    /**
     * What a long run must not pile up, counted in the live heap after a full GC ({@code jcmd GC.class_histogram}
     * collects first): HTTP sessions (Payara's and Undertow's session classes), pending authorization requests,
     * open database sessions (H2's, or PostgreSQL connections), and the process's threads ({@code /proc}); then the
     * heap in use after that GC.
     */
    static String census(long pid) throws IOException, InterruptedException {
        String histogram = jcmd(pid, "GC.class_histogram");
        StringBuilder out = new StringBuilder();
        out.append("http_sessions=").append(instances(histogram,
                "org.apache.catalina.session.StandardSession", "io.undertow.server.session.InMemorySessionManager$SessionImpl"));
        out.append("\npending_authorizations=").append(instances(histogram, "dev.resonitelink.oauth.entity.PendingAuthorization"));
        out.append("\ndatabase_sessions=").append(instances(histogram, "org.h2.engine.SessionLocal", "org.postgresql.jdbc.PgConnection"));
        out.append("\nthreads=").append(status(pid, "Threads:"));
        return out.append('\n').append(of(pid)).toString();
    }

    /** The instance count of these classes in a class histogram (its lines: rank, instances, bytes, class name). */
    private static long instances(String histogram, String... classNames) {
        long count = 0;
        for (String line : histogram.split("\n")) {
            String[] columns = line.trim().split("\\s+");
            if (columns.length >= 4 && List.of(classNames).contains(columns[3])) {
                count += Long.parseLong(columns[1]);
            }
        }
        return count;
    }

    /**
     * The process's CPU time so far (user + system, all threads), in ms, from {@code /proc/<pid>/stat} (fields 14
     * and 15, in clock ticks of 1/100 s on Linux).
     */
    static long cpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after the ")" that ends the command name, field 3 is the first: utime is field 14, stime field 15
            return (Long.parseLong(fields[14 - 3]) + Long.parseLong(fields[15 - 3])) * 10;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts a JFR recording (profiling settings) of the running JVM; runs in the background. */
    static void startRecording(long pid, Path file) {
        Thread starter = new Thread(() -> {
            try {
                jcmd(pid, "JFR.start name=rush settings=profile filename=" + file.toAbsolutePath());
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        starter.setDaemon(true);
        starter.start();
    }

    static void stopRecording(long pid) throws IOException, InterruptedException {
        jcmd(pid, "JFR.stop name=rush");
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        // the jcmd of the process's own JDK (Payara Micro 7 runs on another JDK than this JVM, and jcmd attaches to
        // its own release only)
        Path jcmd = ProcessHandle.of(pid).flatMap(p -> p.info().command()).map(Path::of)
                .map(java -> java.resolveSibling("jcmd")).filter(java.nio.file.Files::isExecutable)
                .orElse(Path.of(System.getProperty("java.home"), "bin", "jcmd"));
        List<String> line = new java.util.ArrayList<>(List.of(jcmd.toString(), Long.toString(pid)));
        line.addAll(List.of(command.split(" ")));
        Process process = new ProcessBuilder(line)
                .redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        return out;
    }

    private Footprint() {
    }
}
