package dev.resonitelink.event.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Event ids and admission keys: long enough, fresh each time, compared by their hash only. */
class SecretsTest {

    @Test
    void idsCarryEightyBitsAndKeysOneHundredSixtyAndNeverRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = Secrets.eventId();
            assertThat(id).matches("[a-z2-7]{16}"); // 16 x 5 bits
            assertThat(Secrets.looksLikeEventId(id)).isTrue();
            assertThat(seen.add(id)).isTrue();
        }
        assertThat(Secrets.admissionKey()).matches("[a-z2-7]{32}"); // 32 x 5 bits
        assertThat(Secrets.looksLikeEventId("AAAAAAAAAAAAAAAA")).isFalse();
        assertThat(Secrets.looksLikeEventId("../../etc/passwd")).isFalse();
    }

    @Test
    void aKeyMatchesItsHashOnly() {
        String key = Secrets.admissionKey();
        String hash = Secrets.hash(key);
        assertThat(hash).hasSize(64).doesNotContain(key);
        assertThat(Secrets.matches(key, hash)).isTrue();
        assertThat(Secrets.matches(key + "x", hash)).isFalse();
        assertThat(Secrets.matches(null, hash)).isFalse();
        assertThat(Secrets.matches(key, null)).isFalse();
    }
}
