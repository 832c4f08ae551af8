package dev.resonitelink.link.entity;

/**
 * How a link write ended, and the refresh token it replaced, if any: that token is kept nowhere any more, so the
 * caller revokes it at Resonite (RFC 7009) instead of leaving the grant alive.
 */
public record LinkResult(LinkOutcome outcome, StoredToken dropped) {
}
