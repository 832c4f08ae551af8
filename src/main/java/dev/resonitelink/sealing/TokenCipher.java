package dev.resonitelink.sealing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts refresh tokens at rest with AES-256-GCM. A stored value is {@code v1:<key id>:<base64(iv | ciphertext)>};
 * the key id (first bytes of the key's SHA-256) says which key sealed it, so keys can be rotated: the current key
 * seals, the current and every previous key open. The principal is bound as additional authenticated data, so a
 * token copied onto another user's row does not decrypt.
 */
public final class TokenCipher {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String currentId;
    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();

    /**
     * @param current  the base64 of a 32-byte key
     * @param previous base64 keys still accepted for decryption (key rotation)
     */
    public TokenCipher(String current, List<String> previous) {
        SecretKeySpec key = key(current);
        currentId = idOf(key);
        keys.put(currentId, key);
        for (String old : previous) {
            SecretKeySpec k = key(old);
            keys.putIfAbsent(idOf(k), k);
        }
    }

    /**
     * Seals for one link: the additional authenticated data binds the format version, the key id, the local
     * principal and the Resonite id, so a sealed token moved to another row, another link of the same user, or
     * relabelled with another key id does not open.
     */
    public String seal(String plaintext, String principal, String resoniteId) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(aad(currentId, principal, resoniteId));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return "v2:" + currentId + ":" + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /**
     * The plaintext, or empty when the value is malformed, tampered with, for another principal or Resonite account,
     * or under an unknown key. Values of the first format ({@code v1}, bound to the principal only) still open.
     */
    public Optional<String> open(String stored, String principal, String resoniteId) {
        if (stored == null) {
            return Optional.empty();
        }
        String[] parts = stored.split(":", 3);
        if (parts.length != 3 || !(parts[0].equals("v1") || parts[0].equals("v2")) || !keys.containsKey(parts[1])) {
            return Optional.empty();
        }
        try {
            byte[] all = Base64.getDecoder().decode(parts[2]);
            if (all.length <= IV_BYTES) {
                return Optional.empty();
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, keys.get(parts[1]), new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            cipher.updateAAD(parts[0].equals("v1") ? principal.getBytes(StandardCharsets.UTF_8)
                    : aad(parts[1], principal, resoniteId));
            return Optional.of(new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    private static byte[] aad(String keyId, String principal, String resoniteId) {
        // lengths first, so no two different (principal, resoniteId) pairs give the same bytes
        return ("v2|" + keyId + "|" + principal.length() + ":" + principal + "|" + resoniteId)
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Whether a stored value was sealed with an older key (and should be re-sealed). */
    public boolean sealedWithOldKey(String stored) {
        return stored != null && !stored.startsWith("v2:" + currentId + ":");
    }

    public static List<String> keyList(String commaSeparated) {
        List<String> list = new ArrayList<>();
        if (commaSeparated != null) {
            for (String k : commaSeparated.split(",")) {
                if (!k.isBlank()) {
                    list.add(k.trim());
                }
            }
        }
        return list;
    }

    private static SecretKeySpec key(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("token encryption key is not base64");
        }
        if (bytes.length != 32) {
            throw new IllegalArgumentException("token encryption key must be 32 bytes (256 bits), got " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }

    private static String idOf(SecretKeySpec key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.of().formatHex(hash, 0, 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
