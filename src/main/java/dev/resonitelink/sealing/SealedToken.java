package dev.resonitelink.sealing;

/**
 * A refresh token sealed at rest by {@link TokenSealer} (AES-256-GCM, bound to its link's principal and Resonite id):
 * what the database keeps. A raw token is a {@code String} and a sealed one this type, so the compiler refuses one
 * where the other is meant.
 */
public record SealedToken(String value) {

    /** @throws IllegalArgumentException when {@code value} is null */
    public SealedToken {
        if (value == null) {
            throw new IllegalArgumentException("a sealed token has a value");
        }
    }

    @Override
    public String toString() {
        return "SealedToken[***]";
    }
}
