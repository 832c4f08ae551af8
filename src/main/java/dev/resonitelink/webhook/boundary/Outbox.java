package dev.resonitelink.webhook.boundary;

import dev.resonitelink.webhook.entity.WebhookEventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The webhook outbox: a change that other services hear about publishes its event here, in the change's own
 * transaction, so the change and its event are stored together or not at all. The message goes to every enabled
 * endpoint that subscribes to its type (one delivery each); with none, nothing is written. Each user's events are
 * numbered in commit order ({@code webhook_subject}), and {@link WebhookDispatcher} delivers them to an endpoint in
 * that order.
 */
@ApplicationScoped
public class Outbox {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    @PersistenceContext
    EntityManager em;

    @Inject
    Outbox self;

    Clock clock = Clock.systemUTC();

    /**
     * Publishes an event about {@code subject} (the site user it concerns; their events keep their order) with
     * {@code data} (values: strings, numbers, booleans or null).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(WebhookEventType type, String subject, Map<String, ?> data) {
        List<String> endpoints = new ArrayList<>();
        for (Object row : em.createNativeQuery("select id, event_types from webhook_endpoint where enabled = true")
                .getResultList()) {
            Object[] columns = (Object[]) row;
            if (List.of(((String) columns[1]).split(" ")).contains(type.wire())) {
                endpoints.add((String) columns[0]);
            }
        }
        if (!endpoints.isEmpty()) {
            write(type, subject, data, endpoints);
        }
    }

    /** The organizer's test event, to one endpoint; returns the message id. */
    @Transactional
    public String publishTest(String endpointId, String organizer) {
        return write(WebhookEventType.TEST, "test:" + endpointId, Map.of("endpointId", endpointId,
                "sentBy", organizer), List.of(endpointId));
    }

    private String write(WebhookEventType type, String subject, Map<String, ?> data, List<String> endpoints) {
        Instant now = clock.instant();
        long seq = nextInOrder(subject);
        String messageId = "msg_" + randomId();
        JsonObjectBuilder values = Json.createObjectBuilder();
        data.forEach((name, value) -> {
            if (value == null) {
                values.addNull(name);
            } else if (value instanceof Number number) {
                values.add(name, number.longValue());
            } else if (value instanceof Boolean bool) {
                values.add(name, bool);
            } else {
                values.add(name, value.toString());
            }
        });
        JsonObject payload = Json.createObjectBuilder().add("type", type.wire()).add("id", messageId)
                .add("timestamp", now.toString()).add("data", values).build();
        Timestamp at = Timestamp.from(now);
        em.createNativeQuery("insert into webhook_message (id, event_type, payload, created_at) values (?1, ?2, ?3, ?4)")
                .setParameter(1, messageId).setParameter(2, type.wire()).setParameter(3, payload.toString())
                .setParameter(4, at).executeUpdate();
        for (String endpoint : endpoints) {
            em.createNativeQuery("insert into webhook_delivery (id, message_id, endpoint_id, subject, seq, status,"
                            + " attempts, next_attempt_at, created_at) values (?1, ?2, ?3, ?4, ?5, 'PENDING', 0, ?6, ?6)")
                    .setParameter(1, UUID.randomUUID().toString()).setParameter(2, messageId).setParameter(3, endpoint)
                    .setParameter(4, subject).setParameter(5, seq).setParameter(6, at).executeUpdate();
        }
        return messageId;
    }

    /**
     * The subject's next number. The counter row is updated in this transaction, so a second change of the same user
     * waits for this one to commit and gets the next number; the row itself is made once, in a transaction of its own
     * (two first events at once: one insert wins, the other finds its row).
     */
    private long nextInOrder(String subject) {
        if (em.createNativeQuery("update webhook_subject set last_seq = last_seq + 1 where subject = ?1")
                .setParameter(1, subject).executeUpdate() == 0) {
            try {
                self.startCounting(subject);
            } catch (RuntimeException anotherTransactionMadeIt) {
                // the row exists now
            }
            em.createNativeQuery("update webhook_subject set last_seq = last_seq + 1 where subject = ?1")
                    .setParameter(1, subject).executeUpdate();
        }
        return ((Number) em.createNativeQuery("select last_seq from webhook_subject where subject = ?1")
                .setParameter(1, subject).getSingleResult()).longValue();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void startCounting(String subject) {
        em.createNativeQuery("insert into webhook_subject (subject, last_seq) values (?1, 0)").setParameter(1, subject)
                .executeUpdate();
    }

    /**
     * What the webhooks keep about a deleted user (erasure, in its transaction): the counter of their events goes, and
     * the endpoints they registered as organizer keep the pseudonym. Notices about them still pending (their
     * {@code user.deleted} among them) name them until they are delivered or fail for good.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void erase(String principal, String pseudonym) {
        em.createNativeQuery("delete from webhook_subject where subject = ?1").setParameter(1, principal).executeUpdate();
        em.createNativeQuery("update webhook_endpoint set created_by = ?2 where created_by = ?1")
                .setParameter(1, principal).setParameter(2, pseudonym).executeUpdate();
    }

    /** Event data from names and values, nulls allowed: {@code data("principal", p, "resoniteId", id)}. */
    public static Map<String, Object> data(Object... namesAndValues) {
        Map<String, Object> data = new java.util.LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            data.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return data;
    }

    static String randomId() {
        byte[] bytes = new byte[15];
        RANDOM.nextBytes(bytes);
        StringBuilder id = new StringBuilder(24);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                id.append(BASE32[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        return id.toString();
    }
}
