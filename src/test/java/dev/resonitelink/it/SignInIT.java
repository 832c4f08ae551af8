package dev.resonitelink.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

    /**
     * Security round 3, item 1: the throttle was asked before hashing and told after it, so every form sent at the
     * moment a block ended was evaluated. Now each attempt is claimed first and only one of a burst goes ahead.
     */
    @Test
    void aBurstSentTheMomentABlockEndsGetsOneGuessAndTheRightPasswordStillWaits() throws Exception {
        String name = "tb" + UUID.randomUUID().toString().substring(0, 8);
        from(someAddress()).signUp(name);
        for (int i = 0; i < 6; i++) {
            assertThat(signIn(from(someAddress()), name, "wrong password " + i).status()).isEqualTo(401);
        }
        int burst = 12;
        List<Site> attackers = new ArrayList<>();
        List<Map<String, String>> forms = new ArrayList<>();
        for (int i = 0; i < burst; i++) { // forms collected while the account is blocked
            Site attacker = from(someAddress());
            Map<String, String> form = attacker.browser().get(attacker.at("login")).form("form[action$=/login]");
            form.put("username", name);
            form.put("password", "burst guess " + i);
            attackers.add(attacker);
            forms.add(form);
        }
        // the sixth failure blocked the account for 2 s; any probe that passed the block would be the one guess
        await("the block of the sixth failure to end").pollDelay(Duration.ofMillis(2500)).until(() -> true);
        ExecutorService pool = Executors.newFixedThreadPool(burst);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < burst; i++) {
                Site attacker = attackers.get(i);
                Map<String, String> form = forms.get(i);
                answers.add(pool.submit(() -> {
                    go.await();
                    return attacker.browser().post(attacker.at("login"), form).status();
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).as("one guess evaluated at most, the rest refused before hashing")
                    .containsOnly(401, 429).filteredOn(status -> status == 401).hasSizeLessThanOrEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(signIn(from(someAddress()), name, Site.PASSWORD).status())
                .as("the right password, while the burst's block lasts").isEqualTo(429);
        await("the burst's block to end").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
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

    /** Security round 3, item 10: IPv6 addresses were keyed whole, so one /64 had unlimited failures. */
    @Test
    void failuresFromAllOverOneIpv6NetworkCountTogether() {
        String network = "2001:db8:" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1, 0xffff)) + ":7:";
        Site victim = from(someAddress());
        String name = "t6" + UUID.randomUUID().toString().substring(0, 8);
        victim.signUp(name);
        for (int i = 0; i < 21; i++) { // each guess from another address of the same /64
            Site attacker = from(network + Integer.toHexString(i + 1) + "::1");
            assertThat(signIn(attacker, "nobody" + i + UUID.randomUUID().toString().substring(0, 4), "guess " + i).status())
                    .isEqualTo(401);
        }
        assertThat(signIn(from(network + "abcd::42"), name, Site.PASSWORD).status()).as("from the same /64").isEqualTo(429);
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

    /** A hash made with older parameters is replaced by one with the configured ones at the next successful sign-in. */
    @Test
    void anOlderPasswordHashIsUpgradedAtTheNextSignIn() throws Exception {
        Assumptions.assumeTrue(Postgres.enabled(), "needs direct database access: runs in the PostgreSQL execution");
        Site site = from(someAddress());
        String name = "th" + UUID.randomUUID().toString().substring(0, 8);
        site.signUp(name);
        Postgres.update("update app_user set password_hash = '" + oldHash(Site.PASSWORD) + "' where username = '" + name + "'");
        site.signIn();
        assertThat(Postgres.query("select password_hash from app_user where username = '" + name + "'").get(0).get(0))
                .startsWith("PBKDF2WithHmacSHA512:" + Integer.getInteger("it.password.hash-iterations") + ":");
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
