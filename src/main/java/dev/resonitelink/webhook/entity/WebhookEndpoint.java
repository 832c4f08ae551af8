package dev.resonitelink.webhook.entity;

import java.time.Instant;
import java.util.List;

/** An endpoint as organizers see it: never its secrets. */
public record WebhookEndpoint(String id, String url, String description, List<String> eventTypes, boolean enabled,
                              String disabledReason, Instant failingSince, Instant previousSecretUntil, String createdBy,
                              Instant createdAt) {

}
