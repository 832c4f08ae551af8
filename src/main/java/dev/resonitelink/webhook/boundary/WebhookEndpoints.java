package dev.resonitelink.webhook.boundary;

import dev.resonitelink.web.Text;
import dev.resonitelink.audit.AuditEntry;
import dev.resonitelink.audit.AuditTrail;
import dev.resonitelink.settings.Settings;
import dev.resonitelink.webhook.control.TargetPolicy;
import dev.resonitelink.webhook.control.WebhookSignatures;
import dev.resonitelink.webhook.entity.WebhookDelivery;
import dev.resonitelink.webhook.entity.WebhookEndpoint;
import dev.resonitelink.webhook.entity.WebhookEventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The webhook endpoints organizers register: the address (checked by {@link TargetPolicy}), a description, the event
 * types, enabled or not, and the signing secret, shown once when made or rotated (after a rotation the previous secret
 * signs too, for {@link #ROTATION_OVERLAP}). Every change is audited under the organizer's name.
 */
@ApplicationScoped
public class WebhookEndpoints {

    public static final Duration ROTATION_OVERLAP = Duration.ofHours(24);
    public static final int MAX_DESCRIPTION = 500;
    public static final int MAX_ENDPOINTS = 50;

    /** A new endpoint and its secret (shown this once), or why it was refused. */
    public record Created(WebhookEndpoint endpoint, String secret, Text problem) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Settings settings;

    @Inject
    AuditTrail audit;

    Clock clock = Clock.systemUTC();

    public TargetPolicy policy() {
        return new TargetPolicy(settings.webhooks().allowLoopback(), settings.webhooks().allowPrivateNetworks());
    }

    @Transactional
    public Created create(String url, String description, Collection<String> types, String organizer,
                          String requestId) {
        Optional<Text> problem = check(url, description, types);
        if (problem.isPresent()) {
            return new Created(null, null, problem.get());
        }
        if (((Number) em.createNativeQuery("select count(*) from webhook_endpoint").getSingleResult()).intValue()
                >= MAX_ENDPOINTS) {
            return new Created(null, null, Text.of("webhook.tooMany", MAX_ENDPOINTS));
        }
        String id = UUID.randomUUID().toString();
        String secret = WebhookSignatures.newSecret();
        em.createNativeQuery("insert into webhook_endpoint (id, url, description, event_types, enabled, secret,"
                        + " created_by, created_at) values (?1, ?2, ?3, ?4, true, ?5, ?6, ?7)")
                .setParameter(1, id).setParameter(2, url.strip()).setParameter(3, description.strip())
                .setParameter(4, String.join(" ", ordered(types))).setParameter(5, secret)
                .setParameter(6, organizer).setParameter(7, Timestamp.from(clock.instant())).executeUpdate();
        audit.recordBy(organizer, organizer, AuditEntry.Action.WEBHOOK, "CREATED " + shortId(id), requestId);
        return new Created(find(id).orElseThrow(), secret, null);
    }

    /** Why these values cannot make an endpoint; empty when they can. */
    public Optional<Text> check(String url, String description, Collection<String> types) {
        Optional<Text> target = policy().refusal(url);
        if (target.isPresent()) {
            return target;
        }
        if (description == null || description.strip().length() > MAX_DESCRIPTION) {
            return Optional.of(Text.of("webhook.description", MAX_DESCRIPTION));
        }
        if (types == null || types.isEmpty() || !types.stream().allMatch(type -> WebhookEventType.ofWire(type)
                .filter(WebhookEventType.subscribable()::contains).isPresent())) {
            return Optional.of(Text.of("webhook.types", String.join(", ",
                    WebhookEventType.subscribable().stream().map(WebhookEventType::wire).toList())));
        }
        return Optional.empty();
    }

    private static List<String> ordered(Collection<String> types) {
        return WebhookEventType.subscribable().stream().map(WebhookEventType::wire).filter(types::contains).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<WebhookEndpoint> all() {
        List<?> rows = em.createNativeQuery("select id, url, description, event_types, enabled, disabled_reason,"
                + " failing_since, previous_secret_until, created_by, created_at from webhook_endpoint"
                + " order by created_at, id").getResultList();
        return rows.stream().map(row -> endpoint((Object[]) row)).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<WebhookEndpoint> find(String id) {
        List<?> rows = em.createNativeQuery("select id, url, description, event_types, enabled, disabled_reason,"
                        + " failing_since, previous_secret_until, created_by, created_at from webhook_endpoint where id = ?1")
                .setParameter(1, id).getResultList();
        return rows.stream().map(row -> endpoint((Object[]) row)).findFirst();
    }

    /** Enables or disables the endpoint; enabling clears its failure record. */
    @Transactional
    public boolean setEnabled(String id, boolean enabled, String organizer, String requestId) {
        int changed = em.createNativeQuery("update webhook_endpoint set enabled = ?2, disabled_reason = null,"
                        + " failing_since = null where id = ?1")
                .setParameter(1, id).setParameter(2, enabled).executeUpdate();
        if (changed == 1) {
            audit.recordBy(organizer, organizer, AuditEntry.Action.WEBHOOK,
                    (enabled ? "ENABLED " : "DISABLED ") + shortId(id), requestId);
        }
        return changed == 1;
    }

    /** A new secret (returned this once); the old one keeps signing for {@link #ROTATION_OVERLAP}. */
    @Transactional
    public Optional<String> rotateSecret(String id, String organizer, String requestId) {
        String secret = WebhookSignatures.newSecret();
        int changed = em.createNativeQuery("update webhook_endpoint set previous_secret = secret,"
                        + " previous_secret_until = ?2, secret = ?3 where id = ?1")
                .setParameter(1, id).setParameter(2, Timestamp.from(clock.instant().plus(ROTATION_OVERLAP)))
                .setParameter(3, secret).executeUpdate();
        if (changed == 0) {
            return Optional.empty();
        }
        audit.recordBy(organizer, organizer, AuditEntry.Action.WEBHOOK, "ROTATED " + shortId(id), requestId);
        return Optional.of(secret);
    }

    /** Deletes the endpoint with its deliveries. */
    @Transactional
    public boolean delete(String id, String organizer, String requestId) {
        int removed = em.createNativeQuery("delete from webhook_endpoint where id = ?1").setParameter(1, id)
                .executeUpdate();
        if (removed == 1) {
            audit.recordBy(organizer, organizer, AuditEntry.Action.WEBHOOK, "DELETED " + shortId(id), requestId);
        }
        return removed == 1;
    }

    /** The secrets that sign now: the current one, and the previous one while its overlap lasts. */
    @Transactional
    public List<String> signingSecrets(String id) {
        List<?> rows = em.createNativeQuery("select secret, previous_secret, previous_secret_until from webhook_endpoint"
                + " where id = ?1").setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            return List.of();
        }
        Object[] row = (Object[]) rows.get(0);
        Instant until = row[2] == null ? null : ((Timestamp) row[2]).toInstant();
        return row[1] != null && until != null && clock.instant().isBefore(until)
                ? List.of((String) row[0], (String) row[1]) : List.of((String) row[0]);
    }

    /** The endpoint's last deliveries, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<WebhookDelivery> lastDeliveries(String endpointId, int max) {
        List<?> rows = em.createNativeQuery("select d.id, d.message_id, m.event_type, d.status, d.attempts,"
                        + " d.last_status_code, d.last_error, d.created_at, d.last_attempt_at, d.next_attempt_at"
                        + " from webhook_delivery d join webhook_message m on m.id = d.message_id where d.endpoint_id = ?1"
                        + " order by d.created_at desc, d.seq desc")
                .setParameter(1, endpointId).setMaxResults(max).getResultList();
        return rows.stream().map(Object[].class::cast)
                .map(r -> new WebhookDelivery((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                        ((Number) r[4]).intValue(), r[5] == null ? null : ((Number) r[5]).intValue(), (String) r[6],
                        instant(r[7]), instant(r[8]), instant(r[9])))
                .toList();
    }

    private static WebhookEndpoint endpoint(Object[] r) {
        return new WebhookEndpoint((String) r[0], (String) r[1], (String) r[2], Arrays.asList(((String) r[3]).split(" ")),
                Boolean.TRUE.equals(r[4]) || (r[4] instanceof Number n && n.intValue() == 1), (String) r[5],
                instant(r[6]), instant(r[7]), (String) r[8], instant(r[9]));
    }

    /** The first 8 characters of an endpoint id, for audit outcomes. */
    static String shortId(String id) {
        return id.length() > 8 ? id.substring(0, 8) : id;
    }

    static Instant instant(Object timestamp) {
        return timestamp == null ? null : ((Timestamp) timestamp).toInstant();
    }
}
