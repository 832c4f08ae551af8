/**
 * Stored links between a local principal and a Resonite account, and the JSON API over them.
 * <p>
 * A link is keyed by Resonite's stable user id, never by username or e-mail; both sides are unique in the
 * database, so one Resonite account links to at most one local user even under concurrent requests.
 * {@code AccountLinks} is the only transactional entry point.
 */
package dev.resonitelink.link;
