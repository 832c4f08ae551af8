package dev.resonitelink.sealing;

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
        String sealed = cipher.seal("refresh-token-value", "alice", "U-alice");
        assertThat(sealed).startsWith("v2:").doesNotContain("refresh-token-value");
        assertThat(cipher.open(sealed, "alice", "U-alice")).contains("refresh-token-value");
        assertThat(cipher.open(sealed, "bob", "U-alice")).as("bound to the principal").isEmpty();
        assertThat(cipher.seal("refresh-token-value", "alice", "U-alice")).as("a fresh IV every time").isNotEqualTo(sealed);
    }

    @Test
    void aSealedTokenIsBoundToTheResoniteAccountAndTheKeyIdToo() {
        String sealed = cipher.seal("refresh-token-value", "alice", "U-alice");
        assertThat(cipher.open(sealed, "alice", "U-mallory")).as("another Resonite account of the same user").isEmpty();
        assertThat(cipher.open(sealed, "alice:U", "-alice")).as("no ambiguity between the two fields").isEmpty();
        String otherKey = newKey();
        TokenCipher both = new TokenCipher(key, List.of(otherKey));
        String otherId = new TokenCipher(otherKey, List.of()).seal("x", "a", "b").split(":")[1];
        String relabelled = "v2:" + otherId + ":" + sealed.split(":", 3)[2];
        assertThat(both.open(relabelled, "alice", "U-alice")).as("relabelled with another key id").isEmpty();
    }

    @Test
    void tokensSealedByTheFirstFormatStillOpen() throws Exception {
        byte[] iv = new byte[12];
        javax.crypto.Cipher aes = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
        byte[] raw = Base64.getDecoder().decode(key);
        aes.init(javax.crypto.Cipher.ENCRYPT_MODE, new javax.crypto.spec.SecretKeySpec(raw, "AES"),
                new javax.crypto.spec.GCMParameterSpec(128, iv));
        aes.updateAAD("alice".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        byte[] sealed = aes.doFinal("old-token".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String keyId = cipher.seal("x", "a", "b").split(":")[1];
        String v1 = "v1:" + keyId + ":" + Base64.getEncoder().encodeToString(
                java.nio.ByteBuffer.allocate(12 + sealed.length).put(iv).put(sealed).array());
        assertThat(cipher.open(v1, "alice", "U-any")).contains("old-token");
        assertThat(cipher.sealedWithOldKey(v1)).as("re-sealed in the new format at the next refresh").isTrue();
    }

    @Test
    void tamperedMalformedOrForeignValuesDoNotOpen() {
        String sealed = cipher.seal("t", "alice", "U-alice");
        char last = sealed.charAt(sealed.length() - 3);
        String tampered = sealed.substring(0, sealed.length() - 3) + (last == 'A' ? 'B' : 'A') + sealed.substring(sealed.length() - 2);
        assertThat(cipher.open(tampered, "alice", "U-alice")).isEmpty();
        assertThat(cipher.open("v1:deadbeef:AAAA", "alice", "U-alice")).isEmpty();
        assertThat(cipher.open("garbage", "alice", "U-alice")).isEmpty();
        assertThat(cipher.open(null, "alice", "U-alice")).isEmpty();
        assertThat(new TokenCipher(newKey(), List.of()).open(sealed, "alice", "U-alice")).as("another key").isEmpty();
    }

    @Test
    void rotationOpensOldTokensAndSealsWithTheNewKey() {
        String old = cipher.seal("t", "alice", "U-alice");
        TokenCipher rotated = new TokenCipher(newKey(), List.of(key));
        assertThat(rotated.open(old, "alice", "U-alice")).contains("t");
        assertThat(rotated.sealedWithOldKey(old)).isTrue();
        String resealed = rotated.seal("t", "alice", "U-alice");
        assertThat(rotated.sealedWithOldKey(resealed)).isFalse();
        assertThat(cipher.open(resealed, "alice", "U-alice")).as("the old key alone cannot open new tokens").isEmpty();
    }

    @Test
    void badKeysAreRefusedWithoutEchoingThem() {
        assertThatThrownBy(() -> new TokenCipher("c2hvcnQ=", List.of())).hasMessageContaining("32 bytes")
                .message().doesNotContain("c2hvcnQ=");
        assertThatThrownBy(() -> new TokenCipher("not base64 !!", List.of())).hasMessageContaining("not base64");
    }
}
