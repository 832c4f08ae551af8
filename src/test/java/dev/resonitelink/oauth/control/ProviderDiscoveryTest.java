package dev.resonitelink.oauth.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import dev.resonitelink.oauth.entity.LinkFailedException;
import dev.resonitelink.oauth.entity.LinkFailure;
import dev.resonitelink.settings.TestSettings;
import dev.resonitelink.standin.TestClock;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The discovery document: read on first use, kept, its issuer checked, and a Resonite outage survived. */
class ProviderDiscoveryTest {

    private static final String DOCUMENT = """
            {"issuer":"%s","authorization_endpoint":"https://account.resonite.com/connect/authorize",
             "token_endpoint":"https://account.resonite.com/connect/token",
             "jwks_uri":"https://account.resonite.com/.well-known/jwks.json","response_types_supported":["code"],
             "subject_types_supported":["public"],"id_token_signing_alg_values_supported":["RS256"]}""";

    private final AtomicInteger calls = new AtomicInteger();

    @Test
    void theDocumentIsReadOnceFromTheConfiguredAddressAndKept() throws Exception {
        URI[] asked = new URI[1];
        ProviderDiscovery discovery = Flows.discovery(TestSettings.defaults(), request -> {
            calls.incrementAndGet();
            asked[0] = request.getURI();
            return answer(200, DOCUMENT.formatted("https://account.resonite.com"));
        });
        assertThat(discovery.metadata().getJWKSetURI()).hasToString("https://account.resonite.com/.well-known/jwks.json");
        discovery.metadata();
        assertThat(calls).hasValue(1);
        assertThat(asked[0]).hasToString("https://account.resonite.com/.well-known/openid-configuration");
    }

    @Test
    void aDocumentNamingAnotherIssuerIsRefused() {
        ProviderDiscovery discovery = Flows.discovery(TestSettings.defaults(),
                request -> answer(200, DOCUMENT.formatted("https://evil.example")));
        assertThatThrownBy(discovery::metadata).isInstanceOfSatisfying(LinkFailedException.class,
                e -> assertThat(e.failure()).isEqualTo(LinkFailure.ID_TOKEN_INVALID));
    }

    @Test
    void withoutAnyDocumentAnOutageIsUnavailableNotInvalid() {
        ProviderDiscovery discovery = Flows.discovery(TestSettings.defaults(), request -> {
            throw new IOException("connection refused");
        });
        assertThatThrownBy(discovery::metadata).isInstanceOfSatisfying(LinkFailedException.class,
                e -> assertThat(e.failure()).isEqualTo(LinkFailure.PROVIDER_UNAVAILABLE));
    }

    @Test
    void aFailedReadIsNotRepeatedForTenSecondsSoAnOutageCostsOneTimeoutNotOnePerRequest() throws Exception {
        TestClock clock = new TestClock();
        boolean[] up = {false};
        ProviderDiscovery discovery = switchable(up, clock);
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(discovery::metadata).isInstanceOfSatisfying(LinkFailedException.class,
                    e -> assertThat(e.failure()).isEqualTo(LinkFailure.PROVIDER_UNAVAILABLE));
        }
        assertThat(calls).hasValue(1);
        up[0] = true;
        clock.advance(ProviderDiscovery.RETRY_AFTER);
        assertThat(discovery.metadata().getIssuer().getValue()).isEqualTo("https://account.resonite.com");
        assertThat(calls).hasValue(2);
    }

    @Test
    void anOutageAfterAGoodReadKeepsTheLastDocumentAndAsksAgainOnlyEveryTenSeconds() throws Exception {
        TestClock clock = new TestClock();
        boolean[] up = {true};
        ProviderDiscovery discovery = switchable(up, clock);
        discovery.metadata();
        up[0] = false;
        clock.advance(ProviderDiscovery.FRESH_FOR);
        assertThat(discovery.metadata().getJWKSetURI()).hasToString("https://account.resonite.com/.well-known/jwks.json");
        discovery.metadata();
        assertThat(calls).as("one read when fresh, one failed refresh").hasValue(2);
        clock.advance(ProviderDiscovery.RETRY_AFTER);
        discovery.metadata();
        assertThat(calls).hasValue(3);
    }

    @Test
    void aRefreshNamingAnotherIssuerDropsTheOldDocumentInsteadOfKeepingIt() throws Exception {
        TestClock clock = new TestClock();
        String[] issuer = {"https://account.resonite.com"};
        ProviderDiscovery discovery = Flows.discovery(TestSettings.defaults(),
                request -> answer(200, DOCUMENT.formatted(issuer[0])), clock);
        discovery.metadata();
        issuer[0] = "https://evil.example";
        clock.advance(ProviderDiscovery.FRESH_FOR);
        assertThatThrownBy(discovery::metadata).isInstanceOfSatisfying(LinkFailedException.class,
                e -> assertThat(e.failure()).isEqualTo(LinkFailure.ID_TOKEN_INVALID));
    }

    /** A provider that answers the document while {@code up[0]}, and refuses connections otherwise. */
    private ProviderDiscovery switchable(boolean[] up, TestClock clock) {
        return Flows.discovery(TestSettings.defaults(), request -> {
            calls.incrementAndGet();
            if (!up[0]) {
                throw new IOException("connection refused");
            }
            return answer(200, DOCUMENT.formatted("https://account.resonite.com"));
        }, clock);
    }

    private static HTTPResponse answer(int status, String body) {
        HTTPResponse response = new HTTPResponse(status);
        response.setHeader("Content-Type", "application/json");
        response.setBody(body);
        return response;
    }
}
