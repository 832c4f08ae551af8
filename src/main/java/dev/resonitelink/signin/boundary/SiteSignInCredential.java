package dev.resonitelink.signin.boundary;

import dev.resonitelink.signin.entity.SiteIdentity;
import jakarta.security.enterprise.credential.Credential;

/**
 * The site's identity provider vouched for this identity in an id_token that passed every check
 * ({@code SiteSignInFlow}); made only by {@link SiteSignInCallbackServlet}, never from anything a browser sent directly.
 */
record SiteSignInCredential(SiteIdentity identity) implements Credential {
}
