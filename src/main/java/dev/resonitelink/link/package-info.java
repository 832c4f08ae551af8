/**
 * The linking feature: the flow's two servlets and its façade ({@code LinkCallback}), the stored links between a
 * local principal and a Resonite account, unlinking, and the JSON API over links.
 * <p>
 * A link is keyed by Resonite's stable user id, never by username or e-mail; both sides are unique in the
 * database, so one Resonite account links to at most one local user even under concurrent requests.
 * Transactions start at the boundary: {@code AccountLinks} for links (the callback, unlink, the API and the
 * background refresh all go through it; {@code LinkWrites} runs its retried writes in their own transactions). What a
 * failed attempt shows (status and words) is decided here, in {@code FailurePages}; the protocol below only names the
 * failure.
 */
package dev.resonitelink.link;
