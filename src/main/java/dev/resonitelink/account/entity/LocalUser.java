package dev.resonitelink.account.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * A user of the site, keyed by the container's principal: an account of the built-in sign-in (origin {@code local},
 * with a password hash), or a user of the site's own OpenID Connect provider (origin {@code sso}, no password, the
 * display name and e-mail from the id_token, written at each sign-in). The link code never sees this class, only the
 * container's principal name.
 */
@Entity
@Table(name = "app_user")
@NamedQuery(name = LocalUser.COUNT_MATCHING, query = "select count(u) from LocalUser u where " + LocalUser.MATCHES)
@NamedQuery(name = LocalUser.MATCHING, query = "select u from LocalUser u where " + LocalUser.MATCHES
        + " order by u.username")
public class LocalUser {

    public static final String USER_GROUP = "user";
    /** The group of organizers: granted in the app with local sign-in, from the provider's group claim with SSO. */
    public static final String ORGANIZER_GROUP = "organizer";
    public static final String LOCAL = "local";
    public static final String SSO = "sso";
    public static final String MATCHING = "LocalUser.matching";
    public static final String COUNT_MATCHING = "LocalUser.countMatching";
    /**
     * Users whose local name, linked Resonite username or Resonite id contains {@code :pattern} (a lower-case LIKE
     * pattern), optionally only linked ones.
     */
    static final String MATCHES = "(lower(u.username) like :pattern escape '\\' or lower(u.displayName) like :pattern"
            + " escape '\\' or u.username in (select l.principal"
            + " from AccountLink l where lower(l.username) like :pattern escape '\\' or lower(l.resoniteId) like :pattern"
            + " escape '\\')) and (:linkedOnly = false or u.username in (select k.principal from AccountLink k))";

    @Id
    @Column(name = "username", length = 64)
    private String username;

    @Column(name = "password_hash", length = 512)
    private String passwordHash;

    @Column(name = "origin", nullable = false, length = 16)
    private String origin = LOCAL;

    @Column(name = "display_name", length = 255)
    private String displayName;

    @Column(name = "email", length = 255)
    private String email;

    @Column(name = "last_sign_in_at")
    private Instant lastSignInAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "app_user_group", joinColumns = @JoinColumn(name = "username"))
    @Column(name = "group_name", length = 64)
    private Set<String> groups = new HashSet<>();

    protected LocalUser() {
    }

    public LocalUser(String username, String passwordHash, Instant createdAt) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.createdAt = createdAt;
        this.groups.add(USER_GROUP);
    }

    /** A user of the site's own identity provider, at their first sign-in. */
    public static LocalUser fromSingleSignOn(String principal, Instant at) {
        LocalUser user = new LocalUser(principal, null, at);
        user.origin = SSO;
        return user;
    }

    /** What the identity provider said at this sign-in (the claims may change between sign-ins). */
    public void signedInThroughSso(String displayName, String email, Instant at) {
        this.origin = SSO;
        this.displayName = displayName;
        this.email = email;
        this.lastSignInAt = at;
    }

    /** An account of the built-in sign-in (with a password here). */
    public boolean local() {
        return LOCAL.equals(origin);
    }

    /** The operator migrates this local account to the site's provider: its password stops working at once. */
    public void takenOverBySso() {
        this.origin = SSO;
        this.passwordHash = null;
    }

    public String origin() {
        return origin;
    }

    public String displayName() {
        return displayName;
    }

    public String email() {
        return email;
    }

    public Instant lastSignInAt() {
        return lastSignInAt;
    }

    public String username() {
        return username;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** The password hash; null for a user of the identity provider, who has no password here. */
    public String passwordHash() {
        return passwordHash;
    }

    /** A new hash of the same password (stronger parameters), written at a successful sign-in. */
    public void rehash(String newHash) {
        this.passwordHash = newHash;
    }

    public Set<String> groups() {
        return Set.copyOf(groups);
    }

    public boolean inGroup(String group) {
        return groups.contains(group);
    }

    /** Adds or removes the group; returns whether anything changed. */
    public boolean setGroup(String group, boolean member) {
        return member ? groups.add(group) : groups.remove(group);
    }
}
