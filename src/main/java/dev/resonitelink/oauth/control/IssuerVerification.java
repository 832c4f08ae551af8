package dev.resonitelink.oauth.control;

import com.nimbusds.oauth2.sdk.id.Issuer;
import dev.resonitelink.oauth.entity.LinkFailedException;
import dev.resonitelink.oauth.entity.LinkFailure;

/**
 * Mix-up defence (RFC 9207 section 2.4): an {@code iss} in the authorization response must name the configured
 * authorization server; without {@code iss} the response is accepted unless configuration requires it. A trailing
 * slash is not a difference.
 */
public final class IssuerVerification {

    private IssuerVerification() {
    }

    public static void verify(Issuer sent, ResoniteSettings settings) throws LinkFailedException {
        if (sent == null) {
            if (settings.requireIssuer()) {
                throw new LinkFailedException(LinkFailure.ISSUER_MISMATCH, "callback without iss, which is required");
            }
            return;
        }
        if (!withoutTrailingSlash(sent.getValue()).equals(withoutTrailingSlash(settings.issuer()))) {
            throw new LinkFailedException(LinkFailure.ISSUER_MISMATCH, "callback iss does not match the configured issuer");
        }
    }

    private static String withoutTrailingSlash(String value) {
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }
}
