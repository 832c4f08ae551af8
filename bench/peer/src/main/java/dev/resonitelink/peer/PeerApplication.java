package dev.resonitelink.peer;

import javax.sql.DataSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;

/**
 * The peer: resonite-link's flow as a typical Spring Boot application. Form sign-in with users in JDBC, Spring
 * Security's OAuth 2.0 client for the link (its authorization request filter on {@code POST /oauth/start/resonite}
 * with PKCE, its code grant filter on the callback, the state in the session), then {@link LinkController} reads
 * the profile and inserts the link.
 */
@SpringBootApplication
public class PeerApplication {

    public static void main(String[] args) {
        SpringApplication.run(PeerApplication.class, args);
    }

    @Bean
    SecurityFilterChain security(HttpSecurity http, ClientRegistrationRepository registrations) throws Exception {
        HttpSessionCsrfTokenRepository csrf = new HttpSessionCsrfTokenRepository();
        csrf.setParameterName("csrf"); // the field name resonite-link's forms use, so one scenario drives both
        DefaultOAuth2AuthorizationRequestResolver start =
                new DefaultOAuth2AuthorizationRequestResolver(registrations, "/oauth/start");
        start.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        http.authorizeHttpRequests(pages -> pages.requestMatchers("/signup", "/login").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/account", true))
                .csrf(c -> c.csrfTokenRepository(csrf))
                .oauth2Client(client -> client.authorizationCodeGrant(grant -> grant.authorizationRequestResolver(start)));
        return http.build();
    }

    /** PBKDF2-HMAC-SHA512 with 210,000 iterations: the parameters resonite-link hashes its passwords with. */
    @Bean
    PasswordEncoder passwords() {
        return new Pbkdf2PasswordEncoder("", 32, 210_000, Pbkdf2PasswordEncoder.SecretKeyFactoryAlgorithm.PBKDF2WithHmacSHA512);
    }

    @Bean
    JdbcUserDetailsManager users(DataSource dataSource) {
        return new JdbcUserDetailsManager(dataSource);
    }
}
