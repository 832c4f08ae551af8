package dev.resonitelink.it;

import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A webhook receiver for the tests, as another service would run one: an HTTP server on loopback that verifies each
 * message's signature with the Standard Webhooks library and the secrets the test gives it, answers 204, or 503 while
 * the test makes it fail, and can be stopped and started again on the same port (down, then back).
 */
final class WebhookReceiver implements AutoCloseable {

    /** One request: its headers, body, whether a given secret verified it, and the status answered. */
    record Received(String id, String signature, String body, JsonObject json, boolean verified, int answered) {
        String type() {
            return json.getString("type");
        }

        JsonObject data() {
            return json.getJsonObject("data");
        }
    }

    private int port;
    private HttpServer server;
    final List<Received> requests = new CopyOnWriteArrayList<>();
    final AtomicInteger failNext = new AtomicInteger();
    volatile List<String> secrets = List.of();

    static WebhookReceiver start() throws IOException {
        WebhookReceiver receiver = new WebhookReceiver();
        receiver.listen(0);
        receiver.port = receiver.server.getAddress().getPort();
        return receiver;
    }

    private void listen(int onPort) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 50);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Back up on the same port after {@link #stop}. */
    void restart() throws IOException {
        listen(port);
    }

    /** Down: connections are refused until {@link #restart}. */
    void stop() {
        server.stop(0);
    }

    URI url(String path) {
        return URI.create("http://localhost:" + port + "/" + path);
    }

    private void handle(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, List<String>> headers = exchange.getRequestHeaders().entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().toLowerCase(java.util.Locale.ROOT), Map.Entry::getValue));
        boolean verified = false;
        for (String secret : secrets) {
            try {
                new Webhook(secret).verify(body, headers);
                verified = true;
            } catch (Exception wrongSecretOrTampered) {
                // not this one
            }
        }
        int status = failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 503 : 204;
        JsonObject json = Json.createReader(new StringReader(body)).readObject();
        requests.add(new Received(first(headers, "webhook-id"), first(headers, "webhook-signature"), body, json,
                verified, status));
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The messages answered 204, in the order they arrived. */
    List<Received> accepted() {
        return requests.stream().filter(r -> r.answered() == 204).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
