package dev.resonitelink.link.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import dev.resonitelink.ResoniteUserId;
import dev.resonitelink.SitePrincipal;
import dev.resonitelink.audit.AuditEntry;
import dev.resonitelink.audit.AuditTrail;
import dev.resonitelink.link.entity.LinkOutcome;
import dev.resonitelink.link.entity.LinkResult;
import dev.resonitelink.link.entity.StoredToken;
import dev.resonitelink.oauth.control.AuthorizationCodeFlow;
import dev.resonitelink.oauth.control.FakeSession;
import dev.resonitelink.oauth.control.Flows;
import dev.resonitelink.oauth.control.ProfileFetch;
import dev.resonitelink.oauth.entity.LinkFailedException;
import dev.resonitelink.oauth.entity.LinkFailure;
import dev.resonitelink.oauth.entity.ResoniteProfile;
import dev.resonitelink.ops.control.FlowMetrics;
import dev.resonitelink.sealing.SealedToken;
import dev.resonitelink.sealing.TokenSealer;
import dev.resonitelink.settings.Setting;
import dev.resonitelink.settings.Settings;
import dev.resonitelink.settings.TestSettings;
import com.nimbusds.oauth2.sdk.http.HTTPRequestSender;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every way a callback can end, with Resonite played by a lambda and the database by stand-ins that record: what the
 * person gets (the ending), what is written (link, audit entry), what is counted, and that no refresh token granted on
 * the way outlives an attempt that kept it nowhere.
 */
class LinkCallbackTest {


    private static final String TOKEN = "https://account.resonite.com/connect/token";
    private static final String PROFILE = "https://account.resonite.com/api/user/profile";
    private static final String REVOCATION = "https://account.resonite.com/connect/revocation";

    private static final SitePrincipal ALICE = new SitePrincipal("alice");

    private final List<String> revoked = new ArrayList<>();
    private final List<String> audited = new ArrayList<>();
    private final List<String> counted = new ArrayList<>();
    private final List<String> linked = new ArrayList<>();
    private final FakeSession session = FakeSession.create();
    private String profileId = "U-ada";
    private String tokenAnswer = "{\"access_token\":\"at\",\"token_type\":\"Bearer\",\"refresh_token\":\"rt-new\"}";
    private int tokenStatus = 200;
    private LinkResult linkResult = new LinkResult(LinkOutcome.LINKED, null);
    private LinkFailedException linkRefusal;

    private final HTTPRequestSender resonite = request -> {
        String uri = request.getURI().toString();
        if (uri.equals(TOKEN)) {
            return json(tokenStatus, tokenAnswer);
        }
        if (uri.equals(PROFILE)) {
            return json(200, "{\"id\":\"" + profileId + "\",\"username\":\"ada\",\"profile\":null}");
        }
        if (uri.equals(REVOCATION)) {
            revoked.add(URLUtils.parseParameters(request.getBody()).get("token").get(0));
            return json(200, "");
        }
        return json(404, "{}");
    };

    private final Settings settings = withRevocation();
    private final AuthorizationCodeFlow flow = Flows.resonite(settings, resonite);
    private final LinkCallback callback = callback();

    @Test
    void aCompleteAnswerLinksAuditsCountsAndGoesWhereTheFlowWasStartedFor() throws Exception {
        Map<String, List<String>> answer = started(ALICE, "/events/e1");

        LinkCallback.Ending ending = callback.complete(session, ALICE, answer, 80, "REQ1");

        assertThat(ending).isEqualTo(new LinkCallback.Linked(LinkOutcome.LINKED, "/events/e1"));
        assertThat(linked).containsExactly("alice U-ada sealed(rt-new)");
        assertThat(audited).containsExactly("alice U-ada LINK LINKED REQ1");
        assertThat(counted).containsExactly("LINKED");
        assertThat(revoked).as("the new refresh token is kept").isEmpty();
    }

    @Test
    void replacingALinkRevokesTheTokenOfTheOldOne() throws Exception {
        linkResult = new LinkResult(LinkOutcome.REPLACED,
                new StoredToken(new SealedToken("sealed(rt-old)"), new ResoniteUserId("U-old")));
        LinkCallback.Ending ending = callback.complete(session, ALICE, started(ALICE, null), 80, "REQ2");
        assertThat(ending).isEqualTo(new LinkCallback.Linked(LinkOutcome.REPLACED, null));
        assertThat(revoked).containsExactly("rt-old");
    }

    @Test
    void anAnswerNoFlowOfThisSessionWaitsForIsRefusedCountedAndNeverAudited() {
        LinkCallback.Ending ending = callback.complete(session, ALICE,
                Map.of("state", List.of("forged"), "code", List.of("c")), 30, "REQ3");
        assertThat(ending).isEqualTo(new LinkCallback.Failed(LinkFailure.STATE_UNKNOWN, null));
        assertThat(audited).as("anybody can send that: no audit entry per forged callback").isEmpty();
        assertThat(counted).containsExactly("rejected STATE_UNKNOWN");
        assertThat(linked).isEmpty();
    }

    @Test
    void aFlowAnotherSiteUserStartedIsRefusedAndAudited() throws Exception {
        Map<String, List<String>> answer = started(new dev.resonitelink.SitePrincipal("bob"), null);
        LinkCallback.Ending ending = callback.complete(session, ALICE, answer, 80, "REQ4");
        assertThat(ending).isEqualTo(new LinkCallback.Failed(LinkFailure.WRONG_USER, null));
        assertThat(audited).containsExactly("alice null LINK WRONG_USER REQ4");
        assertThat(linked).isEmpty();
    }

    @Test
    void aDeclinedConsentEndsAsDeclinedWithNothingRedeemed() throws Exception {
        Map<String, List<String>> answer = started(ALICE, null);
        Map<String, List<String>> declined = Map.of("state", answer.get("state"), "error", List.of("access_denied"));
        LinkCallback.Ending ending = callback.complete(session, ALICE, declined, 80, "REQ5");
        assertThat(ending).isEqualTo(new LinkCallback.Failed(LinkFailure.DECLINED, null));
        assertThat(counted).containsExactly("declined DECLINED");
        assertThat(audited).containsExactly("alice null LINK DECLINED REQ5");
    }

    @Test
    void aResoniteAccountLinkedElsewhereIsRefusedAndItsNewGrantRevoked() throws Exception {
        linkRefusal = new LinkFailedException(LinkFailure.ALREADY_LINKED_ELSEWHERE, "taken");
        LinkCallback.Ending ending = callback.complete(session, ALICE, started(ALICE, null), 80, "REQ6");
        assertThat(ending).isEqualTo(new LinkCallback.Failed(LinkFailure.ALREADY_LINKED_ELSEWHERE, null));
        assertThat(revoked).as("redeemed, but kept nowhere").containsExactly("rt-new");
        assertThat(audited).containsExactly("alice U-ada LINK ALREADY_LINKED_ELSEWHERE REQ6");
        assertThat(counted).containsExactly("failed ALREADY_LINKED_ELSEWHERE");
    }

    @Test
    void aProviderErrorCarriesItsCodeToThePage() throws Exception {
        Map<String, List<String>> answer = started(ALICE, null);
        Map<String, List<String>> error = Map.of("state", answer.get("state"), "error", List.of("server_error"));
        assertThat(callback.complete(session, ALICE, error, 80, "REQ7"))
                .isEqualTo(new LinkCallback.Failed(LinkFailure.PROVIDER_ERROR, "server_error"));
    }

    @Test
    void aCodeTheProviderRefusesStoresNothing() throws Exception {
        tokenStatus = 400;
        tokenAnswer = "{\"error\":\"invalid_grant\"}";
        Map<String, List<String>> answer = started(ALICE, null);
        assertThat(callback.complete(session, ALICE, answer, 80, "REQ8"))
                .isEqualTo(new LinkCallback.Failed(LinkFailure.CODE_REJECTED, "invalid_grant"));
        assertThat(linked).isEmpty();
        assertThat(revoked).isEmpty();
    }

    @Test
    void theSameAnswerTwiceLinksOnce() throws Exception {
        Map<String, List<String>> answer = started(ALICE, null);
        assertThat(callback.complete(session, ALICE, answer, 80, "REQ9")).isInstanceOf(LinkCallback.Linked.class);
        assertThat(callback.complete(session, ALICE, answer, 80, "REQ10"))
                .isEqualTo(new LinkCallback.Failed(LinkFailure.STATE_UNKNOWN, null));
        assertThat(linked).hasSize(1);
    }

    /** Starts a flow as {@code principal} and returns the answer Resonite sends back for it. */
    private Map<String, List<String>> started(SitePrincipal principal, String returnTo) throws Exception {
        URI toResonite = flow.start(session, principal, returnTo, Set.of());
        String state = AuthorizationRequest.parse(toResonite).getState().getValue();
        return Map.of("state", List.of(state), "code", List.of("the-code"), "iss",
                List.of("https://account.resonite.com"));
    }

    private LinkCallback callback() {
        LinkCallback made = new LinkCallback();
        made.resonite = flow;
        made.profileFetch = new ProfileFetch(settings, resonite);
        made.links = new AccountLinks() {
            @Override
            public LinkResult link(SitePrincipal principal, ResoniteProfile profile, SealedToken sealedRefreshToken)
                    throws LinkFailedException {
                if (linkRefusal != null) {
                    throw linkRefusal;
                }
                linked.add(principal + " " + profile.id() + " " + sealedRefreshToken.value());
                return linkResult;
            }
        };
        made.audit = new AuditTrail() {
            @Override
            public void recordQuietly(String principal, String resoniteId, AuditEntry.Action action, String outcome,
                                      String requestId) {
                audited.add(principal + " " + resoniteId + " " + action + " " + outcome + " " + requestId);
            }
        };
        made.metrics = new FlowMetrics() {
            @Override
            public void ended(String outcome, String cause) {
                counted.add(cause == null ? outcome : outcome + " " + cause);
            }
        };
        made.vault = new TokenSealer() {
            @Override
            public SealedToken seal(String refreshToken, SitePrincipal principal, ResoniteUserId resoniteId) {
                return refreshToken == null ? null : new SealedToken("sealed(" + refreshToken + ")");
            }

            @Override
            public Optional<String> open(SealedToken sealed, SitePrincipal principal, ResoniteUserId resoniteId) {
                return Optional.of(sealed.value().substring("sealed(".length(), sealed.value().length() - 1));
            }
        };
        return made;
    }

    private static HTTPResponse json(int status, String body) {
        HTTPResponse response = new HTTPResponse(status);
        response.setHeader("Content-Type", "application/json");
        response.setBody(body);
        return response;
    }

    private static Settings withRevocation() {
        Map<String, String> values = TestSettings.valid();
        values.put(Setting.REVOCATION_URI.key(), "connect/revocation");
        return TestSettings.with(values);
    }
}
