package dev.resonitelink.event.boundary;

import dev.resonitelink.web.Text;
import dev.resonitelink.ResoniteUserId;
import dev.resonitelink.audit.AuditTrail;
import dev.resonitelink.audit.AuditEntry;
import dev.resonitelink.link.entity.LinkView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * An event's invite list: Resonite user ids ({@code U-…}) or usernames, one per line as the organizer pastes them.
 * Matching is by id: a username entry becomes the id of the first linked account that registers under that name,
 * and from then on only that id matches (names can change hands).
 */
@ApplicationScoped
public class Invites {

    public static final int MAX_ENTRIES = 5000;
    static final Pattern USERNAME = Pattern.compile("[^\\p{Cntrl}]{1,128}");

    /** The pasted list read: entries, or the lines that are neither an id nor a name. */
    public record Parsed(List<String> entries, List<Text> problems) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditTrail audit;

    public static Parsed parse(String text) {
        Set<String> entries = new LinkedHashSet<>();
        List<Text> problems = new ArrayList<>();
        for (String line : (text == null ? "" : text).split("[\\r\\n,]+")) {
            String entry = line.strip();
            if (entry.isEmpty()) {
                continue;
            }
            if (!(ResoniteUserId.valid(entry) || USERNAME.matcher(entry).matches())) {
                problems.add(Text.of("invites.notAnId", entry.substring(0, Math.min(40, entry.length()))));
            }
            entries.add(entry);
        }
        if (entries.size() > MAX_ENTRIES) {
            problems.add(Text.of("invites.tooMany", MAX_ENTRIES));
        }
        return new Parsed(List.copyOf(entries), List.copyOf(problems));
    }

    /** Replaces the event's list. */
    @Transactional
    public void replace(String eventId, List<String> entries, String organizer, String requestId) {
        em.createNativeQuery("delete from event_invite where event_id = ?1").setParameter(1, eventId).executeUpdate();
        for (String entry : entries) {
            boolean id = ResoniteUserId.valid(entry);
            em.createNativeQuery("insert into event_invite (id, event_id, resonite_id, username) values (?1, ?2, ?3, ?4)")
                    .setParameter(1, UUID.randomUUID().toString()).setParameter(2, eventId)
                    .setParameter(3, id ? entry : null).setParameter(4, id ? null : entry).executeUpdate();
        }
        audit.recordEvent(organizer, organizer, null, eventId, AuditEntry.Action.INVITES, "LIST " + entries.size(),
                requestId);
    }

    /** The list as the organizer's form shows it: ids, and names not yet resolved to one. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> of(String eventId) {
        return em.createNativeQuery("select coalesce(resonite_id, username) from event_invite where event_id = ?1"
                        + " order by coalesce(resonite_id, username)").setParameter(1, eventId).setMaxResults(MAX_ENTRIES)
                .getResultList().stream().map(Object::toString).toList();
    }

    /**
     * In the registration's transaction: whether the linked account is invited, by its id, or by its current name on
     * an entry not yet resolved (which is then resolved to this id, for good).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean invited(String eventId, LinkView link) {
        boolean byId = !em.createNativeQuery("select 1 from event_invite where event_id = ?1 and resonite_id = ?2")
                .setParameter(1, eventId).setParameter(2, link.resoniteId()).setMaxResults(1).getResultList().isEmpty();
        if (byId) {
            return true;
        }
        List<?> byName = em.createNativeQuery("select id from event_invite where event_id = ?1 and resonite_id is null"
                        + " and lower(username) = ?2").setParameter(1, eventId)
                .setParameter(2, link.username().toLowerCase(Locale.ROOT)).setMaxResults(1).getResultList();
        return !byName.isEmpty() && em.createNativeQuery("update event_invite set resonite_id = ?1 where id = ?2"
                        + " and resonite_id is null").setParameter(1, link.resoniteId()).setParameter(2, byName.get(0))
                .executeUpdate() == 1;
    }
}
