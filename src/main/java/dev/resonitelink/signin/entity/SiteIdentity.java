package dev.resonitelink.signin.entity;

import java.util.List;

/**
 * Who the site's own OpenID Connect provider says signed in, read from an id_token that passed every check.
 *
 * @param principal   the value of the configured principal claim ({@code sub} by default): the local user's name
 * @param displayName the configured name claim, or null
 * @param email       the configured e-mail claim, or null
 * @param groups      the values of the configured groups claim (empty when absent)
 * @param idToken     the id_token itself, kept only as the {@code id_token_hint} of the sign-out; never logged
 */
public record SiteIdentity(String principal, String displayName, String email, List<String> groups, String idToken) {

    @Override
    public String toString() {
        return "SiteIdentity[principal=" + principal + ", groups=" + groups + "]";
    }
}
