package dev.resonitelink.event.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resonitelink.web.Texts;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The organizer's event form: local times in the chosen zone become instants, and every problem is named at once. */
class EventFormsTest {

    private static Map<String, String> valid() {
        Map<String, String> form = new HashMap<>();
        form.put("title", "  Workshop  ");
        form.put("description", "line one\nline two");
        form.put("location", "Workshop world");
        form.put("timeZone", "Europe/Berlin");
        form.put("startsAt", "2026-12-24T18:00");
        form.put("endsAt", "2026-12-24T20:00");
        form.put("capacity", "20");
        form.put("listed", "on");
        return form;
    }

    @Test
    void localTimesInTheOrganizersZoneAreStoredAsInstants() {
        EventForms.Result result = EventForms.read(valid());
        assertThat(result.valid()).as(result.problems().toString()).isTrue();
        assertThat(result.details().startsAt()).isEqualTo(Instant.parse("2026-12-24T17:00:00Z")); // CET = UTC+1
        assertThat(result.details().endsAt()).isEqualTo(Instant.parse("2026-12-24T19:00:00Z"));
        assertThat(result.details().title()).isEqualTo("Workshop");
        assertThat(result.details().capacity()).isEqualTo(20);
        assertThat(result.details().listed()).isTrue();
        assertThat(result.details().supportersOnly()).isFalse();
        assertThat(result.details().registrationClosesAt()).as("by default, at the start")
                .isEqualTo(result.details().startsAt());
    }

    @Test
    void everyProblemIsNamedAndNothingIsMade() {
        Map<String, String> form = valid();
        form.put("title", " ");
        form.put("timeZone", "Mars/Olympus");
        form.put("endsAt", "yesterday");
        form.put("capacity", "0");
        form.put("description", "x".repeat(4001));
        EventForms.Result result = EventForms.read(form);
        assertThat(result.valid()).isFalse();
        assertThat(result.details()).isNull();
        assertThat(english(result)).hasSize(5).anySatisfy(p -> assertThat(p).startsWith("A title"))
                .anySatisfy(p -> assertThat(p).startsWith("The time zone"))
                .anySatisfy(p -> assertThat(p).startsWith("The end is not a date"))
                .anySatisfy(p -> assertThat(p).startsWith("The number of places"))
                .anySatisfy(p -> assertThat(p).startsWith("The description is too long"));
    }

    @Test
    void theEndComesAfterTheStartAndRegistrationClosesBeforeTheEnd() {
        Map<String, String> form = valid();
        form.put("endsAt", "2026-12-24T18:00");
        assertThat(english(EventForms.read(form))).containsExactly("The end must be after the start.");
        form = valid();
        form.put("closesAt", "2026-12-24T21:00");
        assertThat(english(EventForms.read(form))).containsExactly("Registration must close before the event ends.");
        form = valid();
        form.put("opensAt", "2026-12-20T10:00");
        form.put("closesAt", "2026-12-19T10:00");
        assertThat(english(EventForms.read(form))).containsExactly("Registration must close after it opens.");
        form = valid();
        form.put("endsAt", "2027-02-24T18:00");
        assertThat(english(EventForms.read(form))).containsExactly("An event lasts at most 31 days.");
    }

    @Test
    void controlCharactersAreRefusedButLineBreaksKept() {
        Map<String, String> form = valid();
        form.put("title", "Work\u0000shop");
        assertThat(english(EventForms.read(form))).containsExactly("A title contains control characters.");
    }

    /** The problems as an English reader sees them (the words come from the message bundle). */
    private static List<String> english(EventForms.Result result) {
        return result.problems().stream().map(Texts.of(Locale.ENGLISH)::get).toList();
    }
}
