package dev.resonitelink.webhook.entity;

import java.util.Arrays;
import java.util.Optional;

/** What other services can hear about, by the name they see in the payload's {@code type}. */
public enum WebhookEventType {
    LINK_CREATED("link.created"),
    LINK_CHANGED("link.changed"),
    LINK_REMOVED("link.removed"),
    USER_DELETED("user.deleted"),
    REGISTRATION_CREATED("registration.created"),
    REGISTRATION_CANCELLED("registration.cancelled"),
    REGISTRATION_PROMOTED("registration.promoted"),
    ADMISSION_FIRST("admission.first"),
    /** The organizer page's "send test event": sent to one endpoint only, whatever it subscribes to. */
    TEST("webhook.test");

    private final String wire;

    WebhookEventType(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<WebhookEventType> ofWire(String wire) {
        return Arrays.stream(values()).filter(type -> type.wire.equals(wire)).findFirst();
    }

    /** The types an endpoint can subscribe to (all but the test event). */
    public static java.util.List<WebhookEventType> subscribable() {
        return Arrays.stream(values()).filter(type -> type != TEST).toList();
    }
}
