package dev.resonitelink.oauth.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import dev.resonitelink.ops.control.FlowMetrics;
import dev.resonitelink.settings.Setting;
import dev.resonitelink.settings.Settings;
import dev.resonitelink.settings.TestSettings;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProviderHttpTest {

    private final Settings settings = withRevocation();
    private final ProviderHttp http = new ProviderHttp(settings, new FlowMetrics());

    @Test
    void eachEndpointIsCountedUnderItsOwnLabel() {
        assertThat(http.endpointLabel(settings.endpoints().token())).isEqualTo("token");
        assertThat(http.endpointLabel(settings.endpoints().profile())).isEqualTo("profile");
        assertThat(http.endpointLabel(settings.endpoints().revocation())).isEqualTo("revocation");
        assertThat(http.endpointLabel(URI.create("https://account.resonite.com/elsewhere"))).isEqualTo("other");
    }

    @Test
    void aRevocationRequestAsNimbusBuildsItIsCountedAsRevocation() {
        URI sent = new TokenRevocationRequest(settings.endpoints().revocation(),
                new ClientSecretPost(new ClientID("client-1"), new Secret("s3cret-value")), new RefreshToken("rt"))
                .toHTTPRequest().getURI();
        assertThat(http.endpointLabel(sent)).isEqualTo("revocation");
    }

    private static Settings withRevocation() {
        Map<String, String> values = TestSettings.valid();
        values.put(Setting.REVOCATION_URI.key(), "connect/revocation");
        return TestSettings.with(values);
    }
}
