package dev.resonitelink.standin;

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
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The demo's "other service": a webhook receiver on loopback that verifies each message with the Standard Webhooks
 * library and prints one line per message on the demo's console, so a person clicking through sees what another
 * service would hear.
 */
final class DemoWebhookReceiver implements AutoCloseable {

    private final HttpServer server;
    private volatile String secret;

    private DemoWebhookReceiver(HttpServer server) {
        this.server = server;
    }

    static DemoWebhookReceiver start() throws IOException {
        DemoWebhookReceiver receiver = new DemoWebhookReceiver(HttpServer.create(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10));
        receiver.server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, List<String>> headers = exchange.getRequestHeaders().entrySet().stream()
                    .collect(Collectors.toMap(e -> e.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue));
            String verdict;
            try {
                new Webhook(receiver.secret).verify(body, headers);
                verdict = "signature verified";
            } catch (Exception e) {
                verdict = "SIGNATURE REFUSED";
            }
            JsonObject message = Json.createReader(new StringReader(body)).readObject();
            System.out.println("[demo webhook receiver] " + message.getString("type") + " "
                    + message.getJsonObject("data") + " (" + verdict + ")");
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.server.start();
        return receiver;
    }

    URI url() {
        return URI.create("http://localhost:" + server.getAddress().getPort() + "/webhooks");
    }

    void secret(String secret) {
        this.secret = secret;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
