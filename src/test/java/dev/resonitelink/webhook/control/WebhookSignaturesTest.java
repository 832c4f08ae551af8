package dev.resonitelink.webhook.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The headers verify with the Standard Webhooks library, as a receiver would, with the current or previous secret. */
class WebhookSignaturesTest {

    private static Map<String, List<String>> asReceived(Map<String, String> headers) {
        return headers.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue())));
    }

    @Test
    void aReceiverVerifiesTheMessageWithTheLibraryAndRefusesAChangedOne() throws Exception {
        String secret = WebhookSignatures.newSecret();
        assertThat(secret).startsWith("whsec_");
        String payload = "{\"type\":\"link.created\",\"data\":{\"resoniteId\":\"U-Ada\"}}";
        Map<String, String> headers = WebhookSignatures.headers("msg_abc", Instant.now().getEpochSecond(), payload,
                List.of(secret));
        assertThat(headers).containsKeys("webhook-id", "webhook-timestamp", "webhook-signature");
        assertThat(headers.get("webhook-signature")).matches("v1,[A-Za-z0-9+/=]{44}");

        new Webhook(secret).verify(payload, asReceived(headers));
        assertThatThrownBy(() -> new Webhook(secret).verify(payload.replace("U-Ada", "U-Eve"), asReceived(headers)))
                .isInstanceOf(WebhookVerificationException.class);
        assertThatThrownBy(() -> new Webhook(WebhookSignatures.newSecret()).verify(payload, asReceived(headers)))
                .as("another endpoint's secret").isInstanceOf(WebhookVerificationException.class);
        Map<String, String> replayed = new HashMap<>(headers);
        replayed.put("webhook-id", "msg_other");
        assertThatThrownBy(() -> new Webhook(secret).verify(payload, asReceived(replayed)))
                .as("the id is signed too").isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void duringARotationBothSecretsSignAndEitherVerifies() throws Exception {
        String current = WebhookSignatures.newSecret();
        String previous = WebhookSignatures.newSecret();
        String payload = "{\"type\":\"webhook.test\"}";
        Map<String, String> headers = WebhookSignatures.headers("msg_rot", Instant.now().getEpochSecond(), payload,
                List.of(current, previous));
        assertThat(headers.get("webhook-signature").split(" ")).hasSize(2);
        new Webhook(current).verify(payload, asReceived(headers));
        new Webhook(previous).verify(payload, asReceived(headers));
    }
}
