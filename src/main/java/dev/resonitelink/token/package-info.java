/**
 * The refresh-token lifecycle: tokens granted with {@code offline_access} are sealed with AES-256-GCM (key from
 * configuration, rotation by keeping old keys for decryption), a cluster-safe scheduled job refreshes stale
 * profiles, {@code invalid_grant} marks the link "needs re-consent", and unlinking revokes at Resonite (RFC 7009).
 * <p>
 * Decisions: the lease row in {@code job_lease} makes one node at a time use refresh tokens, so rotating tokens are
 * never redeemed twice; the principal is authenticated data of the seal, so a token copied onto another row is
 * useless. Out of scope: refreshing on demand while a user waits.
 */
package dev.resonitelink.token;
