package dev.resonitelink.event.entity;

import java.time.Instant;
import java.time.ZoneId;

/**
 * What an organizer says an event is: checked by {@code EventForms} before it reaches an {@link Event}.
 *
 * @param capacity       places, or null for no limit
 * @param opensAt        when registration opens, or null (at once)
 * @param closesAt       when it closes, or null (at the event's start)
 * @param listed         on {@code /events}; unlisted events are reachable only by their link
 * @param supportersOnly only attendees whose linked profile says active Patreon supporter
 * @param ticketRequired a registration redeems one of the event's single-use ticket codes
 * @param inviteOnly     only Resonite users on the event's invite list
 */
public record EventDetails(String title, String description, String location, Instant startsAt, Instant endsAt,
                           ZoneId timeZone, Integer capacity, Instant opensAt, Instant closesAt, boolean listed,
                           boolean supportersOnly, boolean ticketRequired, boolean inviteOnly) {

    public static final int MAX_TITLE = 200;
    public static final int MAX_DESCRIPTION = 4000;
    public static final int MAX_LOCATION = 200;
    public static final int MAX_CAPACITY = 100_000;

    /** When registration closes: the set instant, else the event's start. */
    public Instant registrationClosesAt() {
        return closesAt != null ? closesAt : startsAt;
    }
}
