package dev.resonitelink.event.entity;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * An event as its pages show it: its times (the pages say them in the organizer's zone, in UTC and in the reader's),
 * its rules, the places left. Only what every visitor may see: never another attendee.
 */
public record EventView(String id, String title, String description, String location, Instant startsAt, Instant endsAt,
                        ZoneId zone, String status, boolean listed, Integer capacity, int registered, Instant opensAt,
                        Instant closesAt, boolean open, boolean supportersOnly, boolean ticketRequired,
                        boolean inviteOnly) {

    private static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm", Locale.ROOT);

    public static EventView of(Event event, Instant now) {
        EventDetails d = event.details();
        boolean open = event.status() == Event.Status.PUBLISHED && now.isBefore(d.registrationClosesAt())
                && (d.opensAt() == null || !now.isBefore(d.opensAt()));
        return new EventView(event.id(), d.title(), d.description(), d.location(), d.startsAt(), d.endsAt(),
                d.timeZone(), event.status().name(), d.listed(), d.capacity(), event.registered(), d.opensAt(),
                d.registrationClosesAt(), open, d.supportersOnly(), d.ticketRequired(), d.inviteOnly());
    }

    /** The organizer's zone id, e.g. {@code Europe/Berlin}. */
    public String timeZone() {
        return zone.getId();
    }

    /** Whether the event's own zone is UTC (then the page says its times once). */
    public boolean inUtc() {
        return zone.getId().equals("UTC") || zone.equals(java.time.ZoneOffset.UTC);
    }

    /** Places left, or -1 without a limit. */
    public int placesLeft() {
        return capacity == null ? -1 : Math.max(0, capacity - registered);
    }

    /** The time in a form's {@code datetime-local} field, in the event's zone. */
    public static String inputValue(Instant instant, ZoneId zone) {
        return instant == null ? "" : LOCAL_INPUT.format(instant.atZone(zone));
    }
}
