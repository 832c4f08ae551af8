package dev.resonitelink.privacy.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The pseudonym that replaces a deleted user's name where something about them is kept (audit entries, the events
 * they made, the tickets they spent): a keyed hash (HMAC-SHA256) of the name, so one user keeps one pseudonym and
 * organizers can still count, but nobody without the key can tell whose it is, nor test a guess.
 */
public final class Pseudonyms {

    /** Every pseudonym starts so: pages and exports can tell it from a name. */
    public static final String PREFIX = "erased-";

    private final byte[] key;

    public Pseudonyms(byte[] key) {
        if (key.length < 16) {
            throw new IllegalArgumentException("a pseudonym key needs at least 16 bytes");
        }
        this.key = key.clone();
    }

    /** {@value #PREFIX} and 96 bits of the keyed hash, in hex (31 characters). */
    public String of(String principal) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] hash = mac.doFinal(("principal:" + principal).getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(hash, 0, 12);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
