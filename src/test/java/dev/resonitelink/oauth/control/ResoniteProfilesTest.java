package dev.resonitelink.oauth.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.resonitelink.oauth.entity.ResoniteProfile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ResoniteProfilesTest {

    private static final String ICONS = "https://assets.resonite.com/";

    static String fixture(String name) throws IOException {
        try (InputStream in = ResoniteProfilesTest.class.getResourceAsStream("/standin/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void fullProfileWithEveryScopeKeepsEmailAndPatreon() throws IOException {
        ResoniteProfile p = ResoniteProfiles.parse(fixture("resonite-profile-full.json"),
                Set.of("profile", "email", "patreon"), ICONS);
        assertThat(p.id().value()).isEqualTo("U-Ada-Lovelace");
        assertThat(p.username()).isEqualTo("Ada Lovelace");
        assertThat(p.iconUrl()).isEqualTo(ICONS + "4f0b7c2a9e1d3b5a7c9e1f3a5b7d9f1e3a5c7e9b1d3f5a7c9e1b3d5f7a9c1e3b5");
        assertThat(p.email()).isEqualTo("ada@example.org");
        assertThat(p.patreon()).isEqualTo(new ResoniteProfile.PatreonSupport(true, 14, 500));
    }

    @Test
    void scopesThatWereNotGrantedAreIgnoredEvenIfSent() throws IOException {
        ResoniteProfile p = ResoniteProfiles.parse(fixture("resonite-profile-full.json"), Set.of("profile"), ICONS);
        assertThat(p.email()).isNull();
        assertThat(p.patreon()).isNull();
    }

    @Test
    void minimalProfileIsAccepted() throws IOException {
        ResoniteProfile p = ResoniteProfiles.parse(fixture("resonite-profile-minimal.json"),
                Set.of("profile", "email", "patreon"), ICONS);
        assertThat(p.id().value()).isEqualTo("U-minimal");
        assertThat(p.iconUrl()).isNull();
        assertThat(p.email()).isNull();
        assertThat(p.patreon()).isEqualTo(new ResoniteProfile.PatreonSupport(false, null, null));
    }

    @Test
    void aProfileWithoutIdOrUsernameOrThatIsNotJsonIsRefused() {
        Set<String> scopes = Set.of("profile");
        assertThatThrownBy(() -> ResoniteProfiles.parse("{\"username\":\"x\"}", scopes, ICONS)).hasMessageContaining("no id");
        assertThatThrownBy(() -> ResoniteProfiles.parse("{\"id\":\"U-x\"}", scopes, ICONS)).hasMessageContaining("no username");
        assertThatThrownBy(() -> ResoniteProfiles.parse("{\"id\":\"Evil<script>\",\"username\":\"x\"}", scopes, ICONS))
                .hasMessageContaining("not a Resonite user id");
        assertThatThrownBy(() -> ResoniteProfiles.parse("<html>", scopes, ICONS)).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> ResoniteProfiles.parse("[1]", scopes, ICONS)).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> ResoniteProfiles.parse("{\"id\":\"U-x\",", scopes, ICONS)).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> ResoniteProfiles.parse("", scopes, ICONS)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void oddTypesAndUnknownFieldsAreTolerated() {
        String json = """
                {"id":"U-odd","username":"Odd","email":42,"profile":"not an object","supporterMetadata":[1,"x",
                {"$type":"other","isActiveSupporter":true},{"$type":"patreon","totalSupportMonths":"many"}],
                "2fa_login":true,"supressBanEvasion":false,"unknown":{"deep":[null]}}""";
        ResoniteProfile p = ResoniteProfiles.parse(json, Set.of("profile", "email", "patreon"), ICONS);
        assertThat(p.email()).isNull();
        assertThat(p.iconUrl()).isNull();
        assertThat(p.patreon()).isEqualTo(new ResoniteProfile.PatreonSupport(false, null, null));
    }

    @Test
    void iconsBecomeBrowserUrlsAndHostileOnesAreDropped() {
        assertThat(ResoniteProfiles.browserIconUrl("resdb:///abc123.png", ICONS)).isEqualTo(ICONS + "abc123");
        assertThat(ResoniteProfiles.browserIconUrl("resdb:///abc123", ICONS)).isEqualTo(ICONS + "abc123");
        assertThat(ResoniteProfiles.browserIconUrl("https://cdn.example/a.png", ICONS)).isEqualTo("https://cdn.example/a.png");
        assertThat(ResoniteProfiles.browserIconUrl("javascript:alert(1)", ICONS)).isNull();
        assertThat(ResoniteProfiles.browserIconUrl("http://cdn.example/a.png", ICONS)).isNull();
        assertThat(ResoniteProfiles.browserIconUrl("resdb:///../../etc/passwd", ICONS)).isNull();
        assertThat(ResoniteProfiles.browserIconUrl("https://x.example/\"onerror=\"x", ICONS)).isNull();
    }
}
