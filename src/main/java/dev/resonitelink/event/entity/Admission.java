package dev.resonitelink.event.entity;

/**
 * What the admission check answers for one Resonite user at one event: {@code admit}, {@code deny} or
 * {@code waitlisted}, one lower-case word a world's ProtoFlux can compare, and why, as a machine-readable token
 * ({@code registered}, {@code not-registered}, {@code cancelled}, {@code removed}, {@code not-linked-anymore},
 * {@code event-cancelled}, {@code event-ended}). Never translated.
 */
public record Admission(String decision, String reason) {

    public static final String ADMIT = "admit";
    public static final String DENY = "deny";
    public static final String WAITLISTED = "waitlisted";

    public static Admission admit() {
        return new Admission(ADMIT, "registered");
    }

    public static Admission deny(String reason) {
        return new Admission(DENY, reason);
    }

    public static Admission waitlisted() {
        return new Admission(WAITLISTED, "waitlisted");
    }

    public boolean admitted() {
        return ADMIT.equals(decision);
    }
}
