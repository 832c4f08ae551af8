package dev.resonitelink.signin.boundary;

import dev.resonitelink.account.boundary.SiteUsers;
import dev.resonitelink.signin.entity.SiteIdentity;
import dev.resonitelink.settings.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;

/**
 * The identity store of single sign-on ({@code resonite-link.sign-in=oidc}): accepts only an {@link SiteSignInCredential},
 * records the user's row and organizer right ({@link SiteUsers}) and gives the caller's groups. With local sign-in it
 * validates nothing.
 */
@ApplicationScoped
public class SiteSignInStore implements IdentityStore {

    @Inject
    Settings settings;

    @Inject
    SiteUsers users;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof SiteSignInCredential sso) || !settings.signIn().oidc()) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        SiteIdentity identity = sso.identity();
        Set<String> groups = users.signedIn(identity.principal(), identity.displayName(), identity.email(),
                identity.groups());
        return groups == null ? CredentialValidationResult.INVALID_RESULT
                : new CredentialValidationResult(sso.identity().principal(), groups);
    }

    @Override
    public Set<ValidationType> validationTypes() {
        return Set.of(ValidationType.VALIDATE, ValidationType.PROVIDE_GROUPS);
    }
}
