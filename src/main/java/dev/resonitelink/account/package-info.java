/**
 * The built-in local accounts: sign-up, sign-in, sign-out, and the account page.
 * <p>
 * Only the Jakarta Security API is used (custom form mechanism, database identity store, PBKDF2), so a deployment
 * can swap in its own SSO or realm; the link code depends on nothing here but the container's principal.
 */
package dev.resonitelink.account;
