package dev.resonitelink.idp;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * An independent OpenID Connect provider for the tests and the demo: Spring Authorization Server with its own login
 * page, in-memory users and two registered clients.
 * <ul>
 *   <li>{@code site}: the site's identity provider that resonite-link signs its users in with; id_tokens carry
 *       {@code name}, {@code email} and {@code groups}.</li>
 *   <li>{@code resonite}: the same server playing Resonite: its users are named {@code U-…}, so the id_token's
 *       {@code sub} is a Resonite user id, and its userinfo endpoint answers a Resonite-shaped profile
 *       ({@code id}, {@code username}) for that client.</li>
 * </ul>
 * Everything comes from {@code --idp.*} arguments (see {@link Users} and {@code application.properties}). A test may
 * switch one fault on at {@code POST /test/fault?name=…} ({@link Faults}).
 */
@SpringBootApplication
public class TestIdentityProvider {

    public static void main(String[] args) {
        SpringApplication.run(TestIdentityProvider.class, args);
    }

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http, Users users) throws Exception {
        OAuth2AuthorizationServerConfigurer server = OAuth2AuthorizationServerConfigurer.authorizationServer();
        http.securityMatcher(server.getEndpointsMatcher())
                .with(server, s -> s.oidc(oidc -> oidc.userInfoEndpoint(info -> info.userInfoMapper(
                        context -> userInfo(context, users)))))
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                        new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                .oauth2ResourceServer(r -> r.jwt(Customizer.withDefaults()));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain signIn(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a.requestMatchers("/test/**", "/error").permitAll().anyRequest().authenticated())
                .csrf(c -> c.ignoringRequestMatchers("/test/**"))
                .formLogin(Customizer.withDefaults());
        return http.build();
    }

    /** The userinfo answer: standard claims for the site, a Resonite-shaped profile for the Resonite client. */
    private static OidcUserInfo userInfo(OidcUserInfoAuthenticationContext context, Users users) {
        String subject = context.getAuthorization().getPrincipalName();
        Map<String, Object> claims = new HashMap<>();
        claims.put("sub", subject);
        Users.Person person = users.byName(subject);
        if (context.getAuthorization().getRegisteredClientId().equals("resonite")) {
            claims.put("id", subject);
            claims.put("username", person == null ? subject : person.displayName());
        } else if (person != null) {
            claims.put("name", person.displayName());
            claims.put("email", person.email());
        }
        return new OidcUserInfo(claims);
    }

    @Bean
    UserDetailsService userDetailsService(Users users) {
        InMemoryUserDetailsManager manager = new InMemoryUserDetailsManager();
        users.all().forEach(p -> manager.createUser(User.withUsername(p.name()).password("{noop}" + p.password())
                .roles("USER").build()));
        return manager;
    }

    @Bean
    RegisteredClientRepository clients(@Value("${idp.site.client-id}") String siteId,
                                       @Value("${idp.site.client-secret}") String siteSecret,
                                       @Value("${idp.site.redirect-uris}") String siteRedirects,
                                       @Value("${idp.site.post-logout-uris}") String sitePostLogout,
                                       @Value("${idp.resonite.client-id}") String resoniteId,
                                       @Value("${idp.resonite.client-secret}") String resoniteSecret,
                                       @Value("${idp.resonite.redirect-uris}") String resoniteRedirects) {
        RegisteredClient.Builder site = RegisteredClient.withId("site").clientId(siteId)
                .clientSecret("{noop}" + siteSecret)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE).scope(OidcScopes.EMAIL)
                .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).requireProofKey(true).build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(Duration.ofMinutes(5)).build());
        split(siteRedirects).forEach(site::redirectUri);
        split(sitePostLogout).forEach(site::postLogoutRedirectUri);
        RegisteredClient.Builder resonite = RegisteredClient.withId("resonite").clientId(resoniteId)
                .clientSecret("{noop}" + resoniteSecret)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).requireProofKey(true).build());
        split(resoniteRedirects).forEach(resonite::redirectUri);
        return new InMemoryRegisteredClientRepository(site.build(), resonite.build());
    }

    /** The site's claims in its id_tokens, and the fault a test switched on. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> idTokenClaims(Users users, Faults faults) {
        return context -> {
            if (!OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                return;
            }
            Users.Person person = users.byName(context.getPrincipal().getName());
            if (person != null && context.getRegisteredClient().getId().equals("site")) {
                context.getClaims().claim("name", person.displayName()).claim("email", person.email())
                        .claim("groups", person.groups());
            }
            switch (faults.current()) {
                case "expired" -> context.getClaims().issuedAt(Instant.now().minus(Duration.ofHours(2)))
                        .expiresAt(Instant.now().minus(Duration.ofHours(1)));
                case "wrong-issuer" -> context.getClaims().issuer("https://idp.attacker.example");
                case "wrong-audience" -> context.getClaims().audience(List.of("some-other-client"));
                default -> {
                }
            }
        };
    }

    @Bean
    JWKSource<SecurityContext> keys() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys) {
        return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(@Value("${idp.issuer}") String issuer) {
        return AuthorizationServerSettings.builder().issuer(issuer).build();
    }

    static List<String> split(String values) {
        return Arrays.stream(values.split(",")).map(String::trim).filter(v -> !v.isEmpty()).toList();
    }
}
