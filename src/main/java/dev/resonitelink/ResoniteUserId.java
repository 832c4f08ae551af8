package dev.resonitelink;

import java.io.Serializable;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Resonite user id ({@code U-...}): the stable key a link, a registration and an admission are made on, never a
 * user name (it can change) or an e-mail. One shape for every place that reads one: the profile, the admission check's
 * path, an invite list.
 */
public record ResoniteUserId(String value) implements Serializable {

    private static final Pattern SHAPE = Pattern.compile("U-[A-Za-z0-9_.-]{1,120}");

    /** @throws IllegalArgumentException when {@code value} is not of the {@code U-...} shape */
    public ResoniteUserId {
        if (!valid(value)) {
            throw new IllegalArgumentException("not a Resonite user id");
        }
    }

    /** Whether {@code text} has the shape of a Resonite user id. */
    public static boolean valid(String text) {
        return text != null && SHAPE.matcher(text).matches();
    }

    /** The id {@code text} names, or empty when it is not one. */
    public static Optional<ResoniteUserId> parse(String text) {
        return valid(text) ? Optional.of(new ResoniteUserId(text)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
