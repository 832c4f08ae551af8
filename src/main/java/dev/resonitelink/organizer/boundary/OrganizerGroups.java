package dev.resonitelink.organizer.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;

/**
 * Grants the {@code organizer} role to the principals listed in {@value #KEY_ORGANIZERS} (comma-separated). An
 * identity store that only provides groups, so it works beside any authentication: the built-in sign-in or a
 * deployment's own SSO.
 */
@ApplicationScoped
public class OrganizerGroups implements IdentityStore {

    public static final String KEY_ORGANIZERS = "resonite-link.organizers";
    public static final String ORGANIZER = "organizer";

    @Inject
    Config config;

    @Override
    public Set<ValidationType> validationTypes() {
        return EnumSet.of(ValidationType.PROVIDE_GROUPS);
    }

    @Override
    public Set<String> getCallerGroups(CredentialValidationResult result) {
        return organizers().contains(result.getCallerPrincipal().getName()) ? Set.of(ORGANIZER) : Set.of();
    }

    Set<String> organizers() {
        return config.getOptionalValue(KEY_ORGANIZERS, String.class)
                .map(list -> Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                        .collect(Collectors.toSet()))
                .orElse(Set.of());
    }
}
