package dev.resonitelink.account.boundary;

import dev.resonitelink.settings.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;

/**
 * The identity store of single sign-on ({@code resonite-link.sign-in=oidc}): accepts only an {@link SsoCredential},
 * records the user's row and organizer right ({@link SiteUsers}) and gives the caller's groups. With local sign-in it
 * validates nothing.
 */
@ApplicationScoped
public class SsoAccountStore implements IdentityStore {

    @Inject
    Settings settings;

    @Inject
    SiteUsers users;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof SsoCredential sso) || !settings.signIn().oidc()) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        Set<String> groups = users.signedIn(sso.identity());
        return groups == null ? CredentialValidationResult.INVALID_RESULT
                : new CredentialValidationResult(sso.identity().principal(), groups);
    }

    @Override
    public Set<ValidationType> validationTypes() {
        return Set.of(ValidationType.VALIDATE, ValidationType.PROVIDE_GROUPS);
    }
}
