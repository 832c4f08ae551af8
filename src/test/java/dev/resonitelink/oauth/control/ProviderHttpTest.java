package dev.resonitelink.oauth.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import dev.resonitelink.ops.control.FlowMetrics;
import dev.resonitelink.settings.Setting;
import dev.resonitelink.settings.Settings;
import dev.resonitelink.settings.TestSettings;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProviderHttpTest {

    private final Settings settings = withRevocation();
    private final ProviderHttp http = new ProviderHttp(settings, new FlowMetrics());

    @Test
    void eachEndpointIsCountedUnderItsOwnLabel() {
        assertThat(http.endpointLabel(settings.endpoints().token())).isEqualTo("token");
        assertThat(http.endpointLabel(settings.endpoints().profile())).isEqualTo("profile");
        assertThat(http.endpointLabel(settings.endpoints().revocation())).isEqualTo("revocation");
        assertThat(http.endpointLabel(URI.create("https://account.resonite.com/elsewhere"))).isEqualTo("other");
    }

    @Test
    void aRevocationRequestAsNimbusBuildsItIsCountedAsRevocation() {
        URI sent = new TokenRevocationRequest(settings.endpoints().revocation(),
                new ClientSecretPost(new ClientID("client-1"), new Secret("s3cret-value")), new RefreshToken("rt"))
                .toHTTPRequest().getURI();
        assertThat(http.endpointLabel(sent)).isEqualTo("revocation");
    }

    private HttpServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void providerCallsStartNoThreadEachOnASmallMachine() throws Exception {
        URI profile = serve("/profile", exchange -> {
            byte[] body = "{\"id\":\"U-1\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        ProviderHttp client = new ProviderHttp(withRevocation(), new FlowMetrics());
        client.send(new HTTPRequest(HTTPRequest.Method.GET, profile)); // the client's own threads start here
        long before = ManagementFactory.getThreadMXBean().getTotalStartedThreadCount();
        for (int i = 0; i < 50; i++) {
            assertThat(client.send(new HTTPRequest(HTTPRequest.Method.GET, profile)).getBody()).contains("U-1");
        }
        // sendAsync started one thread per call where the common pool has a single thread (two cores or fewer)
        assertThat(ManagementFactory.getThreadMXBean().getTotalStartedThreadCount() - before).isLessThan(10);
    }

    @Test
    void aBodyThatStallsAfterPromptHeadersEndsAtTheDeadline() throws Exception {
        URI stalling = serve("/stall", exchange -> {
            exchange.sendResponseHeaders(200, 100);
            OutputStream out = exchange.getResponseBody();
            out.write('{');
            out.flush();
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        Map<String, String> values = TestSettings.valid();
        values.put(Setting.READ_TIMEOUT.key(), "500");
        ProviderHttp client = new ProviderHttp(TestSettings.with(values), new FlowMetrics());
        long started = System.nanoTime();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.send(new HTTPRequest(HTTPRequest.Method.GET, stalling)))
                .isInstanceOf(HttpTimeoutException.class).hasMessageContaining("within 500 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void aBodyLargerThanTheCapIsRefused() throws Exception {
        URI large = serve("/large", exchange -> {
            byte[] body = new byte[4096];
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        Map<String, String> values = TestSettings.valid();
        values.put(Setting.MAX_RESPONSE_BYTES.key(), "1024");
        ProviderHttp client = new ProviderHttp(TestSettings.with(values), new FlowMetrics());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.send(new HTTPRequest(HTTPRequest.Method.GET, large)))
                .isInstanceOf(ProviderHttp.ResponseTooLargeException.class);
    }

    private URI serve(String path, com.sun.net.httpserver.HttpHandler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(path, handler);
        server.setExecutor(Executors.newFixedThreadPool(2, task -> {
            Thread thread = new Thread(task, "provider-http-test");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private static Settings withRevocation() {
        Map<String, String> values = TestSettings.valid();
        values.put(Setting.REVOCATION_URI.key(), "connect/revocation");
        return TestSettings.with(values);
    }
}
