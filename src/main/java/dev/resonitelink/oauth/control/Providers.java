package dev.resonitelink.oauth.control;

import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import dev.resonitelink.oauth.entity.ProviderRegistration;
import dev.resonitelink.settings.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Set;

/**
 * The two providers this app is a client of, each one {@link ProviderRegistration} read from the settings and one
 * {@link AuthorizationCodeFlow} over it: {@link Resonite} (linking) and {@link SiteProvider} (the site's own OpenID
 * Connect provider, only with {@code resonite-link.sign-in=oidc}; otherwise its registration and flow are null).
 */
@ApplicationScoped
public class Providers {

    private ProviderRegistration resonite;
    private ProviderRegistration site;
    private AuthorizationCodeFlow resoniteFlow;
    private AuthorizationCodeFlow siteFlow;

    Providers() {
        // for CDI's proxy
    }

    @Inject
    public Providers(Settings settings, ProviderHttp http) {
        this.resonite = resonite(settings);
        this.site = site(settings);
        this.resoniteFlow = new AuthorizationCodeFlow(resonite, "resonite", http, settings.limits(), Clock.systemUTC(),
                CodeVerifier::new);
        this.siteFlow = site == null ? null : new AuthorizationCodeFlow(site, "site", http, settings.limits(),
                Clock.systemUTC(), CodeVerifier::new);
    }

    /**
     * Resonite: the configured client and endpoints; with {@code openid} among the scopes, discovery and id_tokens
     * whose nonce is checked when present (Resonite omits it; PKCE already binds the code to the session).
     */
    static ProviderRegistration resonite(Settings settings) {
        Settings.Client client = settings.client();
        Settings.Endpoints configured = settings.endpoints();
        Settings.OpenId openId = settings.openId();
        return new ProviderRegistration("Resonite", client.id(), client.secret(),
                client.auth() == Settings.ClientAuth.CLIENT_SECRET_BASIC, client.redirectUri(), client.scopes(),
                client.pkce(), configured.issuer(), configured.requireIssuer(),
                new ProviderRegistration.Endpoints(configured.authorize(), configured.token(), configured.revocation(),
                        configured.explicit().authorize(), configured.explicit().token(),
                        configured.explicit().revocation()),
                client.openId() ? new ProviderRegistration.OpenId(openId.discovery(), openId.clockSkew(),
                        openId.requireNonce(), openId.allowedEndpointOrigins(), "sub") : null);
    }

    /**
     * The site's own provider: every endpoint from its discovery document, the secret in HTTP Basic, PKCE, and
     * id_tokens that must carry the nonce (every OpenID Connect provider echoes it). Null with local sign-in.
     */
    static ProviderRegistration site(Settings settings) {
        if (!settings.signIn().oidc()) {
            return null;
        }
        Settings.Sso sso = settings.signIn().sso();
        return new ProviderRegistration("the site's identity provider", sso.clientId(), sso.clientSecret(), true,
                sso.redirectUri(), sso.scopes(), true, sso.issuer(), false, ProviderRegistration.Endpoints.DISCOVERED,
                new ProviderRegistration.OpenId(sso.discovery(), settings.openId().clockSkew(), true,
                        sso.allowedEndpointOrigins(), sso.principalClaim()));
    }

    @Produces
    @Resonite
    ProviderRegistration resoniteRegistration() {
        return resonite;
    }

    @Produces
    @SiteProvider
    ProviderRegistration siteRegistration() {
        return site;
    }

    @Produces
    @Resonite
    AuthorizationCodeFlow resoniteFlow() {
        return resoniteFlow;
    }

    @Produces
    @SiteProvider
    AuthorizationCodeFlow siteFlow() {
        return siteFlow;
    }

    /** The scopes a person may ask Resonite for on top of the configured ones, for one link (an event for supporters). */
    public static final Set<String> EXTRA_SCOPES = Set.of("email", "patreon");
}
