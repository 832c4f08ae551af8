package dev.resonitelink.signin.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The site's sign-in, with the Jakarta Security API only, the same for both modes of {@code resonite-link.sign-in}:
 * a caller who opens a page for signed-in users is sent to {@code /login} and, once signed in, back to that page
 * ({@link LoginToContinue}; a signed-out POST is sent there without being saved, {@link SignedOutWrites}); the
 * sign-in is kept for the session ({@link AutoApplySession}). Who the caller is comes
 * from the credential a sign-in servlet hands to {@code SecurityContext.authenticate}, checked by the identity stores:
 * <ul>
 *   <li>{@code local}: {@link LoginServlet} posts a user name and password, {@link LocalAccountStore} checks them;</li>
 *   <li>{@code oidc}: {@link SiteSignInCallbackServlet} hands over the identity that the site's OpenID Connect provider
 *       vouched for in a checked id_token ({@link SiteSignInCredential}), {@link SiteSignInStore} records it.</li>
 * </ul>
 * A custom mechanism rather than the platform's form or OpenID Connect definitions, because an annotation fixes one
 * mechanism at build time and this WAR chooses at deployment, from configuration, on Payara and WildFly alike. The
 * link code uses nothing from here but the container's principal.
 */
@AutoApplySession
@SignedOutWrites.Guarded
@LoginToContinue(loginPage = "/login", errorPage = "", useForwardToLogin = false)
@DeclareRoles({"user", "organizer"})
@ApplicationScoped
public class SecuritySetup implements HttpAuthenticationMechanism {

    @Inject
    IdentityStoreHandler identityStores;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (credential == null && context.isProtected() && !context.isAuthenticationRequest()) {
            // LoginToContinue sends callers of protected pages to the sign-in page itself; it passes one on to here
            // only while it believes a sign-in is under way (after a failed one, say), and "nothing done" would then
            // leave the container an empty 200 to send
            return context.redirect(request.getContextPath() + "/login");
        }
        if (credential == null) {
            return context.doNothing();
        }
        return context.notifyContainerAboutLogin(identityStores.validate(credential));
    }
}
