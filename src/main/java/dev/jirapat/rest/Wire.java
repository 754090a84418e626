package dev.jirapat.rest;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Wire formats shared with Jira's built-in API: its date format and its expiry of a token that never expires. */
final class Wire {
    /** UTC with milliseconds and a literal {@code +00:00}, as the built-in app writes dates. */
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'+00:00'", Locale.ROOT).withZone(ZoneOffset.UTC);
    /** The built-in app's stored sentinel for a token that never expires, as its API reports it. */
    static final String NEVER = "9999-12-31T00:00:00.000+00:00";

    private Wire() {
    }

    static String date(Instant instant) {
        return DATE.format(instant);
    }
}
