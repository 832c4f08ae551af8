package dev.resonitelink.sealing;

import dev.resonitelink.ResoniteUserId;
import dev.resonitelink.SitePrincipal;
import dev.resonitelink.settings.Setting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import dev.resonitelink.settings.Settings;

/**
 * Seals and opens refresh tokens with the configured key ({@code resonite-link.token-encryption-key}, base64 of 32 random bytes, a secret from
 * the environment). Rotation: put the new key in {@code resonite-link.token-encryption-key} and the old one in {@code resonite-link.token-encryption-previous-keys}; tokens
 * sealed with the old key still open, and are re-sealed with the new key at their next refresh. Without a key, no
 * refresh token is kept (links still work; profiles are refreshed only when the user re-links).
 */
@ApplicationScoped
public class TokenSealer {

    private static final Logger LOG = Logger.getLogger(TokenSealer.class.getName());

    @Inject
    Settings settings;

    private volatile TokenCipher cipher;
    private volatile boolean loaded;

    void checkAtStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (cipher().isEmpty()) {
            LOG.info(() -> Setting.TOKEN_KEY + " is not set: refresh tokens will not be stored");
        }
    }

    private Optional<TokenCipher> cipher() {
        if (!loaded) {
            synchronized (this) {
                if (!loaded) {
                    cipher = Optional.ofNullable(settings.tokens().key())
                            .map(k -> new TokenCipher(k, settings.tokens().previousKeys()))
                            .orElse(null);
                    loaded = true;
                }
            }
        }
        return Optional.ofNullable(cipher);
    }

    /** The sealed token for the link of {@code principal} to {@code resoniteId}, or null when there is no token or no key. */
    public SealedToken seal(String refreshToken, SitePrincipal principal, ResoniteUserId resoniteId) {
        if (refreshToken == null) {
            return null;
        }
        return cipher().map(c -> new SealedToken(c.seal(refreshToken, principal.name(), resoniteId.value())))
                .orElse(null);
    }

    /** The raw refresh token, when this key (or a previous one) sealed it for exactly this link. */
    public Optional<String> open(SealedToken sealed, SitePrincipal principal, ResoniteUserId resoniteId) {
        return cipher().flatMap(c -> c.open(sealed.value(), principal.name(), resoniteId.value()));
    }
}
