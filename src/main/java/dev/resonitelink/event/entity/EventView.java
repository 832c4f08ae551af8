package dev.resonitelink.event.entity;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An event as its pages show it: times in the organizer's zone and in UTC, the rules in plain words, the places left.
 * Only what every visitor may see: never another attendee.
 */
public record EventView(String id, String title, String description, String location, String when, String whenUtc,
                        String whenForReader,
                        String timeZone, String status, boolean listed, Integer capacity, int registered,
                        String registrationWindow, List<String> rules, boolean open, boolean ticketRequired,
                        boolean inviteOnly) {

    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm", Locale.ROOT);

    public static EventView of(Event event, Instant now) {
        return of(event, now, null);
    }

    /** The event for a reader in {@code readerZone} (from the browser), shown in that zone too when it is another. */
    public static EventView of(Event event, Instant now, ZoneId readerZone) {
        EventDetails d = event.details();
        ZoneId zone = d.timeZone();
        List<String> rules = new ArrayList<>();
        rules.add("You need to link your Resonite account: the world admits you by it.");
        if (d.supportersOnly()) {
            rules.add("Only for active Resonite supporters on Patreon: link with the Patreon permission so the site can"
                    + " see it.");
        }
        if (d.ticketRequired()) {
            rules.add("A ticket is needed: enter your ticket code when you register. Each code is good for one person.");
        }
        if (d.inviteOnly()) {
            rules.add("By invitation: the organizers have listed who may register, by Resonite account.");
        }
        if (d.capacity() != null) {
            rules.add(d.capacity() + " places; when they are taken, you join a waitlist and move up in order when"
                    + " someone cancels.");
        }
        boolean open = event.status() == Event.Status.PUBLISHED && now.isBefore(d.registrationClosesAt())
                && (d.opensAt() == null || !now.isBefore(d.opensAt()));
        String window = (d.opensAt() == null ? "" : "opens " + span(d.opensAt(), zone) + ", ")
                + "closes " + span(d.registrationClosesAt(), zone);
        String forReader = readerZone == null || readerZone.equals(zone) || readerZone.getId().equals("UTC") ? null
                : range(d.startsAt(), d.endsAt(), readerZone);
        return new EventView(event.id(), d.title(), d.description(), d.location(), range(d.startsAt(), d.endsAt(), zone),
                range(d.startsAt(), d.endsAt(), ZoneOffset.UTC), forReader, zone.getId(), event.status().name(), d.listed(),
                d.capacity(), event.registered(), window, List.copyOf(rules), open, d.ticketRequired(), d.inviteOnly());
    }

    /** Places left, or -1 without a limit. */
    public int placesLeft() {
        return capacity == null ? -1 : Math.max(0, capacity - registered);
    }

    /** The time in a form's {@code datetime-local} field, in the event's zone. */
    public static String inputValue(Instant instant, ZoneId zone) {
        return instant == null ? "" : LOCAL_INPUT.format(instant.atZone(zone));
    }

    private static String span(Instant instant, ZoneId zone) {
        return DAY_TIME.format(instant.atZone(zone)) + " " + zoneName(instant, zone);
    }

    private static String range(Instant start, Instant end, ZoneId zone) {
        boolean sameDay = start.atZone(zone).toLocalDate().equals(end.atZone(zone).toLocalDate());
        return DAY_TIME.format(start.atZone(zone)) + " – "
                + (sameDay ? TIME.format(end.atZone(zone)) : DAY_TIME.format(end.atZone(zone))) + " " + zoneName(start, zone);
    }

    private static String zoneName(Instant at, ZoneId zone) {
        return zone.equals(ZoneOffset.UTC) || zone.getId().equals("UTC") ? "UTC"
                : DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH).format(at.atZone(zone)) + " (" + zone.getId() + ")";
    }
}
