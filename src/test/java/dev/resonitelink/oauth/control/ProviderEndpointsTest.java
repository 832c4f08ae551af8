package dev.resonitelink.oauth.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import dev.resonitelink.oauth.entity.LinkFailedException;
import dev.resonitelink.oauth.entity.LinkFailure;
import dev.resonitelink.oauth.entity.ProviderRegistration;
import dev.resonitelink.settings.Setting;
import dev.resonitelink.settings.Settings;
import dev.resonitelink.settings.TestSettings;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Which of Resonite's endpoints a flow uses: with {@code openid} the discovery document's, except those the
 * deployment set itself; without it the configured ones, with nothing read.
 */
class ProviderEndpointsTest {

    private static final dev.resonitelink.SitePrincipal ALICE_P = new dev.resonitelink.SitePrincipal("alice");

    private static final String DOCUMENT = """
            {"issuer":"https://account.resonite.com",
             "authorization_endpoint":"%s",
             "token_endpoint":"https://account.resonite.com/oidc/token",
             %s
             "jwks_uri":"https://account.resonite.com/.well-known/jwks.json","response_types_supported":["code"],
             "subject_types_supported":["public"],"id_token_signing_alg_values_supported":["RS256"]}""";
    private static final String AUTHORIZE = "https://account.resonite.com/oidc/authorize";
    private static final String REVOCATION = "\"revocation_endpoint\":\"https://account.resonite.com/oidc/revoke\",";

    private final AtomicInteger reads = new AtomicInteger();

    @Test
    void withoutOpenidTheConfiguredEndpointsAreUsedAndNoDocumentIsRead() throws Exception {
        Settings settings = TestSettings.defaults();
        ProviderEndpoints endpoints = endpoints(settings, DOCUMENT.formatted(AUTHORIZE, REVOCATION));
        assertThat(endpoints.current()).isEqualTo(Providers.resonite(settings).endpoints());
        assertThat(reads).hasValue(0);
    }

    @Test
    void withOpenidTheAnnouncedEndpointsReplaceTheDefaults() throws Exception {
        ProviderEndpoints endpoints = endpoints(openId(Map.of()), DOCUMENT.formatted(AUTHORIZE, REVOCATION));
        ProviderRegistration.Endpoints current = endpoints.current();
        assertThat(current.authorize()).hasToString(AUTHORIZE);
        assertThat(current.token()).hasToString("https://account.resonite.com/oidc/token");
        assertThat(current.revocation()).as("announced, though none is configured")
                .hasToString("https://account.resonite.com/oidc/revoke");
        endpoints.current();
        assertThat(reads).as("the document is kept").hasValue(1);
    }

    @Test
    void anExplicitlyConfiguredEndpointWinsOverTheAnnouncedOne() throws Exception {
        ProviderEndpoints endpoints = endpoints(openId(Map.of(Setting.TOKEN_URI.key(), "connect/token",
                Setting.REVOCATION_URI.key(), "https://revoke.example/r")), DOCUMENT.formatted(AUTHORIZE, REVOCATION));
        ProviderRegistration.Endpoints current = endpoints.current();
        assertThat(current.token()).hasToString("https://account.resonite.com/connect/token");
        assertThat(current.revocation()).hasToString("https://revoke.example/r");
        assertThat(current.authorize()).as("not configured: announced").hasToString(AUTHORIZE);
    }

    @Test
    void anEndpointTheDocumentDoesNotAnnounceKeepsItsDefault() throws Exception {
        ProviderRegistration.Endpoints current = endpoints(openId(Map.of()), DOCUMENT.formatted(AUTHORIZE, "")).current();
        assertThat(current.revocation()).as("none configured, none announced").isNull();
        assertThat(current.token()).hasToString("https://account.resonite.com/oidc/token");
    }

    /** Security round 3, item 6: a document announcing an endpoint elsewhere is refused as a whole. */
    @Test
    void aDocumentAnnouncingAnEndpointOnAnotherOriginOrOverPlainHttpIsRefused() {
        for (String authorize : new String[] {"https://phish.example/connect/authorize",
                "http://account.resonite.com/connect/authorize"}) {
            ProviderEndpoints endpoints = endpoints(openId(Map.of()), DOCUMENT.formatted(authorize, REVOCATION));
            assertThatThrownBy(endpoints::current).as(authorize).isInstanceOfSatisfying(LinkFailedException.class,
                    e -> assertThat(e.failure()).isEqualTo(LinkFailure.PROVIDER_UNAVAILABLE))
                    .hasMessageContaining("authorization_endpoint " + authorize);
        }
    }

    @Test
    void anAllowedOriginIsAcceptedButTheBrowserIsStillSentOnlyWhereThePagesAllowForms() throws Exception {
        ProviderRegistration.Endpoints current = endpoints(openId(Map.of(Setting.ALLOWED_ENDPOINT_ORIGINS.key(), "https://phish.example")),
                DOCUMENT.formatted("https://phish.example/connect/authorize", REVOCATION)).current();
        assertThat(current.authorize()).as("the pages' form-action allows the issuer's origin only")
                .hasToString("https://account.resonite.com/connect/authorize");
    }

    @Test
    void theAuthorizationRequestGoesToTheAnnouncedEndpoint() throws Exception {
        Settings settings = openId(Map.of());
        AuthorizationCodeFlow flow = Flows.resonite(settings, answering(DOCUMENT.formatted(AUTHORIZE, REVOCATION)));
        AuthorizationRequest request = AuthorizationRequest.parse(flow.start(FakeSession.create(), ALICE_P, null,
                java.util.Set.of()));
        assertThat(request.getEndpointURI()).hasToString(AUTHORIZE);
        assertThat(request.getCustomParameter("nonce")).isNotEmpty();
    }

    @Test
    void anUnreachableDocumentFailsTheStartAsUnavailableWithNothingPending() {
        Settings settings = openId(Map.of());
        AuthorizationCodeFlow flow = Flows.resonite(settings, request -> {
            throw new IOException("connection refused");
        });
        FakeSession session = FakeSession.create();
        assertThatThrownBy(() -> flow.start(session, ALICE_P, null, java.util.Set.of()))
                .isInstanceOfSatisfying(LinkFailedException.class,
                        e -> assertThat(e.failure()).isEqualTo(LinkFailure.PROVIDER_UNAVAILABLE));
        assertThat(session.names()).as("nothing pending").isEmpty();
    }

    private ProviderEndpoints endpoints(Settings settings, String document) {
        return Flows.endpoints(settings, answering(document));
    }

    private com.nimbusds.oauth2.sdk.http.HTTPRequestSender answering(String document) {
        return request -> {
            reads.incrementAndGet();
            HTTPResponse response = new HTTPResponse(200);
            response.setHeader("Content-Type", "application/json");
            response.setBody(document);
            return response;
        };
    }

    private static Settings openId(Map<String, String> extra) {
        Map<String, String> values = TestSettings.valid();
        values.put(Setting.SCOPES.key(), "openid profile email");
        values.putAll(extra);
        return TestSettings.with(values);
    }
}
