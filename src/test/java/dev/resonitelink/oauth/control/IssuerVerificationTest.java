package dev.resonitelink.oauth.control;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.oauth2.sdk.id.Issuer;
import dev.resonitelink.oauth.entity.LinkFailedException;
import dev.resonitelink.oauth.entity.LinkFailure;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IssuerVerificationTest {

    private final ResoniteSettings settings = TestSettings.defaults();

    @Test
    void theConfiguredIssuerIsAcceptedWithOrWithoutTrailingSlash() {
        assertThatCode(() -> IssuerVerification.verify(new Issuer("https://account.resonite.com"), settings)).doesNotThrowAnyException();
        assertThatCode(() -> IssuerVerification.verify(new Issuer("https://account.resonite.com/"), settings)).doesNotThrowAnyException();
    }

    @Test
    void anotherIssuerIsRefused() {
        assertIssuerMismatch(new Issuer("https://evil.example"), settings);
        assertIssuerMismatch(new Issuer("https://account.resonite.com.evil.example"), settings);
        assertIssuerMismatch(new Issuer("http://account.resonite.com"), settings);
    }

    @Test
    void aMissingIssuerIsAcceptedUnlessRequired() throws Exception {
        IssuerVerification.verify(null, settings);
        Map<String, String> values = TestSettings.valid();
        values.put(ResoniteSettings.KEY_REQUIRE_ISSUER, "true");
        assertIssuerMismatch(null, TestSettings.with(values));
    }

    @Test
    void theExpectedIssuerCanBeConfigured() throws Exception {
        Map<String, String> values = TestSettings.valid();
        values.put(ResoniteSettings.KEY_ISSUER, "https://auth.resonite.com");
        ResoniteSettings custom = TestSettings.with(values);
        IssuerVerification.verify(new Issuer("https://auth.resonite.com"), custom);
        assertIssuerMismatch(new Issuer("https://account.resonite.com"), custom);
    }

    private static void assertIssuerMismatch(Issuer issuer, ResoniteSettings settings) {
        assertThatThrownBy(() -> IssuerVerification.verify(issuer, settings))
                .isInstanceOfSatisfying(LinkFailedException.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.failure()).isEqualTo(LinkFailure.ISSUER_MISMATCH));
    }
}
