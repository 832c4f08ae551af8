package dev.resonitelink.oauth.control;

import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.http.HTTPRequestSender;
import com.nimbusds.oauth2.sdk.http.ReadOnlyHTTPRequest;
import com.nimbusds.oauth2.sdk.http.ReadOnlyHTTPResponse;
import jakarta.enterprise.context.ApplicationScoped;
import dev.resonitelink.ops.control.FlowMetrics;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sends Nimbus's HTTP requests to Resonite with one shared, connection-reusing client, the configured
 * connect and read timeouts, and a cap on the body size, so a broken or hostile provider cannot make us
 * wait forever or buffer gigabytes.
 */
@ApplicationScoped
public class ProviderHttp implements HTTPRequestSender {

    private static final Set<String> RESTRICTED = Set.of("host", "connection", "content-length", "expect", "upgrade");

    private ResoniteSettings settings;
    private HttpClient client;
    private FlowMetrics metrics;

    ProviderHttp() {
        // for CDI proxies
    }

    @Inject
    public ProviderHttp(ResoniteSettings settings, FlowMetrics metrics) {
        this.settings = settings;
        this.metrics = metrics;
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    @Override
    public ReadOnlyHTTPResponse send(ReadOnlyHTTPRequest request) throws IOException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.getURI()).timeout(settings.readTimeout());
        for (Map.Entry<String, List<String>> header : request.getHeaderMap().entrySet()) {
            if (RESTRICTED.contains(header.getKey().toLowerCase())) {
                continue;
            }
            for (String value : header.getValue()) {
                builder.header(header.getKey(), value);
            }
        }
        String body = request.getBody();
        builder.method(request.getMethod().name(), body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        HttpResponse<InputStream> response;
        long start = System.nanoTime();
        try {
            response = client.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + request.getURI().getHost(), e);
        } finally {
            metrics.providerCall(request.getURI().equals(settings.tokenUri()) ? "token" : "profile",
                    java.time.Duration.ofNanos(System.nanoTime() - start));
        }
        HTTPResponse result = new HTTPResponse(response.statusCode());
        response.headers().firstValue("Content-Type").ifPresent(v -> result.setHeader("Content-Type", v));
        response.headers().firstValue("WWW-Authenticate").ifPresent(v -> result.setHeader("WWW-Authenticate", v));
        try (InputStream in = response.body()) {
            byte[] bytes = in.readNBytes(settings.maxResponseBytes() + 1);
            if (bytes.length > settings.maxResponseBytes()) {
                throw new ResponseTooLargeException("response from " + request.getURI().getHost()
                        + " is larger than " + settings.maxResponseBytes() + " bytes");
            }
            result.setBody(new String(bytes, StandardCharsets.UTF_8));
        }
        return result;
    }

    /** The provider sent more than {@link ResoniteSettings#maxResponseBytes()}: a broken or hostile answer, not an outage. */
    public static class ResponseTooLargeException extends IOException {
        ResponseTooLargeException(String message) {
            super(message);
        }
    }
}
