package dev.resonitelink.organizer.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resonitelink.account.entity.LocalUser;
import dev.resonitelink.audit.TestAuditTrails;
import dev.resonitelink.organizer.boundary.OrganizerGrants.Result;
import dev.resonitelink.settings.Setting;
import dev.resonitelink.settings.Settings;
import dev.resonitelink.settings.TestSettings;
import dev.resonitelink.testing.TestDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who becomes an organizer, and how the one-time bootstrap code is guarded, on a real database. */
class OrganizerGrantsTest {

    private static final String CODE = "ABCD-EFGH-JKLM-NPQR-STUV-WXYZ";

    private TestDatabase db;
    private OrganizerGrants grants;

    @BeforeEach
    void setUp() {
        db = new TestDatabase();
        grants = grants(TestSettings.defaults());
        for (String name : List.of("ada", "grace", "linus")) {
            db.inTransaction(() -> db.entityManager().persist(new LocalUser(name, "hash", Instant.now())));
        }
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private OrganizerGrants grants(Settings settings) {
        OrganizerGrants bean = new OrganizerGrants();
        bean.em = db.entityManager();
        bean.audit = TestAuditTrails.writingTo(db.entityManager());
        bean.settings = settings;
        return bean;
    }

    /** Each public method is {@code @Transactional}: called here as the container would, in a transaction. */
    private Result claim(String principal, String code) {
        return db.inTransaction(() -> grants.claim(principal, code, "req-1"));
    }

    private boolean organizer(String name) {
        return db.inTransaction(() -> grants.isOrganizer(name));
    }

    private List<List<String>> audit() {
        return db.query("select actor, principal, action, outcome from link_audit");
    }

    @Test
    void theBootstrapCodeMakesItsHolderAnOrganizerOnceAndIsAudited() {
        assertThat(db.inTransaction(() -> grants.offerBootstrapCode(CODE))).as("a configured code is not logged").isNull();
        assertThat(claim("ada", " abcd-efgh-jklm-nprq-stuv-wxyz ")).as("a wrong code").isEqualTo(Result.WRONG_CODE);
        assertThat(claim("ada", " abcd-efgh-jklm-npqr-stuv-wxyz ")).as("any case, spaces around").isEqualTo(Result.DONE);
        assertThat(organizer("ada")).isTrue();
        assertThat(audit()).containsExactly(List.of(OrganizerGrants.BY_BOOTSTRAP_CODE, "ada", "ORGANIZER_GRANT", "GRANTED"));
        assertThat(claim("grace", CODE)).as("used up").isEqualTo(Result.NO_CODE_PENDING);
        assertThat(organizer("grace")).isFalse();
    }

    @Test
    void fiveWrongCodesWithdrawIt() {
        db.inTransaction(() -> grants.offerBootstrapCode(CODE));
        for (int i = 0; i < OrganizerGrants.MAX_CODE_FAILURES; i++) {
            assertThat(claim("ada", "WRONG-" + i)).isEqualTo(Result.WRONG_CODE);
        }
        assertThat(claim("ada", CODE)).as("the right code, too late").isEqualTo(Result.NO_CODE_PENDING);
        assertThat(db.query("select count(*) from organizer_bootstrap")).containsExactly(List.of("0"));
        assertThat(organizer("ada")).isFalse();
    }

    @Test
    void parallelGuessesAreEachCountedSoNoMoreThanFiveAreEverCompared() throws Exception {
        db.inTransaction(() -> grants.offerBootstrapCode(CODE));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Result>> results = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String guess = "GUESS-" + i;
            results.add(pool.submit(() -> {
                go.await();
                return claim("linus", guess);
            }));
        }
        go.countDown();
        List<Result> outcomes = new ArrayList<>();
        for (Future<Result> result : results) {
            outcomes.add(result.get());
        }
        pool.shutdown();
        assertThat(outcomes).filteredOn(Result.WRONG_CODE::equals).hasSize(OrganizerGrants.MAX_CODE_FAILURES);
        assertThat(outcomes).filteredOn(Result.NO_CODE_PENDING::equals).hasSize(12 - OrganizerGrants.MAX_CODE_FAILURES);
        assertThat(claim("linus", CODE)).isEqualTo(Result.NO_CODE_PENDING);
    }

    @Test
    void aNewRandomCodeIsOfferedOnlyWhileThereIsNoOrganizer() {
        String code = db.inTransaction(() -> grants.offerBootstrapCode(null));
        assertThat(code).matches("([A-HJ-NP-Z2-9]{4}-){5}[A-HJ-NP-Z2-9]{4}");
        String second = db.inTransaction(() -> grants.offerBootstrapCode(null));
        assertThat(second).as("a restart replaces it").isNotEqualTo(code);
        assertThat(claim("ada", code)).as("the replaced one").isEqualTo(Result.WRONG_CODE);
        assertThat(claim("ada", second)).isEqualTo(Result.DONE);
        assertThat(db.inTransaction(() -> grants.offerBootstrapCode(null))).as("an organizer exists").isNull();
        assertThat(db.query("select count(*) from organizer_bootstrap")).containsExactly(List.of("0"));
    }

    @Test
    void anOrganizerGrantsAndRevokesOthersButNeverThemselvesAndEachChangeIsAudited() {
        db.inTransaction(() -> grants.applyConfigured(List.of("ada"), "req-0"));
        assertThat(db.inTransaction(() -> grants.change("ada", "grace", true, "req-2"))).isEqualTo(Result.DONE);
        assertThat(db.inTransaction(() -> grants.change("ada", "grace", true, "req-3"))).isEqualTo(Result.UNCHANGED);
        assertThat(db.inTransaction(() -> grants.change("ada", "ada", false, "req-4"))).isEqualTo(Result.NOT_YOURSELF);
        assertThat(db.inTransaction(() -> grants.change("ada", "nobody", true, "req-5"))).isEqualTo(Result.NO_SUCH_ACCOUNT);
        assertThat(db.inTransaction(() -> grants.change("grace", "ada", false, "req-6"))).isEqualTo(Result.DONE);
        assertThat(organizer("ada")).isFalse();
        assertThat(organizer("grace")).isTrue();
        assertThat(audit()).containsExactlyInAnyOrder(
                List.of(OrganizerGrants.BY_CONFIGURATION, "ada", "ORGANIZER_GRANT", "GRANTED"),
                List.of("ada", "grace", "ORGANIZER_GRANT", "GRANTED"),
                List.of("grace", "ada", "ORGANIZER_REVOKE", "REVOKED"));
    }

    @Test
    void configuredNamesThatAreNoAccountAreReportedAndNothingIsMadeUp() {
        assertThat(db.inTransaction(() -> grants.applyConfigured(List.of("grace", "ghost"), "req-0")))
                .containsExactly("ghost");
        assertThat(organizer("grace")).isTrue();
        assertThat(db.query("select count(*) from app_user where username = 'ghost'")).containsExactly(List.of("0"));
    }

    @Test
    void withSingleSignOnTheProvidersGroupsDecideAndNothingHereChangesThem() {
        Map<String, String> values = TestSettings.valid();
        values.put(Setting.SIGN_IN.key(), "oidc");
        values.put(Setting.SSO_ISSUER.key(), "https://idp.example/");
        values.put(Setting.SSO_CLIENT_ID.key(), "site");
        values.put(Setting.SSO_CLIENT_SECRET.key(), "site-s3cret");
        values.put(Setting.SSO_REDIRECT_URI.key(), "https://events.example/resonite-link/sso/callback");
        grants = grants(TestSettings.with(values));
        db.inTransaction(() -> grants.offerBootstrapCode(CODE));
        assertThat(db.inTransaction(() -> grants.change("ada", "grace", true, "req-1"))).isEqualTo(Result.FROM_IDENTITY_PROVIDER);
        assertThat(claim("ada", CODE)).isEqualTo(Result.FROM_IDENTITY_PROVIDER);
        assertThat(organizer("ada")).isFalse();
        assertThat(organizer("grace")).isFalse();
        assertThat(audit()).isEmpty();
    }
}
