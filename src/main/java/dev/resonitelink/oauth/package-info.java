/**
 * OAuth 2.0 and OpenID Connect as a confidential client, without any servlet: against Resonite (the {@code link}
 * feature drives it and owns the pages) and against the site's own OpenID Connect provider (site sign-in,
 * {@code SiteSignInFlow}).
 * <p>
 * One class per step: {@code AuthorizationRequests} builds the request, {@code PendingAuthorizations} keeps it in
 * the browser's {@code FlowSession} (the port, in {@code web}), {@code AuthorizationResponses} reads the callback's
 * parameters, {@code CodeRedemption} redeems the code, {@code IdTokens} checks the id_token (OpenID Connect Core
 * section 3.1.3.7, keys and endpoints from {@code ProviderDiscovery}), {@code ProfileFetch} reads the profile,
 * {@code TokenRefresh} and {@code TokenRevocation} use and end a refresh token (RFC 6749 section 6, RFC 7009). Every
 * OAuth message and JWT is built and parsed by the Nimbus SDK; Nimbus types stay inside {@code oauth.control}, the
 * rest of the app sees our records ({@code ResoniteProfile}, {@code PendingAuthorization},
 * {@code CodeRedemption.Grant}, {@code SiteIdentity}) and failures as {@code LinkFailure} values.
 * <p>
 * Decisions: state and PKCE on every request (RFC 9700 sections 2.1, 4.7), a nonce whenever an id_token is asked
 * for; the pending request lives in the session so it replicates with distributable sessions; the redirect URI comes
 * from configuration only, never from request headers; the access token is used once for the profile and not stored.
 */
package dev.resonitelink.oauth;
