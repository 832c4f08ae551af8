package dev.resonitelink.oauth.control;

import dev.resonitelink.settings.Settings;

import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.http.HTTPRequestSender;
import com.nimbusds.oauth2.sdk.http.ReadOnlyHTTPRequest;
import com.nimbusds.oauth2.sdk.http.ReadOnlyHTTPResponse;
import jakarta.enterprise.context.ApplicationScoped;
import dev.resonitelink.ops.control.FlowMetrics;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sends Nimbus's HTTP requests to Resonite with one shared, connection-reusing client, the configured connect
 * timeout, one deadline over the whole exchange ({@code resonite.read-timeout-ms}: sending, the headers and the
 * whole body, so a provider that trickles its body cannot hold a thread either), and a cap on the body size, so a
 * broken or hostile provider cannot make us wait forever or buffer gigabytes.
 */
@ApplicationScoped
public class ProviderHttp implements HTTPRequestSender {

    private static final Set<String> RESTRICTED = Set.of("host", "connection", "content-length", "expect", "upgrade");

    private Settings settings;
    private HttpClient client;
    private FlowMetrics metrics;
    private final Map<java.net.URI, String> announced = new java.util.concurrent.ConcurrentHashMap<>();

    ProviderHttp() {
        // for CDI proxies
    }

    @Inject
    public ProviderHttp(Settings settings, FlowMetrics metrics) {
        this.settings = settings;
        this.metrics = metrics;
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.limits().connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    @Override
    public ReadOnlyHTTPResponse send(ReadOnlyHTTPRequest request) throws IOException {
        long started = System.nanoTime();
        try {
            HttpResponse<byte[]> response = exchange(request, started + settings.limits().readTimeout().toNanos());
            HTTPResponse result = new HTTPResponse(response.statusCode());
            response.headers().firstValue("Content-Type").ifPresent(v -> result.setHeader("Content-Type", v));
            response.headers().firstValue("WWW-Authenticate").ifPresent(v -> result.setHeader("WWW-Authenticate", v));
            result.setBody(new String(response.body(), StandardCharsets.UTF_8));
            return result;
        } finally {
            metrics.providerCall(endpointLabel(request.getURI()), Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /** The whole exchange (sending, headers and the capped body) within the deadline, or an IOException. */
    private HttpResponse<byte[]> exchange(ReadOnlyHTTPRequest request, long deadline) throws IOException {
        CappedBody answer = new CappedBody(settings.limits().maxResponseBytes());
        CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(toJdk(request), info -> answer);
        try {
            return exchange.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            answer.abandon();
            exchange.cancel(true);
            throw new HttpTimeoutException("no complete answer from " + request.getURI().getHost() + " within "
                    + settings.limits().readTimeout().toMillis() + " ms");
        } catch (InterruptedException e) {
            answer.abandon();
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + request.getURI().getHost(), e);
        } catch (ExecutionException e) {
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof ResponseTooLargeException tooLarge) {
                    throw tooLarge;
                }
            }
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException("call to " + request.getURI().getHost() + " failed", e.getCause());
        }
    }

    private static HttpRequest toJdk(ReadOnlyHTTPRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.getURI());
        for (Map.Entry<String, List<String>> header : request.getHeaderMap().entrySet()) {
            if (!RESTRICTED.contains(header.getKey().toLowerCase())) {
                header.getValue().forEach(value -> builder.header(header.getKey(), value));
            }
        }
        String body = request.getBody();
        return builder.method(request.getMethod().name(), body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    }

    /** An endpoint Resonite's discovery document announced, labelled like the configured one it stands for. */
    void announced(java.net.URI endpoint, String label) {
        if (endpoint != null && announced.size() < 16) {
            announced.putIfAbsent(endpoint, label);
        }
    }

    /** The metric label of a call: which of Resonite's endpoints it went to. */
    String endpointLabel(java.net.URI uri) {
        String discovered = announced.get(uri);
        if (discovered != null) {
            return discovered;
        }
        if (uri.equals(settings.endpoints().token())) {
            return "token";
        }
        if (uri.equals(settings.endpoints().revocation())) {
            return "revocation";
        }
        if (uri.equals(settings.openId().discovery())) {
            return "discovery";
        }
        return uri.equals(settings.endpoints().profile()) ? "profile" : "other";
    }

    /**
     * Collects the body up to the cap; a larger body, or one abandoned at the deadline, cancels the subscription so
     * the connection is given up instead of read forever.
     */
    static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final int max;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private volatile Flow.Subscription subscription;

        CappedBody(int max) {
            this.max = max;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                if (bytes.size() + buffer.remaining() > max) {
                    subscription.cancel();
                    result.completeExceptionally(new ResponseTooLargeException("response is larger than " + max + " bytes"));
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.writeBytes(chunk);
            }
        }

        @Override
        public void onError(Throwable error) {
            result.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }

        void abandon() {
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
            result.completeExceptionally(new HttpTimeoutException("abandoned at the deadline"));
        }
    }

    /** The provider sent more than {@link Settings#maxResponseBytes()}: a broken or hostile answer, not an outage. */
    public static class ResponseTooLargeException extends IOException {
        ResponseTooLargeException(String message) {
            super(message);
        }
    }
}
