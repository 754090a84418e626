package dev.jirapat.token;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as databases export them: {@code 2026-01-31 09:15:00.123} (PostgreSQL, MySQL, SQL Server; up to 9
 * fraction digits), with an optional offset ({@code Z}, {@code +00}, {@code +0000}, {@code +00:00}, as PostgreSQL
 * writes a {@code timestamptz}), or ISO-8601 with {@code T}. A date without an offset is in {@code zone}: UTC
 * unless the admin says otherwise (Active Objects stores Jira's JVM-local time on some databases). Kept to the
 * millisecond, as our store keeps them.
 */
final class BuiltinDates {
    private static final Pattern DATE = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)? ?(Z|[+-]\\d{2}(?::?\\d{2})?)?");

    private BuiltinDates() {
    }

    /** The instant, or empty for anything else. Never throws. */
    static Optional<Instant> parse(String text, ZoneId zone) {
        Matcher m = DATE.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            int nanos = 0;
            if (m.group(7) != null) {
                StringBuilder fraction = new StringBuilder(m.group(7));
                while (fraction.length() < 9) {
                    fraction.append('0');
                }
                nanos = Integer.parseInt(fraction.toString());
            }
            LocalDateTime local = LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                    m.group(6) == null ? 0 : Integer.parseInt(m.group(6)), nanos);
            String offset = m.group(8);
            Instant at = offset == null ? local.atZone(zone).toInstant() : local.toInstant(offset(offset));
            return Optional.of(at.truncatedTo(ChronoUnit.MILLIS));
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty(); // 2026-02-30, 25:00, +19:00
        }
    }

    /**
     * The built-in app's "never expires": 9999-12-31 (stored because its column is NOT NULL). Any date in the year
     * 9999 counts, whichever zone the export shifted it into.
     */
    static boolean isNever(Instant at) {
        return !at.isBefore(Instant.parse("9999-01-01T00:00:00Z").minus(1, ChronoUnit.DAYS));
    }

    private static ZoneOffset offset(String text) {
        if (text.equals("Z")) {
            return ZoneOffset.UTC;
        }
        String digits = text.substring(1).replace(":", "");
        int hours = Integer.parseInt(digits.substring(0, 2));
        int minutes = digits.length() > 2 ? Integer.parseInt(digits.substring(2)) : 0;
        int sign = text.charAt(0) == '-' ? -1 : 1;
        return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }
}
