package dev.resonitelink.peer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.HtmlUtils;

/** The peer's pages: sign-up, sign-in form, account page with the link button, and the end of the link flow. */
@RestController
public class LinkController {

    private final JdbcTemplate jdbc;
    private final JdbcUserDetailsManager users;
    private final PasswordEncoder passwords;
    private final OAuth2AuthorizedClientRepository authorizedClients;
    private final RestClient rest;

    public LinkController(JdbcTemplate jdbc, JdbcUserDetailsManager users, PasswordEncoder passwords,
                          OAuth2AuthorizedClientRepository authorizedClients, RestClient.Builder rest) {
        this.jdbc = jdbc;
        this.users = users;
        this.passwords = passwords;
        this.authorizedClients = authorizedClients;
        this.rest = rest.build();
    }

    @GetMapping(value = "/signup", produces = MediaType.TEXT_HTML_VALUE)
    public String signUpForm(CsrfToken csrf) {
        return page("Sign up", form("/resonite-link/signup", csrf, "Sign up"));
    }

    @PostMapping("/signup")
    public void signUp(@RequestParam String username, @RequestParam String password, HttpServletResponse response)
            throws java.io.IOException {
        if (username.length() > 50 || users.userExists(username)) {
            response.sendError(409);
            return;
        }
        users.createUser(User.withUsername(username).password(passwords.encode(password)).roles("USER").build());
        response.sendRedirect("/resonite-link/login");
    }

    @GetMapping(value = "/login", produces = MediaType.TEXT_HTML_VALUE)
    public String signInForm(CsrfToken csrf) {
        return page("Sign in", form("/resonite-link/login", csrf, "Sign in"));
    }

    @GetMapping(value = "/account", produces = MediaType.TEXT_HTML_VALUE)
    public String account(Authentication user, CsrfToken csrf) {
        List<String> linked = jdbc.queryForList("SELECT resonite_id FROM account_link WHERE username = ?",
                String.class, user.getName());
        return page("Your account", "<p>Signed in as " + HtmlUtils.htmlEscape(user.getName()) + "</p>"
                + (linked.isEmpty() ? "<p>No Resonite account linked.</p>"
                        : "<p>Resonite account: <span id=\"resonite-id\">" + HtmlUtils.htmlEscape(linked.get(0))
                                + "</span></p>")
                + "<form method=\"post\" action=\"/resonite-link/oauth/start/resonite\">"
                + "<input type=\"hidden\" name=\"csrf\" value=\"" + csrf.getToken() + "\">"
                + "<button>Link Resonite account</button></form>");
    }

    /**
     * Where Spring Security's code grant filter sends the browser once it has redeemed the code: the profile with
     * the access token, then one insert of the link (keyed by the Resonite id), and the token given up.
     */
    @GetMapping("/oauth/callback")
    public void linked(@RegisteredOAuth2AuthorizedClient("resonite") OAuth2AuthorizedClient client,
                       Authentication user, HttpServletRequest request, HttpServletResponse response)
            throws java.io.IOException {
        Map<String, Object> profile = rest.get()
                .uri(client.getClientRegistration().getProviderDetails().getUserInfoEndpoint().getUri())
                .headers(h -> h.setBearerAuth(client.getAccessToken().getTokenValue()))
                .retrieve().body(new ParameterizedTypeReference<>() {
                });
        String outcome = "linked";
        try {
            jdbc.update("MERGE INTO account_link (username, resonite_id, resonite_username, email, refresh_token,"
                            + " linked_at) KEY (username) VALUES (?, ?, ?, ?, ?, ?)", user.getName(), profile.get("id"),
                    profile.get("username"), profile.get("email"),
                    client.getRefreshToken() == null ? null : client.getRefreshToken().getTokenValue(),
                    Timestamp.from(Instant.now()));
        } catch (DuplicateKeyException e) {
            outcome = "already-linked";
        }
        authorizedClients.removeAuthorizedClient("resonite", user, request, response);
        response.sendRedirect("/resonite-link/account?" + outcome);
    }

    private static String form(String action, CsrfToken csrf, String button) {
        return "<form method=\"post\" action=\"" + action + "\">"
                + "<input type=\"hidden\" name=\"csrf\" value=\"" + csrf.getToken() + "\">"
                + "<label>Name <input name=\"username\"></label><label>Password <input type=\"password\""
                + " name=\"password\"></label><button>" + button + "</button></form>";
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title + "</title></head><body><h1>"
                + title + "</h1>" + body + "</body></html>";
    }
}
