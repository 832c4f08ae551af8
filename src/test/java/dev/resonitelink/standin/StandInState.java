package dev.resonitelink.standin;

import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** What the stand-in knows and has issued, shared by its endpoints; the endpoints hold no state of their own. */
final class StandInState {

    record PendingConsent(AuthorizationRequest request, Instant expires) {
    }

    record IssuedCode(String clientId, URI redirectUri, Set<String> scopes, String userId, CodeChallenge challenge,
                      CodeChallengeMethod method, Instant expires, String nonce) {
    }

    record IssuedToken(String clientId, String userId, Set<String> scopes, Instant expires, String fromCode) {
    }

    final Issuer issuer;
    final TestClock clock = new TestClock();
    final Map<String, ResoniteStandIn.Client> clients = new ConcurrentHashMap<>();
    final Map<String, ResoniteStandIn.User> users = new ConcurrentHashMap<>();
    final Map<String, PendingConsent> consents = new ConcurrentHashMap<>();
    final Map<String, IssuedCode> codes = new ConcurrentHashMap<>();
    final Set<String> usedCodes = ConcurrentHashMap.newKeySet();
    final Map<String, IssuedToken> accessTokens = new ConcurrentHashMap<>();
    final Map<String, IssuedToken> refreshTokens = new ConcurrentHashMap<>();
    final AtomicInteger tokenRequests = new AtomicInteger();
    /** Requests per counted endpoint path (authorize, token, revocation, discovery). */
    final java.util.Map<String, AtomicInteger> requestsTo = new ConcurrentHashMap<>();
    /** Every code and token issued and every PKCE verifier received (to prove none reaches a log or a browser). */
    final Set<String> everIssued = ConcurrentHashMap.newKeySet();
    final AtomicLong newUsers = new AtomicLong();
    volatile Faults faults = new Faults();
    final Duration codeLifetime = Duration.ofSeconds(60);
    final Duration tokenLifetime = Duration.ofHours(1);
    /** Benchmark mode: when set, every authorization request is consented at once by a new user with this profile. */
    volatile JsonObject newUserTemplate;

    final OpenIdProvider openId;

    StandInState(Issuer issuer) {
        this.issuer = issuer;
        this.openId = new OpenIdProvider(this);
    }

    Optional<ResoniteStandIn.User> user(String login) {
        return Optional.ofNullable(users.get(String.valueOf(login).toLowerCase(Locale.ROOT)));
    }

    Optional<ResoniteStandIn.User> userWithId(String id) {
        return users.values().stream().filter(u -> u.id().equals(id)).findFirst();
    }

    /** The issuer the callback carries (RFC 9207), or none, as the faults say. */
    Issuer callbackIssuer() {
        Faults f = faults;
        if (!f.sendIssuer) {
            return null;
        }
        return f.issuerOverride != null ? new Issuer(f.issuerOverride) : issuer;
    }

    void reset() {
        faults = new Faults();
        newUserTemplate = null;
        clock.reset();
    }
}
