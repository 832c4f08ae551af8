package dev.resonitelink.event.control;

import dev.resonitelink.event.entity.EventDetails;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.validate.ValidationException;

/**
 * An event as an iCalendar file (RFC 5545), made with iCal4j: one VEVENT with a UID that stays the same for the
 * event (so a calendar updates its entry when the file is downloaded again), times in UTC, and the event's page.
 */
public final class EventCalendars {

    static final String PRODUCT = "-//resonite-link//Events//EN";

    private EventCalendars() {
    }

    /** The calendar file's text; {@code stamp} is when it was made. */
    public static String ics(String eventId, EventDetails event, URI page, Instant stamp) {
        VEvent entry = new VEvent(event.startsAt(), event.endsAt(), event.title());
        entry.add(new Uid(eventId + "@resonite-link"));
        entry.replace(new DtStamp(stamp));
        if (!event.location().isEmpty()) {
            entry.add(new Location(event.location()));
        }
        if (!event.description().isEmpty()) {
            entry.add(new Description(event.description()));
        }
        entry.add(new Url(new ParameterList(), page.toString()));
        Calendar calendar = new Calendar().withProdId(PRODUCT).withDefaults().withComponent(entry).getFluentTarget();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new CalendarOutputter(true).output(calendar, out);
        } catch (IOException | ValidationException e) {
            throw new IllegalStateException("an event made an invalid calendar", e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
