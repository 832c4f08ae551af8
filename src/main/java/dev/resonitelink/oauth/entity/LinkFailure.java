package dev.resonitelink.oauth.entity;

/**
 * Every way a link attempt can end without a link. A domain value only: what the user is told and the page's
 * HTTP status are the web layer's choice ({@code link/boundary/FailurePages} and its {@code LinkFailures.properties}).
 */
public enum LinkFailure {
    /** The user said no at Resonite's consent. */
    DECLINED,
    /** The callback has no state. */
    STATE_MISSING,
    /** No pending request of this session has that state (expired, replayed, other session). */
    STATE_UNKNOWN,
    /** The pending request was started by another local user. */
    WRONG_USER,
    /** Iss names another authorization server (RFC 9207). */
    ISSUER_MISMATCH,
    /** The callback is not a valid authorization response. */
    MALFORMED_RESPONSE,
    /** Resonite answered the authorization request with an error. */
    PROVIDER_ERROR,
    /** The token endpoint failed or answered something unusable. */
    PROVIDER_FAILED,
    /** Resonite did not answer in time. */
    PROVIDER_UNAVAILABLE,
    /** Resonite refused this site's client credentials. */
    CLIENT_REJECTED,
    /** The code (or refresh token) was refused: invalid_grant. */
    CODE_REJECTED,
    /** The profile could not be read or used. */
    PROFILE_UNAVAILABLE,
    /** Our database did not answer. */
    STORAGE_UNAVAILABLE,
    /** Another change to the same link won the race. */
    CONCURRENT_CHANGE,
    /** The Resonite account is linked to another local account. */
    ALREADY_LINKED_ELSEWHERE,
    /** Resonite's id_token is missing or breaks a rule of OpenID Connect Core (signature, iss, aud, exp, nonce). */
    ID_TOKEN_INVALID,
    /** The id_token names another Resonite user than the profile does. */
    ID_TOKEN_SUBJECT_MISMATCH;
}
