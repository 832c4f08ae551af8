/**
 * The OAuth 2.0 Authorization Code flow against Resonite, as a confidential client.
 * <p>
 * One class per step: {@code AuthorizationRequests} builds the request, {@code PendingAuthorizations} keeps it,
 * {@code CodeRedemption} redeems the code, {@code ProfileFetch} reads the profile. Every OAuth message is built
 * and parsed by the Nimbus SDK; Nimbus types stay inside {@code oauth.control}, the rest of the app sees our
 * records ({@code ResoniteProfile}, {@code PendingAuthorization}).
 * <p>
 * Decisions: state and PKCE on every request (RFC 9700 sections 2.1, 4.7); the pending request lives in the HTTP
 * session so it replicates with distributable sessions; the redirect URI comes from configuration only, never
 * from request headers; the access token is used once for the profile and not stored.
 * <p>
 * Out of scope here: refresh tokens and revocation (token lifecycle), OpenID Connect ID tokens.
 */
package dev.resonitelink.oauth;
