package dev.resonitelink.account.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * The built-in local sign-in, with the Jakarta Security API only: a form (our own {@code /login} page, so it
 * carries a CSRF token and is throttled) backed by {@link LocalAccountStore}. The link code uses nothing from here
 * but the container's principal, so a deployment can replace this with its own SSO or realm.
 */
@CustomFormAuthenticationMechanismDefinition(
        loginToContinue = @LoginToContinue(loginPage = "/login", errorPage = "", useForwardToLogin = false))
@DeclareRoles({"user", "organizer"})
@ApplicationScoped
public class SecuritySetup {
}
