package dev.resonitelink.link.entity;

/** A link's sealed refresh token with the Resonite account it belongs to (both are needed to open it). */
public record StoredToken(String sealed, String resoniteId) {
}
