package dev.resonitelink.organizer.boundary;

import dev.resonitelink.account.entity.LocalUser;
import dev.resonitelink.audit.AuditTrail;
import dev.resonitelink.audit.AuditEntry;
import dev.resonitelink.settings.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.logging.Logger;

/**
 * Who is an organizer, kept in the database as the site user's {@code organizer} group and never derived from a
 * name. With single sign-on ({@code resonite-link.sign-in=oidc}) the provider's group claim decides at each sign-in
 * ({@code account/boundary/SiteUsers}) and nothing here changes it; with local sign-in, an organizer grants and revokes the rights of existing accounts, the configuration can name existing
 * accounts (applied at startup), and the first organizer claims the rights with a one-time code that only the
 * operator sees (the server log, or {@code resonite-link.organizer-bootstrap-code}). Every grant and revocation is
 * in the audit trail, with who did it. The application checks this table on every organizer request
 * ({@link OrganizerAccessFilter}), so a grant or revocation takes effect at once and the container's role cache
 * (and Payara 6's role race, payara/Payara#6145) play no part.
 */
@ApplicationScoped
public class OrganizerGrants {

    public static final String ORGANIZER = LocalUser.ORGANIZER_GROUP;
    static final String BY_CONFIGURATION = "(configuration)";
    static final String BY_BOOTSTRAP_CODE = "(bootstrap code)";
    static final int MAX_CODE_FAILURES = 5;
    private static final Logger LOG = Logger.getLogger(OrganizerGrants.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    Settings settings;

    Clock clock = Clock.systemUTC();

    /** How a grant, revocation or claim ended. */
    public enum Result { DONE, UNCHANGED, NO_SUCH_ACCOUNT, NOT_YOURSELF, NO_CODE_PENDING, WRONG_CODE, FROM_IDENTITY_PROVIDER }

    /** In a transaction of its own (or the caller's), so its pooled connection is always given back at the end. */
    @Transactional
    public boolean isOrganizer(String principal) {
        return principal != null && ((Number) em.createNativeQuery(
                        "select count(*) from app_user_group where username = ?1 and group_name = ?2")
                .setParameter(1, principal).setParameter(2, ORGANIZER).getSingleResult()).longValue() > 0;
    }

    @Transactional
    public long organizerCount() {
        return ((Number) em.createNativeQuery("select count(*) from app_user_group where group_name = ?1")
                .setParameter(1, ORGANIZER).getSingleResult()).longValue();
    }

    /** An organizer gives or takes the rights of another existing account. */
    @Transactional
    public Result change(String actor, String target, boolean organizer, String requestId) {
        if (settings.signIn().oidc()) {
            return Result.FROM_IDENTITY_PROVIDER; // the provider's group claim decides, at every sign-in
        }
        if (actor.equals(target) && !organizer) {
            return Result.NOT_YOURSELF; // an organizer never locks the last way in out by accident
        }
        return set(actor, target, organizer, requestId);
    }

    /** The configuration names existing accounts: they are organizers from this start on. Returns the names that do not exist. */
    @Transactional
    public List<String> applyConfigured(List<String> names, String requestId) {
        return names.stream().filter(name -> set(BY_CONFIGURATION, name, true, requestId) == Result.NO_SUCH_ACCOUNT)
                .toList();
    }

    /**
     * The signed-in {@code principal} presents the bootstrap code. The attempt is counted before the code is compared,
     * in one conditional update that also holds the row until this transaction ends: parallel guesses wait for each
     * other and each one counts, so no more than {@value #MAX_CODE_FAILURES} are ever compared.
     */
    @Transactional
    public Result claim(String principal, String code, String requestId) {
        if (settings.signIn().oidc()) {
            return Result.FROM_IDENTITY_PROVIDER;
        }
        int counted = em.createNativeQuery("update organizer_bootstrap set failures = failures + 1"
                + " where id = 1 and failures < ?1").setParameter(1, MAX_CODE_FAILURES).executeUpdate();
        Object[] pending = counted == 1 ? pendingCode() : null;
        if (pending == null) {
            return Result.NO_CODE_PENDING;
        }
        if (code == null || !MessageDigest.isEqual(hash(code.trim()).getBytes(StandardCharsets.US_ASCII),
                ((String) pending[0]).getBytes(StandardCharsets.US_ASCII))) {
            int failures = ((Number) pending[1]).intValue();
            if (failures >= MAX_CODE_FAILURES) {
                em.createNativeQuery("delete from organizer_bootstrap where id = 1").executeUpdate();
                LOG.warning("organizer bootstrap code withdrawn after " + failures + " wrong attempts (the last by "
                        + principal + "); restart the application for a new one");
            }
            return Result.WRONG_CODE;
        }
        em.createNativeQuery("delete from organizer_bootstrap where id = 1").executeUpdate();
        set(BY_BOOTSTRAP_CODE, principal, true, requestId);
        return Result.DONE;
    }

    /**
     * Makes sure a code is pending while nobody is an organizer: the configured one, or a new random one that is
     * returned (to be logged once) and replaces any earlier one. Returns null when no new code was made.
     */
    @Transactional
    public String offerBootstrapCode(String configuredCode) {
        if (organizerCount() > 0) {
            em.createNativeQuery("delete from organizer_bootstrap").executeUpdate();
            return null;
        }
        String code = configuredCode != null ? configuredCode : newCode();
        em.createNativeQuery("delete from organizer_bootstrap").executeUpdate();
        em.createNativeQuery("insert into organizer_bootstrap (id, code_hash, created_at, failures) values (1, ?1, ?2, 0)")
                .setParameter(1, hash(code)).setParameter(2, java.sql.Timestamp.from(clock.instant())).executeUpdate();
        return configuredCode != null ? null : code;
    }

    private Result set(String actor, String target, boolean organizer, String requestId) {
        LocalUser user = target == null ? null : em.find(LocalUser.class, target);
        if (user == null) {
            return Result.NO_SUCH_ACCOUNT;
        }
        if (!user.setGroup(ORGANIZER, organizer)) {
            return Result.UNCHANGED;
        }
        audit.recordBy(actor, target, organizer ? AuditEntry.Action.ORGANIZER_GRANT : AuditEntry.Action.ORGANIZER_REVOKE,
                organizer ? "GRANTED" : "REVOKED", requestId);
        return Result.DONE;
    }

    private Object[] pendingCode() {
        List<?> rows = em.createNativeQuery("select code_hash, failures from organizer_bootstrap where id = 1")
                .getResultList();
        return rows.isEmpty() ? null : (Object[]) rows.get(0);
    }

    private static String newCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }

    static String hash(String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(code.toUpperCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
