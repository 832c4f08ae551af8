package dev.resonitelink.webhook.control;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Sends one webhook attempt: a POST of the JSON payload with the Standard Webhooks headers, within the timeout,
 * following no redirect, reading at most {@value #MAX_ANSWER_BYTES} bytes of the answer (which only its status
 * matters for). A 2xx answer is a delivery; anything else, or no answer, is a failed attempt.
 */
public class WebhookSender {

    static final int MAX_ANSWER_BYTES = 4096;

    /** How one attempt ended: the answer's status (0 when there was none) and, for a failure, why in a few words. */
    public record Attempt(int status, String error) {
        public boolean delivered() {
            return status >= 200 && status < 300;
        }
    }

    private final HttpClient http;
    private final Duration timeout;

    public WebhookSender(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(timeout)
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    public Attempt send(URI target, Map<String, String> headers, String payload) {
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(timeout)
                .header("Content-Type", "application/json").header("User-Agent", "resonite-link-webhooks")
                .POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                body.readNBytes(MAX_ANSWER_BYTES); // the rest is never read: the stream is closed
            }
            int status = response.statusCode();
            if (status >= 300 && status < 400) {
                return new Attempt(status, "redirect not followed");
            }
            return new Attempt(status, status >= 200 && status < 300 ? null : "answered " + status);
        } catch (java.net.http.HttpTimeoutException e) {
            return new Attempt(0, "no answer within " + timeout.toSeconds() + " s");
        } catch (IOException e) {
            return new Attempt(0, "could not connect (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(0, "interrupted");
        }
    }
}
