package dev.resonitelink.oauth.entity;

import java.util.Map;

/**
 * A callback's code, redeemed: the grant, and with OpenID Connect the claims of its id_token once every check passed
 * (signature, {@code iss}, {@code aud}, {@code exp}, {@code iat}, {@code nonce}); {@code idTokenClaims} is empty
 * without OpenID Connect.
 */
public record Redeemed(PendingAuthorization request, Grant grant, Map<String, Object> idTokenClaims) {

    /** The id_token's {@code sub}, or null without OpenID Connect. */
    public String subject() {
        return idTokenClaims.get("sub") instanceof String sub ? sub : null;
    }

    @Override
    public String toString() {
        return "Redeemed[" + grant + "]";
    }
}
