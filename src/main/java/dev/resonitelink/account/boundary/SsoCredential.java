package dev.resonitelink.account.boundary;

import dev.resonitelink.oauth.entity.SiteIdentity;
import jakarta.security.enterprise.credential.Credential;

/**
 * The site's identity provider vouched for this identity in an id_token that passed every check
 * ({@code SiteSignInFlow}); made only by {@link SsoCallbackServlet}, never from anything a browser sent directly.
 */
record SsoCredential(SiteIdentity identity) implements Credential {
}
