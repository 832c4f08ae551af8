package dev.resonitelink;

import java.util.Locale;

/** Turns what a person typed into a search box into a JPQL LIKE pattern for "contains", case-insensitively. */
public final class SearchPatterns {

    public static final int MAX_QUERY_LENGTH = 100;

    private SearchPatterns() {
    }

    /**
     * A lower-case pattern for {@code lower(column) like :pattern escape '\'}: the user's own {@code %}, {@code _}
     * and backslashes are taken literally, and overlong input is cut at {@value #MAX_QUERY_LENGTH} characters.
     */
    public static String contains(String query) {
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        if (q.length() > MAX_QUERY_LENGTH) {
            q = q.substring(0, MAX_QUERY_LENGTH);
        }
        return "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
