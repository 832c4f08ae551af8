/**
 * The OAuth 2.0 Authorization Code flow against Resonite, as a confidential client, without any servlet: the
 * {@code link} feature drives it and owns the pages.
 * <p>
 * One class per step: {@code AuthorizationRequests} builds the request, {@code PendingAuthorizations} keeps it in
 * the browser's {@code FlowSession}, {@code AuthorizationResponses} reads the callback's parameters,
 * {@code CodeRedemption} redeems the code, {@code ProfileFetch} reads the profile, {@code TokenRefresh} and
 * {@code TokenRevocation} use and end a refresh token (RFC 6749 section 6, RFC 7009). Every OAuth message is built
 * and parsed by the Nimbus SDK; Nimbus types stay inside {@code oauth.control}, the rest of the app sees our
 * records ({@code ResoniteProfile}, {@code PendingAuthorization}, {@code CodeRedemption.Grant}) and failures as
 * {@code LinkFailure} values.
 * <p>
 * Decisions: state and PKCE on every request (RFC 9700 sections 2.1, 4.7); the pending request lives in the
 * session so it replicates with distributable sessions; the redirect URI comes from configuration only, never
 * from request headers; the access token is used once for the profile and not stored.
 * <p>
 * Out of scope here: OpenID Connect ID tokens (issue 15).
 */
package dev.resonitelink.oauth;
