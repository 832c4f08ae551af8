package dev.resonitelink.privacy.boundary;

import dev.resonitelink.privacy.control.Pseudonyms;
import dev.resonitelink.settings.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.List;

/**
 * The key of the pseudonyms: {@code resonite-link.pseudonym-key} when set; otherwise 256 random bits made by the first
 * node that needs them and kept in {@code site_key} (the primary key decides between nodes, so every node uses the
 * same key). Never logged, never shown.
 */
@ApplicationScoped
public class PseudonymKey {

    static final String NAME = "pseudonym";

    @PersistenceContext
    EntityManager em;

    @Inject
    Settings settings;

    @Inject
    PseudonymKey self;

    Clock clock = Clock.systemUTC();

    private volatile Pseudonyms pseudonyms;

    public Pseudonyms pseudonyms() {
        Pseudonyms current = pseudonyms;
        if (current == null) {
            String configured = settings.jobs().pseudonymKey();
            byte[] key;
            if (configured != null) {
                key = configured.getBytes(StandardCharsets.UTF_8);
            } else {
                String stored;
                try {
                    stored = self.stored();
                } catch (RuntimeException anotherNodeMadeItFirst) {
                    stored = self.stored();
                }
                key = Base64.getDecoder().decode(stored);
            }
            current = new Pseudonyms(key);
            pseudonyms = current;
        }
        return current;
    }

    /** The stored key, made now if there is none yet. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public String stored() {
        List<?> rows = em.createNativeQuery("select key_value from site_key where name = ?1").setParameter(1, NAME)
                .getResultList();
        if (!rows.isEmpty()) {
            return (String) rows.get(0);
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String value = Base64.getEncoder().encodeToString(random);
        em.createNativeQuery("insert into site_key (name, key_value, created_at) values (?1, ?2, ?3)")
                .setParameter(1, NAME).setParameter(2, value).setParameter(3, Timestamp.from(clock.instant()))
                .executeUpdate();
        return value;
    }
}
