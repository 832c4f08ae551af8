package dev.resonitelink.link.entity;

import dev.resonitelink.ResoniteUserId;
import dev.resonitelink.sealing.SealedToken;

/** A link's sealed refresh token with the Resonite account it belongs to (both are needed to open it). */
public record StoredToken(SealedToken sealed, ResoniteUserId resoniteId) {
}
