package dev.resonitelink.event.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resonitelink.event.entity.EventDetails;
import java.io.StringReader;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

/** An event's .ics: read back by iCal4j's own parser, one event with a stable UID and UTC times. */
class EventCalendarsTest {

    static final EventDetails WORKSHOP = new EventDetails("Workshop, part 1", "Bring questions;\nand a headset",
            "Workshop world", Instant.parse("2026-12-24T17:00:00Z"), Instant.parse("2026-12-24T19:00:00Z"),
            ZoneId.of("Europe/Berlin"), 20, null, null, true, false, false, false);

    @Test
    void theFileParsesAsOneEventWithAStableUidAndUtcTimes() throws Exception {
        String ics = EventCalendars.ics("abcdefghijklmnop", WORKSHOP, URI.create("https://events.example/resonite-link/events/abcdefghijklmnop"),
                Instant.parse("2026-12-06T10:00:00Z"));
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").contains("VERSION:2.0", "PRODID:-//resonite-link//Events//EN",
                "UID:abcdefghijklmnop@resonite-link", "DTSTART:20261224T170000Z", "DTEND:20261224T190000Z",
                "SUMMARY:Workshop\\, part 1", "DESCRIPTION:Bring questions\\;\\nand a headset");
        Calendar parsed = new CalendarBuilder().build(new StringReader(ics));
        assertThat(parsed.getComponents("VEVENT")).hasSize(1);
        VEvent event = (VEvent) parsed.getComponents("VEVENT").get(0);
        assertThat(event.getUid().orElseThrow().getValue()).isEqualTo("abcdefghijklmnop@resonite-link");
        String again = EventCalendars.ics("abcdefghijklmnop", WORKSHOP, URI.create("https://events.example/x"),
                Instant.parse("2026-12-07T10:00:00Z"));
        assertThat(again).as("the same UID a day later").contains("UID:abcdefghijklmnop@resonite-link");
    }
}
