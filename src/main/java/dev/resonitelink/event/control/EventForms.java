package dev.resonitelink.event.control;

import dev.resonitelink.event.entity.EventDetails;
import dev.resonitelink.web.Text;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The organizer's event form, read and checked: times are entered as local date and time ({@code 2026-12-24T18:00},
 * as a browser's {@code datetime-local} sends them) in the time zone the organizer picks, and stored as instants.
 * Every problem is named at once, as words for the organizer (message keys {@code eventForm.*}); nothing is stored
 * while there is one.
 */
public final class EventForms {

    /** The form's result: the details, or what is wrong with it (never both). */
    public record Result(EventDetails details, List<Text> problems) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    static final Duration LONGEST_EVENT = Duration.ofDays(31);

    private EventForms() {
    }

    public static Result read(Map<String, String> form) {
        List<Text> problems = new ArrayList<>();
        String title = text(form, "title", EventDetails.MAX_TITLE, true, field("title"), problems);
        String description = text(form, "description", EventDetails.MAX_DESCRIPTION, false, field("description"), problems);
        String location = text(form, "location", EventDetails.MAX_LOCATION, false, field("location"), problems);
        ZoneId zone = zone(form.get("timeZone"), problems);
        Instant starts = instant(form.get("startsAt"), zone, true, field("start"), problems);
        Instant ends = instant(form.get("endsAt"), zone, true, field("end"), problems);
        Instant opens = instant(form.get("opensAt"), zone, false, field("opens"), problems);
        Instant closes = instant(form.get("closesAt"), zone, false, field("closes"), problems);
        Integer capacity = capacity(form.get("capacity"), problems);
        if (starts != null && ends != null) {
            if (!ends.isAfter(starts)) {
                problems.add(Text.of("eventForm.endBeforeStart"));
            } else if (Duration.between(starts, ends).compareTo(LONGEST_EVENT) > 0) {
                problems.add(Text.of("eventForm.tooLong", LONGEST_EVENT.toDays()));
            }
        }
        if (opens != null && closes != null && !closes.isAfter(opens)) {
            problems.add(Text.of("eventForm.closesBeforeOpens"));
        }
        if (closes != null && ends != null && closes.isAfter(ends)) {
            problems.add(Text.of("eventForm.closesAfterEnd"));
        }
        if (!problems.isEmpty()) {
            return new Result(null, List.copyOf(problems));
        }
        return new Result(new EventDetails(title, description, location, starts, ends, zone, capacity, opens, closes,
                checked(form, "listed"), checked(form, "supportersOnly"), checked(form, "ticketRequired"),
                checked(form, "inviteOnly")), List.of());
    }

    private static boolean checked(Map<String, String> form, String name) {
        String value = form.get(name);
        return value != null && (value.equals("on") || value.equals("true"));
    }

    private static Text field(String name) {
        return Text.of("eventForm.field." + name);
    }

    private static String text(Map<String, String> form, String name, int max, boolean required, Text what,
                               List<Text> problems) {
        String value = form.get(name);
        value = value == null ? "" : value.strip();
        if (required && value.isEmpty()) {
            problems.add(Text.of("eventForm.needed", what));
        } else if (value.length() > max) {
            problems.add(Text.of("eventForm.tooLongText", what, max));
        } else if (value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            problems.add(Text.of("eventForm.controlCharacters", what));
        }
        return value;
    }

    private static ZoneId zone(String raw, List<Text> problems) {
        if (raw == null || raw.isBlank()) {
            return ZoneId.of("UTC");
        }
        try {
            if (raw.length() <= 64 && ZoneId.getAvailableZoneIds().contains(raw.strip())) {
                return ZoneId.of(raw.strip());
            }
        } catch (DateTimeException e) {
            // named below
        }
        problems.add(Text.of("eventForm.zone"));
        return ZoneId.of("UTC");
    }

    private static Instant instant(String raw, ZoneId zone, boolean required, Text what, List<Text> problems) {
        if (raw == null || raw.isBlank()) {
            if (required) {
                problems.add(Text.of("eventForm.neededTime", what));
            }
            return null;
        }
        try {
            LocalDateTime local = LocalDateTime.parse(raw.strip());
            if (local.getYear() < 2000 || local.getYear() > 2200) {
                problems.add(Text.of("eventForm.implausible", what));
                return null;
            }
            return local.atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(Text.of("eventForm.notATime", what));
            return null;
        }
    }

    private static Integer capacity(String raw, List<Text> problems) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            int value = Integer.parseInt(raw.strip());
            if (value >= 1 && value <= EventDetails.MAX_CAPACITY) {
                return value;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        problems.add(Text.of("eventForm.capacity", EventDetails.MAX_CAPACITY));
        return null;
    }
}
