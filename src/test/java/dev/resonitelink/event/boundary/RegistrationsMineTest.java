package dev.resonitelink.event.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resonitelink.testing.TestDatabase;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The account page's "Your events", on a real database: which registrations it shows, in which order. */
class RegistrationsMineTest {

    private static final Instant NOW = Instant.parse("2026-12-07T18:00:00Z");

    private TestDatabase db;
    private Registrations registrations;

    @BeforeEach
    void setUp() {
        db = new TestDatabase();
        registrations = new Registrations();
        registrations.em = db.entityManager();
        registrations.clock = Clock.fixed(NOW, ZoneOffset.UTC);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private void event(String id, Instant startsAt, Instant endsAt) {
        db.inTransaction(() -> db.entityManager().createNativeQuery("insert into site_event (id, title, description,"
                        + " location, starts_at, ends_at, time_zone, capacity, registered, listed, status, supporters_only,"
                        + " ticket_required, invite_only, created_by, created_at, version) values (?1, ?2, '', 'Resonite',"
                        + " ?3, ?4, 'UTC', null, 0, true, 'PUBLISHED', false, false, false, 'org', ?5, 0)")
                .setParameter(1, id).setParameter(2, "Event " + id).setParameter(3, Timestamp.from(startsAt))
                .setParameter(4, Timestamp.from(endsAt)).setParameter(5, Timestamp.from(NOW)).executeUpdate());
    }

    private void registration(String eventId, String principal, String status) {
        db.inTransaction(() -> db.entityManager().createNativeQuery("insert into event_registration (id, event_id,"
                        + " principal, registered_as, status, queued_at, changed_at, version) values (?1, ?2, ?3, 'U-x', ?4,"
                        + " ?5, ?5, 0)")
                .setParameter(1, java.util.UUID.randomUUID().toString()).setParameter(2, eventId)
                .setParameter(3, principal).setParameter(4, status).setParameter(5, Timestamp.from(NOW)).executeUpdate());
    }

    private List<String> shown(String principal) {
        return db.inTransaction(() -> registrations.mine(principal).stream()
                .map(mine -> mine.event().id() + ":" + mine.status()).toList());
    }

    @Test
    void showsTheRegistrationsThatHoldOrWaitForAPlaceInEventsNotOverSoonestFirst() {
        Instant hour = NOW.plus(1, ChronoUnit.HOURS);
        event("later", hour.plus(48, ChronoUnit.HOURS), hour.plus(50, ChronoUnit.HOURS));
        event("soon", hour, hour.plus(2, ChronoUnit.HOURS));
        event("running", NOW.minus(1, ChronoUnit.HOURS), NOW.plus(1, ChronoUnit.HOURS));
        event("over", NOW.minus(3, ChronoUnit.HOURS), NOW.minus(1, ChronoUnit.HOURS));
        event("cancelled", hour, hour.plus(1, ChronoUnit.HOURS));
        event("others", hour, hour.plus(1, ChronoUnit.HOURS));
        registration("later", "ada", "WAITLISTED");
        registration("soon", "ada", "REGISTERED");
        registration("running", "ada", "REGISTERED");
        registration("over", "ada", "REGISTERED");
        registration("cancelled", "ada", "CANCELLED");
        registration("others", "grace", "REGISTERED");

        assertThat(shown("ada")).containsExactly("running:REGISTERED", "soon:REGISTERED", "later:WAITLISTED");
        assertThat(shown("grace")).containsExactly("others:REGISTERED");
        assertThat(shown("linus")).as("no registrations: nothing, and no second query needed").isEmpty();
    }
}
