package dev.resonitelink.token.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Seals and opens refresh tokens with the configured key ({@value #KEY}, base64 of 32 random bytes, a secret from
 * the environment). Rotation: put the new key in {@value #KEY} and the old one in {@value #KEY_PREVIOUS}; tokens
 * sealed with the old key still open, and are re-sealed with the new key at their next refresh. Without a key, no
 * refresh token is kept (links still work; profiles are refreshed only when the user re-links).
 */
@ApplicationScoped
public class TokenVault {

    public static final String KEY = "resonite-link.token-encryption-key";
    public static final String KEY_PREVIOUS = "resonite-link.token-encryption-previous-keys";
    private static final Logger LOG = Logger.getLogger(TokenVault.class.getName());

    @Inject
    Config config;

    private volatile TokenCipher cipher;
    private volatile boolean loaded;

    void checkAtStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (cipher().isEmpty()) {
            LOG.info(() -> KEY + " is not set: refresh tokens will not be stored");
        }
    }

    private Optional<TokenCipher> cipher() {
        if (!loaded) {
            synchronized (this) {
                if (!loaded) {
                    cipher = config.getOptionalValue(KEY, String.class).filter(k -> !k.isBlank())
                            .map(k -> new TokenCipher(k, TokenCipher.keyList(
                                    config.getOptionalValue(KEY_PREVIOUS, String.class).orElse(null))))
                            .orElse(null);
                    loaded = true;
                }
            }
        }
        return Optional.ofNullable(cipher);
    }

    /** The sealed token for the link of {@code principal} to {@code resoniteId}, or null when there is no token or no key. */
    public String seal(String refreshToken, String principal, String resoniteId) {
        if (refreshToken == null) {
            return null;
        }
        return cipher().map(c -> c.seal(refreshToken, principal, resoniteId)).orElse(null);
    }

    public Optional<String> open(String sealed, String principal, String resoniteId) {
        return cipher().flatMap(c -> c.open(sealed, principal, resoniteId));
    }
}
