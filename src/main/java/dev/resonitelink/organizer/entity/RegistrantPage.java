package dev.resonitelink.organizer.entity;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

/** One page of registrants; {@code page} counts from 1. */
@Schema(name = "RegistrantPage", properties = {
        @SchemaProperty(name = "items", type = SchemaType.ARRAY, description = "localUser, signedUpAt, resoniteId,"
                + " resoniteUsername, linkedAt, patreonActiveSupporter (null when not linked or not granted)"),
        @SchemaProperty(name = "page", type = SchemaType.INTEGER),
        @SchemaProperty(name = "size", type = SchemaType.INTEGER),
        @SchemaProperty(name = "total", type = SchemaType.INTEGER, format = "int64")})
public record RegistrantPage(List<Registrant> items, int page, int size, long total) {

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages();
    }
}
