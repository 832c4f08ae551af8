package dev.resonitelink.web;

import java.time.Instant;

/**
 * Cells of the CSV files organizers download (RFC 4180). A cell that a spreadsheet would run as a formula is defused
 * with a leading apostrophe (CSV injection).
 */
public final class Csv {

    private Csv() {
    }

    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof Instant instant ? instant.toString() : value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r") || text.startsWith("'")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    /**
     * The header row of a table, in the reader's language: each column's words are the bundle's
     * {@code csv.<table>.<column>}. The cells below stay machine-readable (ISO times, ids, true/false).
     */
    public static String header(jakarta.servlet.http.HttpServletRequest request, String table, String... columns) {
        Texts texts = Languages.texts(request);
        return row(java.util.Arrays.stream(columns).map(column -> texts.get("csv." + table + "." + column)).toArray());
    }

    /** One line of cells, ended as RFC 4180 says (CRLF). */
    public static String row(Object... values) {

        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(cell(values[i]));
        }
        return line.append("\r\n").toString();
    }
}
