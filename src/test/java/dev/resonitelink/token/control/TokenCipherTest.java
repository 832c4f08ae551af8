package dev.resonitelink.token.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenCipherTest {

    static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private final String key = newKey();
    private final TokenCipher cipher = new TokenCipher(key, List.of());

    @Test
    void aSealedTokenOpensOnlyForItsPrincipalAndNeverShowsInClear() {
        String sealed = cipher.seal("refresh-token-value", "alice");
        assertThat(sealed).startsWith("v1:").doesNotContain("refresh-token-value");
        assertThat(cipher.open(sealed, "alice")).contains("refresh-token-value");
        assertThat(cipher.open(sealed, "bob")).as("bound to the principal").isEmpty();
        assertThat(cipher.seal("refresh-token-value", "alice")).as("a fresh IV every time").isNotEqualTo(sealed);
    }

    @Test
    void tamperedMalformedOrForeignValuesDoNotOpen() {
        String sealed = cipher.seal("t", "alice");
        char last = sealed.charAt(sealed.length() - 3);
        String tampered = sealed.substring(0, sealed.length() - 3) + (last == 'A' ? 'B' : 'A') + sealed.substring(sealed.length() - 2);
        assertThat(cipher.open(tampered, "alice")).isEmpty();
        assertThat(cipher.open("v1:deadbeef:AAAA", "alice")).isEmpty();
        assertThat(cipher.open("garbage", "alice")).isEmpty();
        assertThat(cipher.open(null, "alice")).isEmpty();
        assertThat(new TokenCipher(newKey(), List.of()).open(sealed, "alice")).as("another key").isEmpty();
    }

    @Test
    void rotationOpensOldTokensAndSealsWithTheNewKey() {
        String old = cipher.seal("t", "alice");
        TokenCipher rotated = new TokenCipher(newKey(), List.of(key));
        assertThat(rotated.open(old, "alice")).contains("t");
        assertThat(rotated.sealedWithOldKey(old)).isTrue();
        String resealed = rotated.seal("t", "alice");
        assertThat(rotated.sealedWithOldKey(resealed)).isFalse();
        assertThat(cipher.open(resealed, "alice")).as("the old key alone cannot open new tokens").isEmpty();
    }

    @Test
    void badKeysAreRefusedWithoutEchoingThem() {
        assertThatThrownBy(() -> new TokenCipher("c2hvcnQ=", List.of())).hasMessageContaining("32 bytes")
                .message().doesNotContain("c2hvcnQ=");
        assertThatThrownBy(() -> new TokenCipher("not base64 !!", List.of())).hasMessageContaining("not base64");
    }
}
