/**
 * The audit trail: every link, re-link, unlink and failed attempt, every organizer grant and revocation, and every
 * organizer action on events, with who did it and the request id the user saw. Written in its own transaction, so a
 * failed attempt is recorded even when its own write was rolled back; never a token, code, secret or profile data.
 * Used by {@code link}, {@code account}, {@code organizer} and {@code event}; uses no feature.
 */
package dev.resonitelink.audit;
