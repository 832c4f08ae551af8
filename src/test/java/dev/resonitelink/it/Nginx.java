package dev.resonitelink.it;

import static org.awaitility.Awaitility.await;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's nginx, run unprivileged by a test with <strong>the shipped {@code server-config/nginx/resonite-link.conf}
 * itself</strong>: only the listen ports, the certificate paths and the upstream addresses are substituted, so a
 * change to the shipped file is what the tests exercise. The test's own top-level nginx.conf (what
 * /etc/nginx/nginx.conf is on a server) includes it and adds an access log that records, for every response the
 * client got, the node that served it and the headers the assertions need.
 */
public final class Nginx implements AutoCloseable {

    static final Path BINARY = Path.of(System.getProperty("nginx.binary", "/usr/sbin/nginx"));
    static final Path SHIPPED = Path.of(System.getProperty("it.nginx.conf", "server-config/nginx/resonite-link.conf"));
    private static final String LOG_FORMAT = "'{\"method\":\"$request_method\",\"uri\":\"$request_uri\",\"status\":\"$status\","
            + "\"upstream\":\"$upstream_addr\",\"location\":\"$sent_http_location\",\"cookie\":\"$sent_http_set_cookie\","
            + "\"hsts\":\"$sent_http_strict_transport_security\",\"scheme\":\"$scheme\"}'";

    /** One response nginx sent, as its access log recorded it. */
    public record Logged(String method, String uri, int status, String upstream, String location, String cookie,
                         String hsts, String scheme) {
    }

    private final Path directory;
    private final Process process;
    private final int httpsPort;
    private final int httpPort;

    private Nginx(Path directory, Process process, int httpsPort, int httpPort) {
        this.directory = directory;
        this.process = process;
        this.httpsPort = httpsPort;
        this.httpPort = httpPort;
    }

    /** Skips (or fails, where tools are required) when nginx is not installed. */
    public static void requireInstalled() {
        RequiredTools.require(BINARY, "nginx", "nginx");
    }

    public static Nginx start(int httpsPort, int httpPort, TestCertificates certificates, List<Integer> nodePorts)
            throws IOException {
        return run(substitute(Files.readString(SHIPPED), httpsPort, httpPort, certificates, nodePorts), httpsPort, httpPort);
    }

    /** The shipped file as it is, for tests of single directives. */
    public static String shipped() throws IOException {
        return Files.readString(SHIPPED);
    }

    /** nginx with this configuration in its http context, once it listens on both ports. */
    public static Nginx run(String configuration, int httpsPort, int httpPort) throws IOException {
        requireInstalled();
        Path dir = Files.createTempDirectory("it-nginx");
        Files.writeString(dir.resolve("resonite-link.conf"), configuration);
        Files.writeString(dir.resolve("nginx.conf"), """
                %s
                worker_processes 1;
                error_log %s/error.log info;
                events { worker_connections 512; }
                http {
                    default_type application/octet-stream;
                    log_format shape escape=json %s;
                    access_log %s/access.log shape;
                    client_body_temp_path %s/body;
                    proxy_temp_path %s/proxy;
                    fastcgi_temp_path %s/fastcgi;
                    uwsgi_temp_path %s/uwsgi;
                    scgi_temp_path %s/scgi;
                    include %s/resonite-link.conf;
                }
                """.formatted("root".equals(System.getProperty("user.name")) ? "user root;" : "", dir, LOG_FORMAT,
                dir, dir, dir, dir, dir, dir, dir));
        Process process = new ProcessBuilder(BINARY.toString(), "-p", dir.toString(), "-c", dir.resolve("nginx.conf").toString(),
                "-g", "daemon off; pid " + dir.resolve("nginx.pid") + ";")
                .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
        Nginx nginx = new Nginx(dir, process, httpsPort, httpPort);
        await("nginx listening on " + httpsPort).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new AssertionError("nginx exited:\n" + nginx.errors());
                    }
                    return listening(httpsPort) && listening(httpPort);
                });
        return nginx;
    }

    /**
     * The shipped file with this machine's ports, certificates and nodes. Each substitution must find its target,
     * so a reshaped shipped file fails here instead of being silently tested in another shape.
     */
    static String substitute(String shipped, int httpsPort, int httpPort, TestCertificates certs, List<Integer> nodePorts) {
        String conf = replaceOnce(shipped, "listen 443 ", "listen 127.0.0.1:" + httpsPort + " ");
        conf = replaceOnce(conf, "listen 80;", "listen 127.0.0.1:" + httpPort + ";");
        conf = replaceOnce(conf, "https://$host$request_uri", "https://$host:" + httpsPort + "$request_uri");
        conf = replaceDirective(conf, "ssl_certificate", certs.serverCertificate());
        conf = replaceDirective(conf, "ssl_certificate_key", certs.serverKey());
        // The shipped nodes are the servers of the first upstream block; each of their addresses (also where a map
        // matches it as a regular expression) becomes one of this machine's nodes (with one node, all become it).
        Matcher block = Pattern.compile("(?s)upstream resonite_link \\{(.*?)}").matcher(conf);
        if (!block.find()) {
            throw new AssertionError("no upstream resonite_link in " + SHIPPED);
        }
        List<String> shippedNodes = Pattern.compile("(?m)^\\s*server ([\\w.]+:\\d+)").matcher(block.group(1)).results()
                .map(m -> m.group(1)).toList();
        if (shippedNodes.isEmpty()) {
            throw new AssertionError("no upstream server lines in " + SHIPPED);
        }
        for (int i = 0; i < shippedNodes.size(); i++) {
            String shippedNode = shippedNodes.get(i);
            String node = "127.0.0.1:" + nodePorts.get(Math.min(i, nodePorts.size() - 1));
            conf = replaceAll(conf, shippedNode.replace(".", "\\."), node.replace(".", "\\."));
            conf = replaceAll(conf, shippedNode, node);
        }
        return conf;
    }

    private static String replaceAll(String text, String target, String replacement) {
        if (!text.contains(target)) {
            throw new AssertionError("expected '" + target + "' in " + SHIPPED);
        }
        return text.replace(target, replacement);
    }

    private static String replaceOnce(String text, String target, String replacement) {
        int at = text.indexOf(target);
        if (at < 0 || text.indexOf(target, at + 1) >= 0) {
            throw new AssertionError("expected exactly one '" + target + "' in " + SHIPPED);
        }
        return text.replace(target, replacement);
    }

    /** Replaces the value of the one directive {@code name} (e.g. a certificate path). */
    private static String replaceDirective(String text, String name, Path value) {
        Matcher matcher = Pattern.compile("(?m)^(\\s*" + name + ")\\s+\\S+;").matcher(text);
        if (!matcher.find()) {
            throw new AssertionError("no " + name + " in " + SHIPPED);
        }
        return matcher.replaceFirst(Matcher.quoteReplacement(matcher.group(1) + " " + value + ";"));
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The app's root through TLS on the proxy. */
    public URI https() {
        return URI.create("https://localhost:" + httpsPort + "/resonite-link/");
    }

    /** The app's root on the proxy's plain-http port (which only redirects). */
    public URI http() {
        return URI.create("http://localhost:" + httpPort + "/resonite-link/");
    }

    /** Every response logged so far, oldest first. */
    public List<Logged> log() throws IOException {
        Path log = directory.resolve("access.log");
        if (!Files.exists(log)) {
            return List.of();
        }
        return Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(line -> !line.isBlank()).map(line -> {
            JsonObject json = Json.createReader(new StringReader(line)).readObject();
            return new Logged(json.getString("method"), json.getString("uri"), Integer.parseInt(json.getString("status")),
                    json.getString("upstream"), json.getString("location"), json.getString("cookie"),
                    json.getString("hsts"), json.getString("scheme"));
        }).toList();
    }

    /**
     * The {@code count} responses logged for requests whose URI contains {@code marker}, once all are in the log.
     * nginx writes a response's line after the response went out, so a client that got its answer can read the log
     * before the line is there: tests mark their requests (a query parameter of their own) and wait for the lines.
     */
    public List<Logged> awaitLogged(String marker, int count) {
        return org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .pollInterval(java.time.Duration.ofMillis(50))
                .until(() -> log().stream().filter(r -> r.uri().contains(marker)).toList(), lines -> lines.size() >= count);
    }

    public String errors() {
        try {
            Path log = directory.resolve("error.log");
            return (Files.exists(log) ? Files.readString(log) : "") + Files.readString(directory.resolve("nginx.out"));
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy(); // SIGTERM: nginx's fast shutdown
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
