package dev.resonitelink.signin.entity;

import java.util.Locale;

/**
 * Why a sign-in at the site's own provider ended without a signed-in user. The {@link Reason} decides what the person
 * is shown (the page's status and words); the {@code outcome} names the protocol detail, for the log and the page's
 * {@code data-outcome} hook; the message is for the log only.
 */
public class SiteSignInFailure extends Exception {

    /** What the person is told, each with the status that lets infrastructure read the page right. */
    public enum Reason {
        /** The person cancelled at the provider: a normal ending, 200. */
        CANCELLED(200),
        /** No sign-in of this browser is waiting for this answer (used, expired, another browser's, malformed): 400. */
        NOT_STARTED_HERE(400),
        /** A name of the site's own sign-in that the provider may not take over: 409. */
        LOCAL_ACCOUNT_EXISTS(409),
        /** The provider could not be reached: 424, never 5xx (any visitor can provoke it). */
        PROVIDER_UNREACHABLE(424),
        /** The provider answered, but not in a way this site accepts (an error, a bad id_token): 424. */
        ANSWER_REFUSED(424),
        /** This site could not record the sign-in (its database): 503 with Retry-After. */
        NOT_RECORDED(503);

        private final int status;

        Reason(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final Reason reason;
    private final String outcome;

    /**
     * @param outcome the protocol detail, e.g. {@code state_unknown} or {@code id_token_invalid} (lower case)
     */
    public SiteSignInFailure(Reason reason, String outcome, String message) {
        super(message);
        this.reason = reason;
        this.outcome = outcome.toLowerCase(Locale.ROOT);
    }

    public Reason reason() {
        return reason;
    }

    public String outcome() {
        return outcome;
    }
}
