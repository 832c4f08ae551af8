package dev.resonitelink.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How pages show a point in time: unambiguous, in UTC, e.g. "29 Nov 2026, 00:41 UTC". */
public final class Dates {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private Dates() {
    }

    public static String show(Instant instant) {
        return instant == null ? "" : FORMAT.format(instant);
    }
}
