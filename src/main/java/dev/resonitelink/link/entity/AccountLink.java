package dev.resonitelink.link.entity;

import dev.resonitelink.ResoniteUserId;
import dev.resonitelink.oauth.entity.ResoniteProfile;
import dev.resonitelink.sealing.SealedToken;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The link between one local account (the container's principal name) and one Resonite account.
 * Both sides are unique in the database: a local user has at most one Resonite account, and a Resonite
 * account is linked to at most one local user. Keyed by the provider and Resonite's stable user id, never by
 * username or e-mail.
 */
@Entity
@Table(name = "account_link")
@NamedQuery(name = AccountLink.BY_PRINCIPAL, query = "select l from AccountLink l where l.principal = :principal")
@NamedQuery(name = AccountLink.STALE_REFRESHABLE, query = "select l from AccountLink l where l.refreshToken is not null"
        + " and l.needsReconsent = false and l.refreshedAt < :cutoff order by l.refreshedAt")
@NamedQuery(name = AccountLink.BY_PRINCIPALS, query = "select l from AccountLink l where l.principal in :principals")
@NamedQuery(name = AccountLink.BY_RESONITE_ID,
        query = "select l from AccountLink l where l.provider = :provider and l.resoniteId = :resoniteId")
public class AccountLink {

    public static final String BY_PRINCIPAL = "AccountLink.byPrincipal";
    public static final String BY_RESONITE_ID = "AccountLink.byResoniteId";
    public static final String BY_PRINCIPALS = "AccountLink.byPrincipals";
    public static final String STALE_REFRESHABLE = "AccountLink.staleRefreshable";
    public static final String RESONITE = "resonite";

    /** Assigned here, not by the database, so no provider- or database-specific id generation is involved. */
    @Id
    @Column(name = "id", length = 36)
    private String id = UUID.randomUUID().toString();

    @Column(name = "principal", nullable = false, unique = true, length = 255)
    private String principal;

    @Column(name = "provider", nullable = false, length = 32)
    private String provider = RESONITE;

    @Column(name = "resonite_id", nullable = false, length = 128)
    private String resoniteId;

    @Column(name = "username", nullable = false, length = 512)
    private String username;

    @Column(name = "icon_url", length = 1024)
    private String iconUrl;

    @Column(name = "email", length = 512)
    private String email;

    @Column(name = "patreon_active")
    private Boolean patreonActive;

    @Column(name = "patreon_months")
    private Integer patreonMonths;

    @Column(name = "patreon_tier_cents")
    private Integer patreonTierCents;

    @Column(name = "scopes", nullable = false, length = 255)
    private String scopes;

    @Column(name = "linked_at", nullable = false)
    private Instant linkedAt;

    @Column(name = "refreshed_at", nullable = false)
    private Instant refreshedAt;

    /** The refresh token, sealed by {@code TokenCipher}; never in clear. */
    @Column(name = "refresh_token", length = 4096)
    private String refreshToken;

    @Column(name = "needs_reconsent", nullable = false)
    private boolean needsReconsent;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected AccountLink() {
    }

    public AccountLink(String principal, ResoniteProfile profile, Instant now) {
        this.principal = principal;
        this.linkedAt = now;
        update(profile, now);
    }

    /** Takes the profile's current state; called again when the user re-links. */
    public void update(ResoniteProfile profile, Instant now) {
        if (!profile.id().value().equals(resoniteId)) {
            this.linkedAt = now;
        }
        this.resoniteId = profile.id().value();
        this.username = profile.username();
        this.iconUrl = profile.iconUrl();
        this.email = profile.email();
        this.patreonActive = profile.patreon() == null ? null : profile.patreon().activeSupporter();
        this.patreonMonths = profile.patreon() == null ? null : profile.patreon().totalSupportMonths();
        this.patreonTierCents = profile.patreon() == null ? null : profile.patreon().lastTierCents();
        this.scopes = String.join(" ", new TreeSet<>(profile.grantedScopes()));
        this.refreshedAt = now;
    }

    /** Keeps a new sealed refresh token (null: none was granted), and the link is in good standing again. */
    public void keepRefreshToken(String sealed) {
        this.refreshToken = sealed;
        this.needsReconsent = false;
    }

    /** Resonite no longer honours the refresh token: the user has to consent again. */
    public void markNeedsReconsent() {
        this.refreshToken = null;
        this.needsReconsent = true;
    }

    /** The sealed refresh token this link keeps, with whose grant it is; empty when it keeps none. */
    public Optional<StoredToken> storedToken() {
        return refreshToken == null ? Optional.empty()
                : Optional.of(new StoredToken(new SealedToken(refreshToken), new ResoniteUserId(resoniteId)));
    }

    public String refreshToken() {
        return refreshToken;
    }

    public boolean needsReconsent() {
        return needsReconsent;
    }

    public String principal() {
        return principal;
    }

    public String provider() {
        return provider;
    }

    public String resoniteId() {
        return resoniteId;
    }

    public String username() {
        return username;
    }

    public String iconUrl() {
        return iconUrl;
    }

    public String email() {
        return email;
    }

    public Boolean patreonActive() {
        return patreonActive;
    }

    public Integer patreonMonths() {
        return patreonMonths;
    }

    public Integer patreonTierCents() {
        return patreonTierCents;
    }

    public Set<String> scopes() {
        return new TreeSet<>(Arrays.asList(scopes.split(" ")));
    }

    public Instant linkedAt() {
        return linkedAt;
    }

    public Instant refreshedAt() {
        return refreshedAt;
    }
}
