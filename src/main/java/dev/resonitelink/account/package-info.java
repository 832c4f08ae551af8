/**
 * The site's own accounts: sign-up, the password sign-in page and its identity store ({@code LocalAccountStore},
 * PBKDF2, throttled per account and per address in the database), the rows of every site user ({@code SiteUsers},
 * single sign-on users included), and the account page. Which mechanism signs people in, and single sign-on through
 * the site's OpenID Connect provider, are the {@code signin} feature's; the link code depends on nothing here but the
 * container's principal.
 */
package dev.resonitelink.account;
