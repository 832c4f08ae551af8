package dev.resonitelink.account.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;
import jakarta.security.enterprise.identitystore.DatabaseIdentityStoreDefinition;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

/**
 * The built-in local sign-in, with the Jakarta Security API only: a form (our own {@code /login} page, so it
 * carries a CSRF token) backed by a database identity store holding PBKDF2 hashes. The link code uses nothing
 * from here but the container's principal, so a deployment can replace this class with its own SSO or realm.
 */
@CustomFormAuthenticationMechanismDefinition(
        loginToContinue = @LoginToContinue(loginPage = "/login", errorPage = "", useForwardToLogin = false))
@DatabaseIdentityStoreDefinition(
        dataSourceLookup = "java:comp/DefaultDataSource",
        callerQuery = "select password_hash from app_user where username = ?",
        groupsQuery = "select group_name from app_user_group where username = ?",
        hashAlgorithm = Pbkdf2PasswordHash.class,
        hashAlgorithmParameters = {
                "Pbkdf2PasswordHash.Algorithm=" + SecuritySetup.HASH_ALGORITHM,
                "Pbkdf2PasswordHash.Iterations=" + SecuritySetup.HASH_ITERATIONS,
                "Pbkdf2PasswordHash.SaltSizeBytes=32",
                "Pbkdf2PasswordHash.KeySizeBytes=32"})
@DeclareRoles({"user", "organizer"})
@ApplicationScoped
public class SecuritySetup {
    static final String HASH_ALGORITHM = "PBKDF2WithHmacSHA256";
    static final String HASH_ITERATIONS = "210000";
}
