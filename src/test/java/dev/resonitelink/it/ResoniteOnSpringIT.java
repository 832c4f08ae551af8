package dev.resonitelink.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Resonite side of OpenID Connect against a real implementation rather than only the stand-in: Spring
 * Authorization Server ({@link SiteIdp}) plays Resonite, with its own keys, id_tokens, PKCE rules and a userinfo
 * endpoint that answers a Resonite-shaped profile. The link is made only once its id_token passed every check
 * (signature from the JWKS of its discovery document, {@code iss}, {@code aud}, {@code exp}, {@code nonce}, and
 * {@code sub} equal to the profile's id).
 */
class ResoniteOnSpringIT extends OwnDeployment {

    @Deployment(testable = false)
    static WebArchive app() {
        String idp = "http://localhost:" + SiteIdp.port() + "/";
        return withSettings(Map.of(
                "resonite.base-uri", idp,
                "resonite.authorize-uri", "oauth2/authorize",
                "resonite.token-uri", "oauth2/token",
                "resonite.profile-uri", "userinfo",
                "resonite.revocation-uri", "oauth2/revoke",
                "resonite.client-id", "resonite-on-spring",
                "resonite.scopes", "openid profile"));
    }

    @BeforeEach
    void reset() {
        SiteIdp.get().fault("none");
    }

    @AfterEach
    void noFaultLeft() {
        SiteIdp.get().fault("none");
    }

    @Test
    void linksWithTheRealServersIdTokenAndProfile() {
        Site site = Site.signedIn(base);
        Browser.Page callback = SiteIdp.signInAtProvider(site.browser(), site.startLink(), SiteIdp.RESONITE_USER);
        assertThat(callback.location()).startsWith(site.at("oauth/callback").toString());
        Browser.Page linked = site.browser().follow(callback);
        assertThat(linked.status()).as(linked.body()).isEqualTo(302);
        assertThat(linked.location()).endsWith("/account?linked");
        JsonObject link = site.storedLink();
        assertThat(link.getString("resoniteId")).isEqualTo(SiteIdp.RESONITE_USER.name());
        assertThat(link.getString("username")).isEqualTo(SiteIdp.RESONITE_USER.displayName());
    }

    @Test
    void anIdTokenChangedAfterTheRealServerSignedItIsRefused() {
        Site site = Site.signedIn(base);
        Browser.Page callback = SiteIdp.signInAtProvider(site.browser(), site.startLink(), SiteIdp.RESONITE_USER);
        SiteIdp.get().fault("tampered");
        Browser.Page refused = site.browser().follow(callback);
        assertThat(refused.status()).as(refused.body()).isEqualTo(424);
        assertThat(refused.outcome()).isEqualTo("ID_TOKEN_INVALID");
        assertThat(site.storedLink()).as("nothing stored").isNull();
    }

    @Test
    void anExpiredIdTokenOfTheRealServerIsRefused() {
        SiteIdp.get().fault("expired");
        Site site = Site.signedIn(base);
        Browser.Page refused = site.browser().follow(SiteIdp.signInAtProvider(site.browser(), site.startLink(),
                SiteIdp.RESONITE_USER));
        assertThat(refused.status()).as(refused.body()).isEqualTo(424);
        assertThat(refused.outcome()).isEqualTo("ID_TOKEN_INVALID");
        assertThat(site.storedLink()).isNull();
    }
}
