package dev.resonitelink.event.control;

import java.sql.Timestamp;
import java.time.Instant;

/** Values of native query rows, as both servers' JPA providers return them. */
public final class NativeRows {

    private NativeRows() {
    }

    /** A timestamp column as an instant; null stays null. */
    public static Instant instant(Object timestamp) {
        return timestamp == null ? null : ((Timestamp) timestamp).toInstant();
    }
}
