package dev.resonitelink.privacy.boundary;

import dev.resonitelink.SitePrincipal;
import dev.resonitelink.account.boundary.SignInThrottle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * "Export my data": everything stored about the caller, as one JSON document ({@code docs/privacy.md} describes every
 * field). It is declared here table by table ({@link #PARTS}): which rows name the user, which columns are exported
 * (the JSON field is the column's name in camelCase) and which are withheld and why (secrets: the password hash, the
 * sealed refresh token, ticket code hashes; internal counters). {@code DataExportTest} compares this declaration with
 * the database's own list of tables and columns, so a column added later is either exported or withheld on purpose.
 */
@ApplicationScoped
public class DataExport {

    /** The document's format, for whoever reads it later. */
    public static final String FORMAT = "resonite-link-export/1";
    /** The most audit entries exported (the retention keeps a year by default). */
    static final int MAX_ROWS = 10_000;

    /** How a part's rows name the user. */
    enum Key {
        /** a column holding the site user name (the principal) */
        PRINCIPAL,
        /** the sign-in throttle's key of the account */
        THROTTLE_KEY,
        /** a column holding the Resonite id of the current link */
        RESONITE_ID
    }

    /**
     * One part of the export: the rows of {@code table} whose {@code userColumns} (any of them) name the user, as an
     * object ({@code one}) or an array; the columns exported; booleans computed from columns that are withheld
     * (field name to SQL condition); the withheld columns with the reason.
     */
    record Part(String name, String table, Key key, List<String> userColumns, boolean one, List<String> exported,
                Map<String, String> computed, Map<String, String> withheld, String order) {
    }

    static final String KEY_COLUMN = "the column that names you: the whole part is yours";

    static final List<Part> PARTS = List.of(
            new Part("account", "app_user", Key.PRINCIPAL, List.of("username"), true,
                    List.of("username", "origin", "display_name", "email", "created_at", "last_sign_in_at"),
                    Map.of("passwordSet", "password_hash is not null"),
                    Map.of("password_hash", "secret: a salted PBKDF2 hash; exported as passwordSet"), "username"),
            new Part("groups", "app_user_group", Key.PRINCIPAL, List.of("username"), false,
                    List.of("group_name"), Map.of(), Map.of("username", KEY_COLUMN), "group_name"),
            new Part("link", "account_link", Key.PRINCIPAL, List.of("principal"), true,
                    List.of("provider", "resonite_id", "username", "icon_url", "email", "patreon_active",
                            "patreon_months", "patreon_tier_cents", "scopes", "linked_at", "refreshed_at",
                            "needs_reconsent"),
                    Map.of("refreshTokenStored", "refresh_token is not null"),
                    Map.of("refresh_token", "secret: sealed with the server's key; exported as refreshTokenStored",
                            "id", "internal row id", "principal", KEY_COLUMN,
                            "version", "internal counter of concurrent writes"), "principal"),
            new Part("registrations", "event_registration", Key.PRINCIPAL, List.of("principal"), false,
                    List.of("id", "event_id", "registered_as", "status", "queued_at", "registered_at",
                            "first_admitted_at", "ticket_id", "changed_at"), Map.of(),
                    Map.of("principal", KEY_COLUMN, "version", "internal counter of concurrent writes"),
                    "queued_at, id"),
            new Part("ticketsRedeemed", "event_ticket", Key.PRINCIPAL, List.of("redeemed_by"), false,
                    List.of("id", "event_id", "created_at", "redeemed_at", "voided_at"), Map.of(),
                    Map.of("code_hash", "secret: the SHA-256 of the ticket code", "redeemed_by", KEY_COLUMN),
                    "redeemed_at, id"),
            new Part("eventsCreated", "site_event", Key.PRINCIPAL, List.of("created_by"), false,
                    List.of("id", "title", "starts_at", "ends_at", "status", "created_at"), Map.of(),
                    eventDetailsWithheld(), "created_at, id"),
            new Part("invitations", "event_invite", Key.RESONITE_ID, List.of("resonite_id"), false,
                    List.of("id", "event_id", "resonite_id", "username"), Map.of(), Map.of(), "event_id, id"),
            new Part("signInThrottle", "sign_in_throttle", Key.THROTTLE_KEY, List.of("throttle_key"), true,
                    List.of("failures", "last_failure", "blocked_until"), Map.of(),
                    Map.of("throttle_key", KEY_COLUMN), "throttle_key"),
            new Part("webhookEndpointsCreated", "webhook_endpoint", Key.PRINCIPAL, List.of("created_by"), false,
                    List.of("id", "url", "description", "event_types", "enabled", "created_at"), Map.of(),
                    Map.of("secret", "secret: signs the messages", "previous_secret", "secret: signs during a rotation",
                            "previous_secret_until", "the endpoint's delivery state, not about you",
                            "failing_since", "the endpoint's delivery state, not about you",
                            "disabled_reason", "the endpoint's delivery state, not about you",
                            "created_by", KEY_COLUMN), "created_at, id"),
            new Part("auditEntries", "link_audit", Key.PRINCIPAL, List.of("principal", "actor"), false,
                    List.of("id", "occurred_at", "principal", "actor", "resonite_id", "action", "outcome", "event_id",
                            "detail", "request_id"), Map.of(), Map.of(), "occurred_at, id"));

    /** The tables not exported, and why. */
    static final Map<String, String> TABLES_NOT_EXPORTED = Map.of(
            "webhook_message", "notices to other services; one names a user only until it is delivered",
            "webhook_delivery", "the delivery of those notices; a pending one names its user until it ends",
            "webhook_subject", "the order of a user's notices; deleted with the user",
            "job_lease", "which node runs a scheduled job",
            "organizer_bootstrap", "the hash of the one-time code that makes the first organizer",
            "rate_window", "admission request counts per event key and client address, kept an hour",
            "site_key", "the server's own keys",
            "flyway_schema_history", "the database schema's version");

    private static Map<String, String> eventDetailsWithheld() {
        Map<String, String> withheld = new LinkedHashMap<>();
        for (String column : List.of("description", "location", "time_zone", "capacity", "registered", "opens_at",
                "closes_at", "listed", "supporters_only", "ticket_required", "invite_only", "version")) {
            withheld.put(column, "the event's own details, shown on its page; not about you");
        }
        withheld.put("admission_key_hash", "secret: the SHA-256 of the event's admission key");
        withheld.put("created_by", KEY_COLUMN);
        return withheld;
    }

    @PersistenceContext
    EntityManager em;

    Clock clock = Clock.systemUTC();

    /** The export of everything stored about the principal. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public JsonObject of(SitePrincipal principal) {
        Map<String, JsonValue> parts = new LinkedHashMap<>();
        String resoniteId = null;
        for (Part part : PARTS) {
            String value = switch (part.key()) {
                case PRINCIPAL -> principal.name();
                case THROTTLE_KEY -> SignInThrottle.account(principal.name());
                case RESONITE_ID -> resoniteId;
            };
            List<JsonObject> rows = value == null ? List.of() : rows(part, value);
            if (part.name().equals("link") && !rows.isEmpty()) {
                resoniteId = rows.get(0).getString("resoniteId");
            }
            parts.put(part.name(), part.one() ? (rows.isEmpty() ? JsonValue.NULL : rows.get(0)) : array(rows));
        }
        JsonObjectBuilder export = Json.createObjectBuilder().add("format", FORMAT)
                .add("exportedAt", clock.instant().toString()).add("principal", principal.name());
        JsonObjectBuilder account = parts.get("account") instanceof JsonObject stored
                ? Json.createObjectBuilder(stored) : null;
        if (account != null) {
            account.add("groups", Json.createArrayBuilder(((JsonArray) parts.get("groups")).stream()
                    .map(group -> group.asJsonObject().getString("groupName")).toList()));
        }
        export.add("account", account == null ? JsonValue.NULL : account.build().asJsonObject());
        if (parts.get("link") instanceof JsonObject link) {
            JsonObjectBuilder withScopes = Json.createObjectBuilder(link);
            withScopes.add("scopes", Json.createArrayBuilder(List.of(link.getString("scopes").split(" "))));
            export.add("link", withScopes);
        } else {
            export.add("link", JsonValue.NULL);
        }
        JsonArray audit = (JsonArray) parts.get("auditEntries");
        Map<String, List<JsonValue>> historyByEvent = audit.stream()
                .filter(entry -> entry.asJsonObject().get("eventId") instanceof jakarta.json.JsonString)
                .collect(Collectors.groupingBy(entry -> entry.asJsonObject().getString("eventId"), LinkedHashMap::new,
                        Collectors.toList()));
        JsonArrayBuilder registrations = Json.createArrayBuilder();
        for (JsonValue registration : (JsonArray) parts.get("registrations")) {
            String eventId = registration.asJsonObject().getString("eventId");
            List<?> title = em.createNativeQuery("select title from site_event where id = ?1").setParameter(1, eventId)
                    .getResultList();
            registrations.add(Json.createObjectBuilder(registration.asJsonObject())
                    .add("eventTitle", title.isEmpty() ? "" : (String) title.get(0))
                    .add("history", Json.createArrayBuilder(historyByEvent.getOrDefault(eventId, List.of()))));
        }
        export.add("registrations", registrations);
        for (String name : List.of("ticketsRedeemed", "eventsCreated", "invitations", "webhookEndpointsCreated",
                "signInThrottle", "auditEntries")) {
            export.add(name, parts.get(name));
        }
        return export.build();
    }

    private List<JsonObject> rows(Part part, String value) {
        List<String> selected = new ArrayList<>(part.exported());
        List<String> computed = new ArrayList<>(part.computed().keySet());
        computed.forEach(field -> selected.add("case when " + part.computed().get(field) + " then 1 else 0 end"));
        String where = part.userColumns().stream().map(column -> column + " = ?1").collect(Collectors.joining(" or "));
        List<?> rows = em.createNativeQuery("select " + String.join(", ", selected) + " from " + part.table()
                        + " where " + where + " order by " + part.order())
                .setParameter(1, value).setMaxResults(MAX_ROWS).getResultList();
        List<JsonObject> objects = new ArrayList<>();
        for (Object row : rows) {
            Object[] columns = row instanceof Object[] many ? many : new Object[] {row};
            JsonObjectBuilder object = Json.createObjectBuilder();
            for (int i = 0; i < part.exported().size(); i++) {
                object.add(field(part.exported().get(i)), json(columns[i]));
            }
            for (int i = 0; i < computed.size(); i++) {
                object.add(computed.get(i), ((Number) columns[part.exported().size() + i]).intValue() == 1);
            }
            objects.add(object.build());
        }
        return objects;
    }

    private static JsonArray array(List<JsonObject> rows) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        rows.forEach(array::add);
        return array.build();
    }

    /** A column's JSON field: {@code last_sign_in_at} becomes {@code lastSignInAt}. */
    static String field(String column) {
        StringBuilder name = new StringBuilder();
        boolean upper = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }

    private static JsonValue json(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof Timestamp timestamp) {
            return Json.createValue(timestamp.toInstant().toString());
        }
        if (value instanceof Boolean bool) {
            return bool ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof Number number) {
            return Json.createValue(number.longValue());
        }
        return Json.createValue(value.toString());
    }
}
