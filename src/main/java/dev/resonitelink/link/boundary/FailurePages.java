package dev.resonitelink.link.boundary;

import dev.resonitelink.oauth.entity.LinkFailure;
import dev.resonitelink.web.Languages;
import dev.resonitelink.web.Pages;
import dev.resonitelink.web.Texts;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The page a failed or cancelled link attempt ends on: its HTTP status and its words in the reader's language (the
 * message bundles' {@code failure.<LinkFailure>.*} keys), with an error id to quote.
 */
public final class FailurePages {

    private FailurePages() {
    }

    public static void render(HttpServletRequest request, HttpServletResponse response, LinkFailure failure,
                              String errorId, String providerError) throws ServletException, IOException {
        request.setAttribute("failure", failure.name());
        Texts texts = Languages.texts(request);
        request.setAttribute("title", text(texts, failure, "title"));
        request.setAttribute("explanation", text(texts, failure, "explanation"));
        request.setAttribute("nextStep", text(texts, failure, "nextStep"));
        request.setAttribute("errorId", errorId);
        request.setAttribute("providerError", providerError);
        int status = status(failure);
        request.setAttribute("status", status);
        if (status == 503) {
            response.setHeader("Retry-After", "30");
        }
        Pages.render(request, response, "outcome", status);
    }

    /** One of a failure's texts: {@code title}, {@code explanation} or {@code nextStep}. */
    static String text(Texts texts, LinkFailure failure, String part) {
        return texts.get("failure." + failure.name() + "." + part);
    }

    /**
     * The status of a failed link attempt's page, chosen so that infrastructure reads it right: 4xx when the request
     * or the flow it belongs to is at fault (400, 403, 409), 424 Failed Dependency (RFC 4918 section 11.4) when
     * Resonite failed or refused, and 5xx only when this site itself cannot work (its database is down; the readiness
     * check says so too). Resonite's failures are never 5xx: any signed-in user can provoke them (a callback carrying
     * {@code error=server_error} for a flow they started), and a load balancer or probe that counts 5xx would take
     * healthy nodes out of rotation. Declining at consent is not a failure of anything: 200.
     */
    static int status(LinkFailure failure) {
        return switch (failure) {
            case DECLINED -> 200;
            case STATE_MISSING, STATE_UNKNOWN, ISSUER_MISMATCH, MALFORMED_RESPONSE -> 400;
            case WRONG_USER -> 403;
            case CONCURRENT_CHANGE, ALREADY_LINKED_ELSEWHERE -> 409;
            case PROVIDER_ERROR, PROVIDER_FAILED, PROVIDER_UNAVAILABLE, CLIENT_REJECTED, CODE_REJECTED,
                    PROFILE_UNAVAILABLE, ID_TOKEN_INVALID, ID_TOKEN_SUBJECT_MISMATCH -> 424;
            case STORAGE_UNAVAILABLE -> 503;
        };
    }
}
