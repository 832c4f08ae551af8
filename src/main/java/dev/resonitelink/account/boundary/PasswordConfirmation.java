package dev.resonitelink.account.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The signed-in user types their password again before a change that cannot be undone (deleting an account). It is
 * checked like a sign-in: claimed from the same throttle first (per account and per address, in the database), so
 * a stolen session cannot guess the password faster than the sign-in page would let it.
 */
@ApplicationScoped
public class PasswordConfirmation {

    /** How a confirmation ended. */
    public enum Result { CONFIRMED, WRONG, THROTTLED }

    @Inject
    SignInThrottle throttle;

    @Inject
    ClientAddresses clientAddresses;

    @Inject
    LocalAccountStore store;

    public Result confirm(HttpServletRequest request, String username, String password) {
        if (password == null || password.isEmpty() || password.length() > Accounts.MAX_PASSWORD) {
            return Result.WRONG;
        }
        SignInThrottle.Claim claim = throttle.claim(username, clientAddresses.of(request));
        if (!claim.granted()) {
            return Result.THROTTLED;
        }
        CredentialValidationResult checked;
        try {
            checked = store.validate(new UsernamePasswordCredential(username, password));
        } catch (RuntimeException e) {
            throttle.abandoned(claim);
            if (e instanceof PasswordHashing.BusyException || e.getCause() instanceof PasswordHashing.BusyException) {
                return Result.THROTTLED;
            }
            throw e;
        }
        if (checked.getStatus() == CredentialValidationResult.Status.VALID
                && checked.getCallerPrincipal().getName().equals(username)) {
            throttle.succeeded(claim);
            return Result.CONFIRMED;
        }
        throttle.failed(claim);
        return Result.WRONG;
    }
}
