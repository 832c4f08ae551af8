package dev.resonitelink.webhook.control;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookSigningException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Standard Webhooks headers of a message, signed with the Standard Webhooks library: {@code webhook-id},
 * {@code webhook-timestamp} and {@code webhook-signature} ({@code v1,<base64 HMAC-SHA256>}, one per valid secret,
 * space-separated, so receivers verify with either secret during a rotation).
 */
public final class WebhookSignatures {

    public static final String SECRET_PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignatures() {
    }

    /** A new secret: {@value #SECRET_PREFIX} and 32 random bytes in base64. */
    public static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The three headers for this message, signed with each of {@code secrets} (the current one first). */
    public static Map<String, String> headers(String messageId, long timestampSeconds, String payload,
                                              List<String> secrets) {
        StringBuilder signatures = new StringBuilder();
        for (String secret : secrets) {
            try {
                String signature = new Webhook(secret).sign(messageId, timestampSeconds, payload);
                signatures.append(signatures.isEmpty() ? "" : " ").append(signature);
            } catch (WebhookSigningException | com.standardwebhooks.exceptions.EmptyWebhookSecretException e) {
                throw new IllegalStateException("a stored webhook secret cannot sign", e);
            }
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("webhook-id", messageId);
        headers.put("webhook-timestamp", String.valueOf(timestampSeconds));
        headers.put("webhook-signature", signatures.toString());
        return headers;
    }
}
