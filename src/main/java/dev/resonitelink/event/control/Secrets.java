package dev.resonitelink.event.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The random values of events: their ids (80 bits, so an unlisted event is found only through its link) and their
 * admission keys (160 bits, shown once, kept as SHA-256 only). Base32 without padding, lower case: easy to read out,
 * to type into a world, and safe in a URL.
 */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    private Secrets() {
    }

    /** A new event id: 16 characters, 80 bits. */
    public static String eventId() {
        return random(16);
    }

    /** A new admission key: 32 characters, 160 bits. */
    public static String admissionKey() {
        return random(32);
    }

    /** A new ticket code: 20 characters (100 bits), written in groups of five for reading out. */
    public static String ticketCode() {
        String code = random(20);
        return code.substring(0, 5) + "-" + code.substring(5, 10) + "-" + code.substring(10, 15) + "-" + code.substring(15);
    }

    /** A ticket code as typed (any case, with or without dashes and blanks) in the form its hash is made of. */
    public static String normalTicketCode(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s-]", "").toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether text could be an event id (before any database query). */
    public static boolean looksLikeEventId(String text) {
        return text != null && text.length() == 16 && text.chars().allMatch(c -> c >= 'a' && c <= 'z' || c >= '2' && c <= '7');
    }

    /** The SHA-256 of a key, hex: what is stored and compared (keys are random, so no salt or stretching is needed). */
    public static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Compares a presented key with a stored hash in constant time; false when either is missing. */
    public static boolean matches(String presented, String storedHash) {
        return presented != null && storedHash != null && presented.length() <= 256 && MessageDigest.isEqual(
                hash(presented).getBytes(StandardCharsets.US_ASCII), storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    private static String random(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(out);
    }
}
