package dev.resonitelink.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/**
 * Sign-in as an attacker meets it (OWASP ASVS 2.2, 3.2): guessing one account's password or many accounts' from one
 * address is slowed down with growing delays that every node sees (the counts are in the database), the answer is 429
 * with Retry-After before any password is hashed, and the right password waits too. Each test speaks from its own
 * client address through the trusted-proxy header ({@code resonite-link.trusted-proxies} lists loopback in the test
 * settings), as the nginx in front of a real site would report it.
 */
@Tag("postgres")
class SignInIT extends DeployedApp {

    private static String someAddress() {
        return "198.51.100." + ThreadLocalRandom.current().nextInt(1, 255); // TEST-NET-2, never routed
    }

    private Site from(String address) {
        Site site = Site.anonymous(base);
        site.browser().withHeader("X-Forwarded-For", address);
        return site;
    }

    private static Browser.Page signIn(Site site, String name, String password) {
        Map<String, String> form = site.browser().get(site.at("login")).form("form[action$=/login]");
        form.put("username", name);
        form.put("password", password);
        return site.browser().post(site.at("login"), form);
    }

    @Test
    void guessingOneAccountsPasswordIsSlowedDownAndTheRightPasswordWaitsToo() {
        Site site = from(someAddress());
        String name = "tg" + UUID.randomUUID().toString().substring(0, 8);
        site.signUp(name);
        for (int i = 0; i < 6; i++) {
            assertThat(signIn(site, name, "wrong password " + i).status()).isEqualTo(401);
        }
        Browser.Page throttled = signIn(from(someAddress()), name, Site.PASSWORD);
        assertThat(throttled.status()).as("the right password, right after six wrong ones").isEqualTo(429);
        assertThat(Integer.parseInt(throttled.header("Retry-After"))).isBetween(1, 900);
        assertThat(throttled.document().select("[data-outcome=throttled]")).hasSize(1);
        await("the delay to pass").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500))
                .until(() -> signIn(from(someAddress()), name, Site.PASSWORD).status() == 302);
    }

    @Test
    void manyFailuresFromOneAddressSlowDownThatAddressOnly() {
        String address = "203.0.113." + ThreadLocalRandom.current().nextInt(1, 255);
        Site victim = from(someAddress());
        String name = "ta" + UUID.randomUUID().toString().substring(0, 8);
        victim.signUp(name);
        Site attacker = from(address);
        for (int i = 0; i < 21; i++) {
            assertThat(signIn(attacker, "nobody" + i + UUID.randomUUID().toString().substring(0, 4), "guess " + i).status())
                    .isEqualTo(401);
        }
        assertThat(signIn(from(address), name, Site.PASSWORD).status()).as("from the attacking address").isEqualTo(429);
        assertThat(signIn(from(someAddress()), name, Site.PASSWORD).status()).as("from elsewhere").isEqualTo(302);
    }

    @Test
    void theCsrfTokenIsReplacedAtSignIn() {
        Site site = from(someAddress());
        site.signUp("tc" + UUID.randomUUID().toString().substring(0, 8));
        String before = site.browser().get(site.at("login")).form("form[action$=/login]").get("csrf");
        site.signIn();
        String after = site.account().form("form[action$=/logout]").get("csrf");
        assertThat(after).isNotEqualTo(before);
        Browser.Page stale = site.browser().post(site.at("logout"), Map.of("csrf", before));
        assertThat(stale.status()).as("a token from before sign-in").isEqualTo(403);
    }

    @Test
    void commonAndGuessablePasswordsAreRefusedAtSignUp() {
        Site site = from(someAddress());
        String name = "tw" + UUID.randomUUID().toString().substring(0, 8);
        for (String weak : new String[]{"password1234", "Qwertyuiop", name + "-2026!", "abababababab"}) {
            Map<String, String> form = site.browser().get(site.at("signup")).form("form[action$=/signup]");
            form.put("username", name);
            form.put("password", weak);
            Browser.Page refused = site.browser().post(site.at("signup"), form);
            assertThat(refused.status()).as(weak).isEqualTo(400);
            assertThat(refused.text("[role=alert]")).contains("too common or too easy to guess");
        }
        assertThat(site.signUpIfFree(name)).as("the name is still free").isTrue();
    }

    /** A hash made with older, weaker parameters is replaced by one with today's at the next successful sign-in. */
    @Test
    void anOlderPasswordHashIsUpgradedAtTheNextSignIn() throws Exception {
        Assumptions.assumeTrue(Postgres.enabled(), "needs direct database access: runs in the PostgreSQL execution");
        Site site = from(someAddress());
        String name = "th" + UUID.randomUUID().toString().substring(0, 8);
        site.signUp(name);
        Postgres.update("update app_user set password_hash = '" + oldHash(Site.PASSWORD) + "' where username = '" + name + "'");
        site.signIn();
        assertThat(Postgres.query("select password_hash from app_user where username = '" + name + "'").get(0).get(0))
                .startsWith("PBKDF2WithHmacSHA512:210000:");
    }

    /** What the previous release stored: PBKDF2-HMAC-SHA256, 210,000 iterations, Jakarta Security's encoding. */
    private static String oldHash(String password) throws Exception {
        byte[] salt = new byte[32];
        ThreadLocalRandom.current().nextBytes(salt);
        byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(password.toCharArray(), salt, 210_000, 256)).getEncoded();
        return "PBKDF2WithHmacSHA256:210000:" + Base64.getEncoder().encodeToString(salt) + ":"
                + Base64.getEncoder().encodeToString(hash);
    }
}
