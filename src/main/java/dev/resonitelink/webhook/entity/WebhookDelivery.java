package dev.resonitelink.webhook.entity;

import java.time.Instant;

/** One delivery of a message to an endpoint, as the organizer page lists it. */
public record WebhookDelivery(String id, String messageId, String eventType, String status, int attempts,
                              Integer lastStatusCode, String lastError, Instant createdAt, Instant lastAttemptAt,
                              Instant nextAttemptAt) {

}
