package dev.resonitelink.oauth.control;

import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import dev.resonitelink.oauth.entity.LinkFailedException;
import dev.resonitelink.oauth.entity.LinkFailure;

import dev.resonitelink.settings.Settings;

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

    /**
     * The whole exchange (sending, headers and the capped body) within the deadline, or an IOException.
     *
     * <p>Synchronous on purpose: {@code HttpClient.sendAsync} hands every completed exchange to the common
     * fork-join pool, and where that pool has one thread (two cores or fewer) the JDK starts a new thread per task
     * instead. That was a thread per provider call, half of the server's CPU per link flow in the load benchmark
     * (docs/benchmarks.md). {@code send} waits in the calling thread; the request's own timeout covers the headers,
     * and the body's deadline runs on the JDK's shared delay thread ({@code orTimeout}), cancelled when the body is
     * complete.
     */
    private HttpResponse<byte[]> exchange(ReadOnlyHTTPRequest request, long deadline) throws IOException {
        long remaining = Math.max(1, deadline - System.nanoTime());
        CappedBody answer = new CappedBody(settings.limits().maxResponseBytes(), remaining);
        try {
            return client.send(toJdk(request, Duration.ofNanos(remaining)), info -> answer);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + request.getURI().getHost(), e);
        } catch (IOException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof ResponseTooLargeException tooLarge) {
                    throw tooLarge;
                }
                if (cause instanceof java.net.http.HttpConnectTimeoutException) {
                    throw e;
                }
                if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException) {
                    throw new HttpTimeoutException("no complete answer from " + request.getURI().getHost()
                            + " within " + settings.limits().readTimeout().toMillis() + " ms");
                }
            }
            throw e;
        } finally {
            answer.abandon(); // a no-op once the body is complete; otherwise closes the connection and the timer
        }
    }

    private static HttpRequest toJdk(ReadOnlyHTTPRequest request, Duration headersWithin) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.getURI()).timeout(headersWithin);
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

    /**
     * Sends one request to a provider with its deadline, and maps what can go wrong on the way, once for every caller:
     * no answer (unreachable, refused, timed out) is {@code PROVIDER_UNAVAILABLE}; an answer over the size cap is
     * {@code tooLarge}. The status and the body are the caller's to judge.
     *
     * @param what the endpoint as the log names it, e.g. "token endpoint"
     */
    static HTTPResponse call(HTTPRequest request, HTTPRequestSender http, Settings.Limits limits, String what,
                             LinkFailure tooLarge) throws LinkFailedException {
        request.setConnectTimeout((int) limits.connectTimeout().toMillis());
        request.setReadTimeout((int) limits.readTimeout().toMillis());
        try {
            return request.send(http);
        } catch (ResponseTooLargeException e) {
            throw new LinkFailedException(tooLarge, what + ": " + e.getMessage(), null, null);
        } catch (IOException e) {
            throw new LinkFailedException(LinkFailure.PROVIDER_UNAVAILABLE,
                    what + " unreachable: " + e.getClass().getSimpleName() + ": " + e.getMessage(), null, null);
        }
    }

    /** An endpoint a discovery document announced, labelled like the configured one it stands for (for metrics). */
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

        /** Collects at most {@code max} bytes, and gives up (cancelling the subscription) after {@code withinNanos}. */
        CappedBody(int max, long withinNanos) {
            this.max = max;
            result.orTimeout(withinNanos, TimeUnit.NANOSECONDS).whenComplete((body, failure) -> {
                if (failure != null) {
                    cancelSubscription();
                }
            });
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (result.isDone()) {
                s.cancel(); // the deadline passed while the headers were on their way
            } else {
                s.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                if (bytes.size() + buffer.remaining() > max) {
                    cancelSubscription();
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

        /** Gives up on a body that is not complete yet; completing the result also cancels its timer. */
        void abandon() {
            if (!result.isDone()) { // an exception (and its stack trace) only for a body that is really abandoned
                result.completeExceptionally(new HttpTimeoutException("abandoned at the deadline"));
            }
        }

        private void cancelSubscription() {
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
        }
    }

    /** The provider sent more than {@link Settings#maxResponseBytes()}: a broken or hostile answer, not an outage. */
    public static class ResponseTooLargeException extends IOException {
        ResponseTooLargeException(String message) {
            super(message);
        }
    }
}
