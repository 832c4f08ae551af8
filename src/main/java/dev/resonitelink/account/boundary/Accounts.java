package dev.resonitelink.account.boundary;

import dev.resonitelink.web.Text;
import dev.resonitelink.account.entity.LocalUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import dev.resonitelink.settings.Settings;
import java.util.Optional;
import java.util.regex.Pattern;

/** Sign-up for the built-in local accounts. */
@ApplicationScoped
public class Accounts {

    static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,31}");
    static final int MIN_PASSWORD = 10;
    static final int MAX_PASSWORD = 256;

    @PersistenceContext
    EntityManager em;

    @Inject
    PasswordHashing hashing;

    @Inject
    Settings settings;

    Clock clock = Clock.systemUTC();

    /** Stores a stronger hash of the same password, unless the hash changed since it was read (a new password). */
    @Transactional
    public void rehash(String username, String readHash, String newHash) {
        LocalUser user = em.find(LocalUser.class, username);
        if (user != null && readHash.equals(user.passwordHash())) {
            user.rehash(newHash);
        }
    }

    /** Why a sign-up was refused, in words for the form; empty when the account was created. */
    @Transactional
    public Optional<Text> signUp(String username, String password) {
        if (settings.signIn().oidc()) {
            return Optional.of(Text.of("signup.none.text"));
        }
        if (username == null || !USERNAME.matcher(username).matches()) {
            return Optional.of(Text.of("signup.error.username"));
        }
        if (settings.organizers().names().contains(username)) {
            // a listed name without an account yet is reserved, so nobody signs up under a name meant for someone else
            return Optional.of(Text.of("signup.error.reserved"));
        }
        if (password == null || password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            return Optional.of(Text.of("signup.error.password", MIN_PASSWORD));
        }
        if (CommonPasswords.isWeak(password, username)) {
            return Optional.of(Text.of("signup.error.common"));
        }
        // hashed before the first database access: the transaction takes its pooled connection only then, so no
        // connection is held through the deliberately slow PBKDF2 (under a sign-up rush that emptied the pool)
        String hashed = hashing.generate(password.toCharArray());
        if (em.find(LocalUser.class, username) != null) {
            return Optional.of(Text.of("signup.error.taken"));

        }
        em.persist(new LocalUser(username, hashed, clock.instant()));
        return Optional.empty();
    }
}
