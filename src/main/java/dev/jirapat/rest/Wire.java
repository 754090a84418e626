package dev.jirapat.rest;

import dev.jirapat.token.TokenStatus;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * Wire formats: the built-in API's date format and its expiry of a token that never expires, and this app's names
 * of a token's status.
 */
final class Wire {
    /** UTC with milliseconds and a literal {@code +00:00}, as the built-in app writes dates. */
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'+00:00'", Locale.ROOT).withZone(ZoneOffset.UTC);
    /** The built-in app's stored sentinel for a token that never expires, as its API reports it. */
    static final String NEVER = "9999-12-31T00:00:00.000+00:00";
    /** The status names a client reads and searches by, for a message that lists them. */
    static final String STATUSES = "active, expiresSoon, expired";

    private Wire() {
    }

    static String date(Instant instant) {
        return DATE.format(instant);
    }

    static String status(TokenStatus status) {
        switch (status) {
            case EXPIRED:
                return "expired";
            case EXPIRES_SOON:
                return "expiresSoon";
            case ACTIVE:
            default:
                return "active";
        }
    }

    /** The status of this wire name, exactly as {@link #status(TokenStatus)} writes it; empty for anything else. */
    static Optional<TokenStatus> status(String name) {
        for (TokenStatus status : TokenStatus.values()) {
            if (status(status).equals(name)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
