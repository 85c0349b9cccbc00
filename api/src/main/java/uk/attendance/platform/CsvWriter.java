package uk.attendance.platform;

import java.util.List;

/**
 * CSV as RFC 4180 has it (comma, CRLF, double quotes doubled), for the exports staff open in a spreadsheet. A cell
 * that starts with {@code = + - @}, a tab or a carriage return is prefixed with {@code '} so a spreadsheet shows it
 * as text instead of running it as a formula (CSV injection); numbers are written by {@link #number} and never
 * prefixed.
 */
public final class CsvWriter {
    private final StringBuilder out = new StringBuilder();

    /** A row of cells; {@code null} is an empty cell, a {@link Number} is written as is. */
    public CsvWriter row(List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            Object cell = cells.get(i);
            if (cell instanceof Number n) {
                out.append(number(n));
            } else if (cell != null) {
                out.append(text(cell.toString()));
            }
        }
        out.append("\r\n");
        return this;
    }

    public CsvWriter row(Object... cells) {
        return row(java.util.Arrays.asList(cells));
    }

    @Override
    public String toString() {
        return out.toString();
    }

    static String number(Number n) {
        return n instanceof java.math.BigDecimal d ? d.toPlainString() : n.toString();
    }

    static String text(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean quote = safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0
                || safe.indexOf('\r') >= 0 || !safe.equals(safe.strip());
        return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }
}
