package dev.resonitelink.oauth.control;

import com.nimbusds.oauth2.sdk.http.HTTPRequestSender;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import dev.resonitelink.oauth.entity.ProviderRegistration;
import dev.resonitelink.settings.Settings;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * The test factory of the protocol classes: each made from settings as {@link Providers} makes it, with every call to
 * the provider going to {@code http} (a lambda answering as the test needs).
 */
public final class Flows {

    private Flows() {
    }

    public static AuthorizationCodeFlow resonite(Settings settings, HTTPRequestSender http) {
        return resonite(settings, http, CodeVerifier::new);
    }

    public static AuthorizationCodeFlow resonite(Settings settings, HTTPRequestSender http, Supplier<CodeVerifier> verifiers) {
        return new AuthorizationCodeFlow(Providers.resonite(settings), "resonite", http, settings.limits(),
                Clock.systemUTC(), verifiers);
    }

    public static AuthorizationCodeFlow site(Settings settings, HTTPRequestSender http) {
        return new AuthorizationCodeFlow(Providers.site(settings), "site", http, settings.limits(), Clock.systemUTC(),
                CodeVerifier::new);
    }

    /** Resonite's registration with OpenID Connect, whatever the settings' scopes say. */
    public static ProviderRegistration resoniteOpenId(Settings settings) {
        ProviderRegistration plain = Providers.resonite(settings);
        Settings.OpenId openId = settings.openId();
        return new ProviderRegistration(plain.name(), plain.clientId(), plain.clientSecret(), plain.basicAuth(),
                plain.redirectUri(), plain.scopes(), plain.pkce(), plain.issuer(), plain.requireIssuerParameter(),
                plain.endpoints(), new ProviderRegistration.OpenId(openId.discovery(), openId.clockSkew(),
                openId.requireNonce(), openId.allowedEndpointOrigins(), "sub"));
    }

    public static ProviderDiscovery discovery(Settings settings, HTTPRequestSender http) {
        return discovery(settings, http, Clock.systemUTC());
    }

    public static ProviderDiscovery discovery(Settings settings, HTTPRequestSender http, Clock clock) {
        return new ProviderDiscovery(resoniteOpenId(settings), http, settings.limits(), clock);
    }

    /** Resonite's id_tokens: the discovery document from {@code discoveryHttp}, the keys from {@code keysHttp}. */
    public static IdTokens idTokens(Settings settings, HTTPRequestSender discoveryHttp, HTTPRequestSender keysHttp) {
        return new IdTokens(resoniteOpenId(settings), discovery(settings, discoveryHttp), keysHttp);
    }

    public static ProviderEndpoints endpoints(Settings settings, HTTPRequestSender http) {
        ProviderRegistration registration = Providers.resonite(settings);
        return new ProviderEndpoints(registration, registration.openIdConnect()
                ? new ProviderDiscovery(registration, http, settings.limits(), Clock.systemUTC()) : null, http);
    }

    public static PendingAuthorizations pending(Settings settings, Clock clock) {
        return new PendingAuthorizations(settings.limits(), "test", clock);
    }

    public static AuthorizationResponses responses(Settings settings) {
        return new AuthorizationResponses(Providers.resonite(settings));
    }
}
