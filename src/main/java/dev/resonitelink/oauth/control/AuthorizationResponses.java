package dev.resonitelink.oauth.control;

import com.nimbusds.oauth2.sdk.AuthorizationErrorResponse;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.id.Issuer;
import dev.resonitelink.oauth.entity.LinkFailedException;
import dev.resonitelink.oauth.entity.LinkFailure;
import dev.resonitelink.oauth.entity.ProviderRegistration;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The protocol rules of the callback (RFC 6749 section 4.1.2, RFC 9207, RFC 9700 section 4.7), on the query
 * parameters alone, so they are unit-tested without a server. Read in two steps, because the pending request has
 * to be found by its {@code state} before anything else of the answer is believed: {@link #state} checks the shape
 * (length, no repeated parameter) and returns the state; {@link #code} then reads the rest (code or error, never
 * both; the issuer; {@code access_denied} as a declined consent) and returns the authorization code.
 */
public class AuthorizationResponses {

    /** The response parameters of RFC 6749 and RFC 9207; anything else in the query is ignored. */
    static final List<String> PARAMETERS = List.of("code", "state", "error", "error_description", "error_uri", "iss");
    static final int MAX_QUERY = 8192;

    private final URI redirectUri;
    private final String issuer;
    private final boolean requireIssuer;

    /** The rules for the answers of this registration's provider. */
    AuthorizationResponses(ProviderRegistration registration) {
        this.redirectUri = registration.redirectUri();
        this.issuer = registration.issuer();
        this.requireIssuer = registration.requireIssuerParameter();
    }

    /** The callback's {@code state}, once the query is of a size and shape a real answer has. */
    public String state(Map<String, List<String>> query, int queryLength) throws LinkFailedException {
        if (queryLength > MAX_QUERY) {
            throw new LinkFailedException(LinkFailure.MALFORMED_RESPONSE, "callback query too long");
        }
        for (String name : PARAMETERS) {
            if (query.getOrDefault(name, List.of()).size() > 1) {
                throw new LinkFailedException(LinkFailure.MALFORMED_RESPONSE, "callback repeats parameter " + name);
            }
        }
        String state = single(query, "state");
        if (state == null || state.isEmpty()) {
            throw new LinkFailedException(LinkFailure.STATE_MISSING, "callback without state");
        }
        return state;
    }

    /** The authorization code of a successful answer; every other answer ends as a failure. */
    public String code(Map<String, List<String>> query) throws LinkFailedException {
        if (single(query, "code") != null && single(query, "error") != null) {
            throw new LinkFailedException(LinkFailure.MALFORMED_RESPONSE, "callback carries both code and error");
        }
        AuthorizationResponse response;
        try {
            response = AuthorizationResponse.parse(redirectUri, PARAMETERS.stream()
                    .filter(query::containsKey)
                    .collect(Collectors.toMap(name -> name, query::get)));
        } catch (ParseException e) {
            throw new LinkFailedException(LinkFailure.MALFORMED_RESPONSE, "unparseable callback: " + e.getMessage());
        }
        verifyIssuer(response.getIssuer());
        if (!response.indicatesSuccess()) {
            AuthorizationErrorResponse error = response.toErrorResponse();
            String errorCode = error.getErrorObject().getCode();
            if (OAuth2Error.ACCESS_DENIED.getCode().equals(errorCode)) {
                throw new LinkFailedException(LinkFailure.DECLINED, "user declined at consent");
            }
            throw new LinkFailedException(LinkFailure.PROVIDER_ERROR, "authorization error " + errorCode, errorCode, null);
        }
        if (response.toSuccessResponse().getAuthorizationCode() == null) {
            throw new LinkFailedException(LinkFailure.MALFORMED_RESPONSE, "callback without code");
        }
        return response.toSuccessResponse().getAuthorizationCode().getValue();
    }

    /**
     * Mix-up defence (RFC 9207 section 2.4): an {@code iss} must name the configured authorization server; without
     * {@code iss} the answer is accepted unless the configuration requires it. A trailing slash is no difference.
     */
    void verifyIssuer(Issuer sent) throws LinkFailedException {
        if (sent == null) {
            if (requireIssuer) {
                throw new LinkFailedException(LinkFailure.ISSUER_MISMATCH, "callback without iss, which is required");
            }
            return;
        }
        if (!withoutTrailingSlash(sent.getValue()).equals(withoutTrailingSlash(issuer))) {
            throw new LinkFailedException(LinkFailure.ISSUER_MISMATCH, "callback iss does not match the configured issuer");
        }
    }

    private static String single(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static String withoutTrailingSlash(String value) {
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }
}
