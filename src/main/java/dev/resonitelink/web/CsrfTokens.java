package dev.resonitelink.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Synchronizer tokens against cross-site request forgery: one random token per session, put in every form as
 * {@value #PARAMETER} and checked in constant time on every state-changing POST.
 */
public final class CsrfTokens {

    public static final String PARAMETER = "csrf";
    static final String ATTRIBUTE = CsrfTokens.class.getName();
    private static final SecureRandom RANDOM = new SecureRandom();

    private CsrfTokens() {
    }

    /** The session's token, created (with the session) on first use. */
    public static String tokenFor(HttpServletRequest request) {
        HttpSession session = request.getSession();
        Object token = session.getAttribute(ATTRIBUTE);
        if (token instanceof String s) {
            return s;
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String fresh = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        session.setAttribute(ATTRIBUTE, fresh);
        return fresh;
    }

    /** A new token for the session (at sign-in, so a token seen before signing in is worthless after). */
    public static void rotate(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(ATTRIBUTE);
        }
    }

    /** Whether the request carries exactly one token parameter equal to its session's token. */
    public static boolean isValid(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        String[] sent = request.getParameterValues(PARAMETER);
        if (session == null || sent == null || sent.length != 1) {
            return false;
        }
        Object expected = session.getAttribute(ATTRIBUTE);
        return expected instanceof String s && MessageDigest.isEqual(
                s.getBytes(StandardCharsets.UTF_8), sent[0].getBytes(StandardCharsets.UTF_8));
    }
}
