package dev.resonitelink.oauth.entity;

/**
 * A link attempt ended without a link. {@code detail} is for the log (never a code, token or secret);
 * {@code providerError} is the OAuth error code Resonite sent, if any, shown escaped to the user.
 */
public class LinkFailedException extends Exception {

    private final LinkFailure failure;
    private final String providerError;

    public LinkFailedException(LinkFailure failure, String detail) {
        this(failure, detail, null, null);
    }

    public LinkFailedException(LinkFailure failure, String detail, String providerError, Throwable cause) {
        super(detail, cause);
        this.failure = failure;
        this.providerError = providerError;
    }

    public LinkFailure failure() {
        return failure;
    }

    public String providerError() {
        return providerError;
    }
}
