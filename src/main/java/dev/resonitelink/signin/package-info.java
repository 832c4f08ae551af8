/**
 * Site sign-in: how a person becomes a signed-in user of this site. One Jakarta Security mechanism
 * ({@code SecuritySetup}) serves both modes of {@code resonite-link.sign-in}: the site's own accounts (the password
 * page and identity store are {@code account}'s) or the site's own OpenID Connect provider, whose flow
 * ({@code SiteSignInFlow}) is the same {@code AuthorizationCodeFlow} the link with Resonite uses. A failed sign-in is a
 * {@code SiteSignInFailure}: what the person is told and the status ({@code SiteSignInPages}), apart from the protocol
 * detail. People are named by the provider's name claim, never by its opaque principal.
 */
package dev.resonitelink.signin;
