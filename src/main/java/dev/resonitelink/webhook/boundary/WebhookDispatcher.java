package dev.resonitelink.webhook.boundary;

import dev.resonitelink.audit.AuditEntry;
import dev.resonitelink.audit.AuditTrail;
import dev.resonitelink.ops.control.FlowMetrics;
import dev.resonitelink.settings.Settings;
import dev.resonitelink.webhook.control.TargetPolicy;
import dev.resonitelink.webhook.control.WebhookSender;
import dev.resonitelink.webhook.control.WebhookSignatures;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers the outbox. Every node looks for due deliveries every {@code resonite-link.webhooks.poll-interval-ms}; a
 * node claims each attempt with one conditional update (pending, this attempt number, no live claim), so exactly one
 * node sends it. A user's later event to an endpoint waits until the earlier ones have ended. A failed attempt is
 * retried after the next of {@code resonite-link.webhooks.retry-delays-seconds} (±20 % at random, so receivers that
 * come back are not hit by every node's backlog at once); after the last the delivery is marked failed. An endpoint
 * failing without a single success for {@code resonite-link.webhooks.disable-after-days} is disabled and audited. A
 * node that dies mid-attempt leaves a claim that expires; another node then sends the attempt again with the same
 * {@code webhook-id}, so a receiver can drop the duplicate.
 */
@ApplicationScoped
public class WebhookDispatcher {

    static final String NODE = UUID.randomUUID().toString();
    static final int BATCH = 25;
    static final String BY_DISPATCHER = "(webhook delivery)";
    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class.getName());
    private final dev.resonitelink.ops.control.BoundedLog failures = new dev.resonitelink.ops.control.BoundedLog(LOG, 6);

    /**
     * An attempt this node claimed: what to send where. Public: a bean method taking a package-private type is not
     * intercepted by Weld on Payara (its proxy lives in another class loader), so {@code record} would run without
     * its transaction.
     */
    public record Claimed(String deliveryId, int attempt, String messageId, String payload, Instant createdAt,
                   String endpointId, String url) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Settings settings;

    @Inject
    WebhookEndpoints endpoints;

    @Inject
    AuditTrail audit;

    @Inject
    FlowMetrics metrics;

    @Inject
    WebhookDispatcher self;

    @Resource
    ManagedScheduledExecutorService scheduler;

    Clock clock = Clock.systemUTC();
    String node = NODE;
    WebhookSender sender;
    private ScheduledFuture<?> runs;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        long millis = settings.webhooks().pollInterval().toMillis();
        // the first look once the application has started
        runs = scheduler.scheduleWithFixedDelay(this::run, Math.max(millis, 2000), millis, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (runs != null) {
            runs.cancel(false);
        }
    }

    void run() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            failures.log(Level.WARNING, "webhook delivery run failed: " + e.getClass().getSimpleName());
        }
    }

    /** One look at the outbox: sends what is due and this node could claim; returns how many attempts it made. */
    public int runOnce() {
        int attempts = 0;
        for (Object[] due : self.due()) {
            Optional<Claimed> claimed = self.claim((String) due[0], ((Number) due[1]).intValue());
            if (claimed.isPresent()) {
                attempt(claimed.get());
                attempts++;
            }
        }
        Queue queue = self.queue();
        metrics.webhookQueue(queue.pending(), queue.oldestAgeSeconds());
        return attempts;
    }

    private void attempt(Claimed claimed) {
        Optional<dev.resonitelink.web.Text> refused = endpoints.policy().refusal(claimed.url());
        WebhookSender.Attempt result;
        if (refused.isPresent()) { // kept with the delivery for the operators, in the site's default language
            result = new WebhookSender.Attempt(0, "target refused: "
                    + dev.resonitelink.web.Texts.of(java.util.Locale.ENGLISH).get(refused.get()));

        } else {
            List<String> secrets = endpoints.signingSecrets(claimed.endpointId());
            result = sender().send(URI.create(claimed.url()), WebhookSignatures.headers(claimed.messageId(),
                    clock.instant().getEpochSecond(), claimed.payload(), secrets), claimed.payload());
        }
        metrics.webhookDelivery(result.delivered() ? "delivered" : "failed"); // counted before the outcome is visible
        self.record(claimed, result);
    }

    private WebhookSender sender() {
        if (sender == null) {
            sender = new WebhookSender(settings.webhooks().timeout());
        }
        return sender;
    }

    /**
     * Due deliveries of enabled endpoints that no earlier event of the same user holds back: id and attempts. (The
     * reads of this job run in transactions too: on Payara an entity manager used without one on a managed
     * executor's thread is closed under the next run.)
     */
    @Transactional
    public List<Object[]> due() {
        Timestamp now = Timestamp.from(clock.instant());
        return em.createNativeQuery("select d.id, d.attempts from webhook_delivery d join webhook_endpoint w"
                        + " on w.id = d.endpoint_id where w.enabled = true and d.status = 'PENDING'"
                        + " and d.next_attempt_at <= ?1 and (d.claimed_until is null or d.claimed_until < ?1)"
                        + " and not exists (select 1 from webhook_delivery e where e.endpoint_id = d.endpoint_id"
                        + " and e.subject = d.subject and e.status = 'PENDING' and e.seq < d.seq)"
                        + " order by d.next_attempt_at, d.seq")
                .setParameter(1, now).setMaxResults(BATCH).getResultList().stream().map(row -> (Object[]) row).toList();
    }

    /** Claims the attempt for this node, if no node has it: the database decides between nodes. */
    @Transactional
    public Optional<Claimed> claim(String deliveryId, int attempts) {
        Instant now = clock.instant();
        Duration hold = settings.webhooks().timeout().multipliedBy(2).plusSeconds(30);
        int claimed = em.createNativeQuery("update webhook_delivery set claimed_by = ?1, claimed_until = ?2"
                        + " where id = ?3 and status = 'PENDING' and attempts = ?4"
                        + " and (claimed_until is null or claimed_until < ?5)")
                .setParameter(1, node).setParameter(2, Timestamp.from(now.plus(hold))).setParameter(3, deliveryId)
                .setParameter(4, attempts).setParameter(5, Timestamp.from(now)).executeUpdate();
        if (claimed == 0) {
            return Optional.empty();
        }
        Object[] row = (Object[]) em.createNativeQuery("select m.id, m.payload, m.created_at, w.id, w.url"
                        + " from webhook_delivery d join webhook_message m on m.id = d.message_id"
                        + " join webhook_endpoint w on w.id = d.endpoint_id where d.id = ?1")
                .setParameter(1, deliveryId).getSingleResult();
        return Optional.of(new Claimed(deliveryId, attempts + 1, (String) row[0], (String) row[1],
                ((Timestamp) row[2]).toInstant(), (String) row[3], (String) row[4]));
    }

    /** Writes how the attempt ended; a delivery that ended lets the user's next event go, and forgets the user. */
    @Transactional
    public void record(Claimed claimed, WebhookSender.Attempt result) {
        Instant now = clock.instant();
        List<Duration> delays = settings.webhooks().retryDelays();
        boolean ended = result.delivered() || claimed.attempt() > delays.size();
        String status = result.delivered() ? "DELIVERED" : ended ? "FAILED" : "PENDING";
        Instant next = ended ? now : now.plus(jitter(delays.get(claimed.attempt() - 1)));
        String error = result.error() == null ? null
                : result.error().substring(0, Math.min(200, result.error().length()));
        em.createNativeQuery("update webhook_delivery set status = ?2, attempts = ?3, next_attempt_at = ?4,"
                        + " last_attempt_at = ?5, last_status_code = ?6, last_error = ?7, claimed_by = null,"
                        + " claimed_until = null, ended_at = " + (ended ? "?5" : "null")
                        + (ended ? ", subject = null" : "") + " where id = ?1 and claimed_by = ?8")
                .setParameter(1, claimed.deliveryId()).setParameter(2, status).setParameter(3, claimed.attempt())
                .setParameter(4, Timestamp.from(next)).setParameter(5, Timestamp.from(now))
                .setParameter(6, result.status()).setParameter(7, error == null ? "" : error).setParameter(8, node)
                .executeUpdate();
        if (ended) {
            // a message whose deliveries have all ended keeps no payload (it names the user)
            em.createNativeQuery("update webhook_message set payload = null where id = ?1 and not exists"
                            + " (select 1 from webhook_delivery d where d.message_id = ?1 and d.status = 'PENDING')")
                    .setParameter(1, claimed.messageId()).executeUpdate();
        }
        if (result.delivered()) {
            em.createNativeQuery("update webhook_endpoint set failing_since = null where id = ?1 and failing_since"
                    + " is not null").setParameter(1, claimed.endpointId()).executeUpdate();
            return;
        }
        em.createNativeQuery("update webhook_endpoint set failing_since = ?2 where id = ?1 and failing_since is null")
                .setParameter(1, claimed.endpointId()).setParameter(2, Timestamp.from(now)).executeUpdate();
        int disabled = em.createNativeQuery("update webhook_endpoint set enabled = false, disabled_reason = ?3"
                        + " where id = ?1 and enabled = true and failing_since < ?2")
                .setParameter(1, claimed.endpointId())
                .setParameter(2, Timestamp.from(now.minus(settings.webhooks().disableAfter())))
                .setParameter(3, "failing since more than " + settings.webhooks().disableAfter().toDays() + " days")
                .executeUpdate();
        if (disabled == 1) {
            audit.recordBy(BY_DISPATCHER, BY_DISPATCHER, AuditEntry.Action.WEBHOOK,
                    "DISABLED_FAILING " + WebhookEndpoints.shortId(claimed.endpointId()), "webhooks");
            LOG.warning(() -> "webhook endpoint " + claimed.endpointId() + " disabled: failing for more than "
                    + settings.webhooks().disableAfter().toDays() + " days");
        }
    }

    /** ±20 %: receivers coming back are not hit by every retry at the same moment. */
    static Duration jitter(Duration delay) {
        long millis = delay.toMillis();
        long spread = millis / 5;
        return Duration.ofMillis(spread == 0 ? millis : millis - spread + ThreadLocalRandom.current().nextLong(2 * spread + 1));
    }

    /** The outbox as the metrics show it: deliveries pending, and how old the oldest is. */
    public record Queue(long pending, long oldestAgeSeconds) {
    }

    /** Both figures in one query, once per run of every node. */
    @Transactional
    public Queue queue() {
        Object[] row = (Object[]) em.createNativeQuery("select count(*), min(created_at) from webhook_delivery"
                + " where status = 'PENDING'").getSingleResult();
        long age = row[1] == null ? 0
                : Math.max(0, Duration.between(((Timestamp) row[1]).toInstant(), clock.instant()).toSeconds());
        return new Queue(((Number) row[0]).longValue(), age);
    }
}
