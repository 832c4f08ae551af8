package dev.resonitelink.oauth.entity;

import java.util.Set;

/**
 * What a provider's token endpoint gave (RFC 6749 section 5.1): the access token, used once and never stored or
 * logged; the refresh token when one was issued (null otherwise); the scopes actually granted (an absent
 * {@code scope} means the requested ones); and the id_token when OpenID Connect was asked for (null otherwise).
 */
public record Grant(String accessToken, String refreshToken, Set<String> grantedScopes, String idToken) {

    @Override
    public String toString() {
        return "Grant[accessToken=***, refreshToken=" + (refreshToken == null ? "none" : "***") + ", grantedScopes="
                + grantedScopes + ", idToken=" + (idToken == null ? "none" : "***") + "]";
    }
}
