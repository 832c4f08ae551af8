package dev.resonitelink.event.control;

import dev.resonitelink.event.entity.EventDetails;
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
 * Every problem is named at once, in words for the organizer; nothing is stored while there is one.
 */
public final class EventForms {

    /** The form's result: the details, or what is wrong with it (never both). */
    public record Result(EventDetails details, List<String> problems) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    static final Duration LONGEST_EVENT = Duration.ofDays(31);

    private EventForms() {
    }

    public static Result read(Map<String, String> form) {
        List<String> problems = new ArrayList<>();
        String title = text(form, "title", EventDetails.MAX_TITLE, true, "A title", problems);
        String description = text(form, "description", EventDetails.MAX_DESCRIPTION, false, "The description", problems);
        String location = text(form, "location", EventDetails.MAX_LOCATION, false, "Where", problems);
        ZoneId zone = zone(form.get("timeZone"), problems);
        Instant starts = instant(form.get("startsAt"), zone, true, "The start", problems);
        Instant ends = instant(form.get("endsAt"), zone, true, "The end", problems);
        Instant opens = instant(form.get("opensAt"), zone, false, "The opening of registration", problems);
        Instant closes = instant(form.get("closesAt"), zone, false, "The close of registration", problems);
        Integer capacity = capacity(form.get("capacity"), problems);
        if (starts != null && ends != null) {
            if (!ends.isAfter(starts)) {
                problems.add("The end must be after the start.");
            } else if (Duration.between(starts, ends).compareTo(LONGEST_EVENT) > 0) {
                problems.add("An event lasts at most 31 days.");
            }
        }
        if (opens != null && closes != null && !closes.isAfter(opens)) {
            problems.add("Registration must close after it opens.");
        }
        if (closes != null && ends != null && closes.isAfter(ends)) {
            problems.add("Registration must close before the event ends.");
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

    private static String text(Map<String, String> form, String name, int max, boolean required, String what,
                               List<String> problems) {
        String value = form.get(name);
        value = value == null ? "" : value.strip();
        if (required && value.isEmpty()) {
            problems.add(what + " is needed.");
        } else if (value.length() > max) {
            problems.add(what + " is too long: at most " + max + " characters.");
        } else if (value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            problems.add(what + " contains control characters.");
        }
        return value;
    }

    private static ZoneId zone(String raw, List<String> problems) {
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
        problems.add("The time zone is not one this site knows (for example Europe/Berlin or America/New_York).");
        return ZoneId.of("UTC");
    }

    private static Instant instant(String raw, ZoneId zone, boolean required, String what, List<String> problems) {
        if (raw == null || raw.isBlank()) {
            if (required) {
                problems.add(what + " is needed (date and time).");
            }
            return null;
        }
        try {
            LocalDateTime local = LocalDateTime.parse(raw.strip());
            if (local.getYear() < 2000 || local.getYear() > 2200) {
                problems.add(what + " is not a plausible date.");
                return null;
            }
            return local.atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(what + " is not a date and time like 2026-12-24T18:00.");
            return null;
        }
    }

    private static Integer capacity(String raw, List<String> problems) {
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
        problems.add("The number of places must be a whole number from 1 to " + EventDetails.MAX_CAPACITY
                + ", or empty for no limit.");
        return null;
    }
}
