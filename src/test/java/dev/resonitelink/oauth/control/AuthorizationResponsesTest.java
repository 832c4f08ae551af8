package dev.resonitelink.oauth.control;

import dev.resonitelink.settings.TestSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.resonitelink.oauth.entity.LinkFailedException;
import dev.resonitelink.oauth.entity.LinkFailure;
import dev.resonitelink.settings.Setting;
import java.util.LinkedHashMap;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The callback's protocol rules, on parameter maps as the servlet hands them over. */
class AuthorizationResponsesTest {

    private final AuthorizationResponses responses = Flows.responses(TestSettings.defaults());

    @Test
    void theStateOfAWellFormedAnswerIsReturned() throws Exception {
        assertThat(responses.state(query("code", "c-1", "state", "s-1"), 20)).isEqualTo("s-1");
    }

    @Test
    void anAnswerWithoutStateIsRefusedAsStateMissing() {
        assertFailure(() -> responses.state(query("code", "c-1"), 10), LinkFailure.STATE_MISSING);
        assertFailure(() -> responses.state(query("code", "c-1", "state", ""), 10), LinkFailure.STATE_MISSING);
    }

    @Test
    void aRepeatedResponseParameterIsRefusedEvenWhenTheStateIsFine() {
        Map<String, List<String>> query = query("state", "s-1");
        query.put("code", List.of("c-1", "c-2"));
        assertFailure(() -> responses.state(query, 30), LinkFailure.MALFORMED_RESPONSE);
    }

    @Test
    void aRepeatedUnknownParameterIsIgnored() throws Exception {
        Map<String, List<String>> query = query("state", "s-1", "code", "c-1");
        query.put("utm_source", List.of("a", "b"));
        assertThat(responses.state(query, 40)).isEqualTo("s-1");
    }

    @Test
    void aQueryLongerThanAnyRealAnswerIsRefused() {
        assertFailure(() -> responses.state(query("state", "s-1"), AuthorizationResponses.MAX_QUERY + 1),
                LinkFailure.MALFORMED_RESPONSE);
    }

    @Test
    void theCodeOfASuccessfulAnswerIsReturned() throws Exception {
        assertThat(responses.code(query("code", "c-1", "state", "s-1"))).isEqualTo("c-1");
    }

    @Test
    void anAnswerCarryingBothCodeAndErrorIsRefused() {
        assertFailure(() -> responses.code(query("code", "c-1", "error", "access_denied", "state", "s-1")),
                LinkFailure.MALFORMED_RESPONSE);
    }

    @Test
    void anAnswerWithNeitherCodeNorErrorIsRefused() {
        assertFailure(() -> responses.code(query("state", "s-1")), LinkFailure.MALFORMED_RESPONSE);
    }

    @Test
    void accessDeniedIsADeclinedConsent() {
        assertFailure(() -> responses.code(query("error", "access_denied", "state", "s-1")), LinkFailure.DECLINED);
    }

    @Test
    void anyOtherErrorIsAProviderErrorThatKeepsItsCode() {
        assertThatThrownBy(() -> responses.code(query("error", "temporarily_unavailable", "state", "s-1")))
                .isInstanceOfSatisfying(LinkFailedException.class, e -> {
                    assertThat(e.failure()).isEqualTo(LinkFailure.PROVIDER_ERROR);
                    assertThat(e.providerError()).isEqualTo("temporarily_unavailable");
                });
    }

    @Test
    void theConfiguredIssuerIsAcceptedWithOrWithoutTrailingSlash() throws Exception {
        assertThat(responses.code(query("code", "c", "state", "s", "iss", "https://account.resonite.com"))).isEqualTo("c");
        assertThat(responses.code(query("code", "c", "state", "s", "iss", "https://account.resonite.com/"))).isEqualTo("c");
    }

    @Test
    void anotherIssuerIsRefusedEvenOnAnErrorAnswer() {
        for (String issuer : List.of("https://evil.example", "https://account.resonite.com.evil.example",
                "http://account.resonite.com")) {
            assertFailure(() -> responses.code(query("code", "c", "state", "s", "iss", issuer)), LinkFailure.ISSUER_MISMATCH);
        }
        assertFailure(() -> responses.code(query("error", "access_denied", "state", "s", "iss", "https://evil.example")),
                LinkFailure.ISSUER_MISMATCH);
    }

    @Test
    void aMissingIssuerIsAcceptedUnlessRequired() throws Exception {
        assertThat(responses.code(query("code", "c", "state", "s"))).isEqualTo("c");
        Map<String, String> values = TestSettings.valid();
        values.put(Setting.REQUIRE_ISS.key(), "true");
        assertFailure(() -> Flows.responses(TestSettings.with(values)).code(query("code", "c", "state", "s")),
                LinkFailure.ISSUER_MISMATCH);
    }

    @Test
    void theExpectedIssuerCanBeConfigured() throws Exception {
        Map<String, String> values = TestSettings.valid();
        values.put(Setting.ISSUER.key(), "https://auth.resonite.com");
        AuthorizationResponses custom = Flows.responses(TestSettings.with(values));
        assertThat(custom.code(query("code", "c", "state", "s", "iss", "https://auth.resonite.com"))).isEqualTo("c");
        assertFailure(() -> custom.code(query("code", "c", "state", "s", "iss", "https://account.resonite.com")),
                LinkFailure.ISSUER_MISMATCH);
    }

    private static Map<String, List<String>> query(String... namesAndValues) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            query.put(namesAndValues[i], List.of(namesAndValues[i + 1]));
        }
        return query;
    }

    private static void assertFailure(ThrowingCallable call, LinkFailure expected) {
        assertThatThrownBy(call).isInstanceOfSatisfying(LinkFailedException.class,
                e -> assertThat(e.failure()).isEqualTo(expected));
    }
}
