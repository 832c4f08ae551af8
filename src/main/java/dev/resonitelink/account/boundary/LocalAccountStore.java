package dev.resonitelink.account.boundary;

import dev.resonitelink.account.entity.LocalUser;
import dev.resonitelink.settings.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.transaction.Transactional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The identity store of the built-in accounts (Jakarta Security): checks the password with {@link PasswordHashing}
 * (bounded, the same work for unknown names), re-hashes a hash made with older parameters at the first successful
 * sign-in, and gives the account's groups. Throttling happens before this is reached ({@code LoginServlet}).
 */
@ApplicationScoped
public class LocalAccountStore implements IdentityStore {

    private static final Logger LOG = Logger.getLogger(LocalAccountStore.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    PasswordHashing hashing;

    @Inject
    Settings settings;

    @Inject
    Accounts accounts;

    /**
     * Outside any transaction: the read gives its pooled connection back at once, and the deliberately slow hash
     * (and the wait for a hashing slot) holds none. Inside one, every sign-in of a flood held a connection for up to
     * the 3 s wait, the pool ran dry and the link flows queued behind the attackers (84 to 9 flows/s in the
     * benchmark, docs/benchmarks.md). An outdated hash is rewritten afterwards in its own short transaction.
     */
    @Override
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential password) || settings.signIn().oidc()) {
            // with single sign-on there is no local password anywhere, not even for accounts made before
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        String name = password.getCaller();
        LocalUser user = name == null || name.length() > 64 ? null : em.find(LocalUser.class, name);
        char[] secret = password.getPassword().getValue();
        if (!hashing.verify(secret, user == null ? null : user.passwordHash())) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        if (hashing.outdated(user.passwordHash())) {
            accounts.rehash(user.username(), user.passwordHash(), hashing.generate(secret));
            LOG.fine(() -> "password hash of " + name + " upgraded to current parameters");
        }
        return new CredentialValidationResult(user.username(), user.groups());
    }

    @Override
    public Set<ValidationType> validationTypes() {
        return Set.of(ValidationType.VALIDATE, ValidationType.PROVIDE_GROUPS);
    }
}
