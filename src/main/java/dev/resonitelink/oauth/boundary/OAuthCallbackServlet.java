package dev.resonitelink.oauth.boundary;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationErrorResponse;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ParseException;
import dev.resonitelink.link.boundary.AccountLinks;
import dev.resonitelink.link.boundary.AuditTrail;
import dev.resonitelink.link.entity.AuditEntry;
import dev.resonitelink.link.entity.LinkOutcome;
import dev.resonitelink.link.entity.LinkResult;
import dev.resonitelink.ops.control.BoundedLog;
import dev.resonitelink.ops.control.FlowMetrics;
import dev.resonitelink.token.control.TokenVault;
import dev.resonitelink.oauth.control.CodeRedemption;
import dev.resonitelink.oauth.control.IssuerVerification;
import dev.resonitelink.oauth.control.PendingAuthorizations;
import dev.resonitelink.oauth.control.ProfileFetch;
import dev.resonitelink.oauth.control.ResoniteSettings;
import dev.resonitelink.oauth.control.TokenRevocation;
import dev.resonitelink.oauth.entity.LinkFailedException;
import dev.resonitelink.oauth.entity.LinkFailure;
import dev.resonitelink.oauth.entity.PendingAuthorization;
import dev.resonitelink.oauth.entity.ResoniteProfile;
import dev.resonitelink.web.Pages;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Where Resonite sends the browser back (RFC 6749 section 4.1.2). In order: the pending request is taken by its
 * {@code state} (single use, unexpired, same session, same local user), the issuer is checked when sent
 * (RFC 9207), an error answer ends the attempt, the code is redeemed, the profile read, and the link stored.
 * Every failure ends on a page that says what happened, with an error id that is also in the log; nothing is
 * stored unless every step succeeded.
 */
@WebServlet("/oauth/callback")
public class OAuthCallbackServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(OAuthCallbackServlet.class.getName());
    private static final BoundedLog NOISE = new BoundedLog(LOG, 20);
    private static final List<String> RESPONSE_PARAMETERS = List.of("code", "state", "error", "error_description",
            "error_uri", "iss");
    private static final int MAX_QUERY = 8192;

    @Inject
    ResoniteSettings settings;

    @Inject
    PendingAuthorizations pending;

    @Inject
    CodeRedemption codeRedemption;

    @Inject
    ProfileFetch profileFetch;

    @Inject
    AccountLinks links;

    @Inject
    AuditTrail audit;

    @Inject
    FlowMetrics metrics;

    @Inject
    TokenVault vault;

    @Inject
    TokenRevocation revocation;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String principal = req.getUserPrincipal().getName();
        String requestId = Pages.requestId();
        String resoniteId = null;
        PendingAuthorization request = null;
        String newRefreshToken = null;
        try {
            request = takePending(req, principal);
            AuthorizationCode code = authorizationCode(req);
            CodeRedemption.Grant grant = codeRedemption.redeem(code.getValue(), request.codeVerifier(), request.scopes());
            newRefreshToken = grant.refreshToken();
            ResoniteProfile profile = profileFetch.fetch(grant.accessToken(), grant.grantedScopes());
            resoniteId = profile.id();
            String sealed = vault.seal(newRefreshToken, principal, resoniteId);
            if (sealed == null) {
                revokeDropped(newRefreshToken); // granted, but there is nowhere to keep it
            }
            LinkResult result = links.link(principal, profile, sealed);
            newRefreshToken = null; // kept now (or revoked above)
            if (result.dropped() != null) {
                vault.open(result.dropped().sealed(), principal, result.dropped().resoniteId()).ifPresent(this::revokeDropped);
            }
            LinkOutcome outcome = result.outcome();
            audit.recordQuietly(principal, resoniteId, AuditEntry.Action.LINK, outcome.name(), requestId);
            metrics.ended(outcome.name(), null);
            resp.sendRedirect(req.getContextPath() + (request.returnTo() != null
                    ? request.returnTo()
                    : "/account?" + outcome.name().toLowerCase()));
        } catch (LinkFailedException e) {
            if (request == null && e.failure() != LinkFailure.WRONG_USER) {
                // no flow of this session was found: noise anybody can send, counted and logged at a bounded rate,
                // never an audit row (the audit trail keeps real attempts and security events)
                NOISE.log(Level.INFO, "callback without a pending link request of this session: " + e.failure()
                        + " [error id " + requestId + "]");
                metrics.ended("rejected", e.failure().name());
                Pages.failure(req, resp, e.failure(), requestId, null);
                return;
            }
            revokeDropped(newRefreshToken); // redeemed, but the link was refused: the grant must not outlive it
            Level level = e.failure() == LinkFailure.DECLINED ? Level.INFO : Level.WARNING;
            LOG.log(level, "link attempt by local user " + principal + " ended: " + e.failure() + " [error id "
                    + requestId + "]: " + e.getMessage());
            audit.recordQuietly(principal, resoniteId, AuditEntry.Action.LINK, e.failure().name(), requestId);
            metrics.ended(e.failure() == LinkFailure.DECLINED ? "declined" : "failed", e.failure().name());
            Pages.failure(req, resp, e.failure(), requestId, e.providerError());
        }
    }

    /** A refresh token that is kept nowhere is revoked at once (best effort), so no grant outlives its use. */
    private void revokeDropped(String refreshToken) {
        if (refreshToken != null) {
            revocation.revoke(refreshToken);
        }
    }

    private PendingAuthorization takePending(HttpServletRequest req, String principal) throws LinkFailedException {
        if (req.getQueryString() != null && req.getQueryString().length() > MAX_QUERY) {
            throw new LinkFailedException(LinkFailure.MALFORMED_RESPONSE, "callback query too long");
        }
        for (String name : RESPONSE_PARAMETERS) {
            String[] values = req.getParameterValues(name);
            if (values != null && values.length > 1) {
                throw new LinkFailedException(LinkFailure.MALFORMED_RESPONSE, "callback repeats parameter " + name);
            }
        }
        String state = req.getParameter("state");
        if (state == null || state.isEmpty()) {
            throw new LinkFailedException(LinkFailure.STATE_MISSING, "callback without state");
        }
        PendingAuthorization request = pending.take(req.getSession(false), state)
                .orElseThrow(() -> new LinkFailedException(LinkFailure.STATE_UNKNOWN,
                        "state unknown, expired, replayed or from another session"));
        if (!request.principal().equals(principal)) {
            throw new LinkFailedException(LinkFailure.WRONG_USER, "flow was started by local user "
                    + request.principal());
        }
        return request;
    }

    private AuthorizationCode authorizationCode(HttpServletRequest req) throws LinkFailedException {
        if (req.getParameter("code") != null && req.getParameter("error") != null) {
            throw new LinkFailedException(LinkFailure.MALFORMED_RESPONSE, "callback carries both code and error");
        }
        Map<String, List<String>> params = RESPONSE_PARAMETERS.stream()
                .filter(name -> req.getParameter(name) != null)
                .collect(Collectors.toMap(name -> name, name -> Arrays.asList(req.getParameterValues(name))));
        AuthorizationResponse response;
        try {
            response = AuthorizationResponse.parse(settings.redirectUri(), params);
        } catch (ParseException e) {
            throw new LinkFailedException(LinkFailure.MALFORMED_RESPONSE, "unparseable callback: " + e.getMessage());
        }
        IssuerVerification.verify(response.getIssuer(), settings);
        if (!response.indicatesSuccess()) {
            AuthorizationErrorResponse error = response.toErrorResponse();
            String errorCode = error.getErrorObject().getCode();
            if (OAuth2Error.ACCESS_DENIED.getCode().equals(errorCode)) {
                throw new LinkFailedException(LinkFailure.DECLINED, "user declined at consent");
            }
            throw new LinkFailedException(LinkFailure.PROVIDER_ERROR, "authorization error " + errorCode,
                    errorCode, null);
        }
        AuthorizationCode code = response.toSuccessResponse().getAuthorizationCode();
        if (code == null) {
            throw new LinkFailedException(LinkFailure.MALFORMED_RESPONSE, "callback without code");
        }
        return code;
    }
}
