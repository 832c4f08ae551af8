/**
 * The background profile refresh: a cluster-safe scheduled job refreshes stale profiles with the sealed refresh
 * tokens, {@code invalid_grant} marks the link "needs re-consent", and a rotated refresh token replaces the old one.
 * <p>
 * Decisions: the lease row in {@code job_lease} makes one node at a time use refresh tokens, so rotating tokens are
 * never redeemed twice. Out of scope: refreshing on demand while a user waits.
 */
package dev.resonitelink.refresh;
