package dev.resonitelink.organizer.entity;

import java.util.List;

/** One page of registrants; {@code page} counts from 1. */
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
