package dev.jirapat.rest;

import dev.jirapat.token.Scope;
import dev.jirapat.token.TokenRequest;
import dev.jirapat.token.TokenService;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Strict reading of request values: the JSON type must be the documented one (no coercion), numbers must fit,
 * unknown fields are refused. Every refusal is a 400 {@link ApiException} naming the field, in its message (these
 * texts speak to a client's developer, in the API's own terms) and as the field it is about.
 */
public final class Input {
    /**
     * The dates a search may name: years 1 to 9999, what every supported database's timestamp column holds
     * ({@code Date.from} itself overflows far beyond). Outside them a date is refused like an unreadable one.
     */
    static final Instant FIRST_DATE = Instant.parse("0001-01-01T00:00:00Z");
    static final Instant LAST_DATE = Instant.parse("9999-12-31T23:59:59.999Z");

    private final Messages messages;

    public Input(Messages messages) {
        this.messages = messages;
    }

    /** The create request of {@code POST /tokens} and {@code POST /admin/tokens}; the service validates the values. */
    TokenRequest tokenRequest(CreateTokenBean body) {
        noUnknownFields(body.unknown);
        String name = text(body.name, "name");
        Integer days = integer(body.expirationDuration, "expirationDuration");
        String scopeText = text(body.scope, "scope");
        Scope scope = Scope.WRITE;
        if (scopeText != null) {
            scope = Scope.parse(scopeText).orElseThrow(() -> ApiException.badRequest(messages.get(Messages.SCOPE_INVALID), "scope"));
        }
        // One over the limit still reads, so the service reports TOO_MANY_IP_RANGES with its own message.
        List<String> ranges = texts(body.allowedIps, "allowedIps", TokenService.MAX_IP_RANGES + 1);
        return new TokenRequest(name, days, scope, ranges);
    }

    /** Refuses the first unknown field: a typo such as {@code "expiration"} must not silently mean "never". */
    void noUnknownFields(List<String> unknown) {
        if (!unknown.isEmpty()) {
            throw ApiException.badRequest(messages.get(Messages.FIELD_UNKNOWN, Messages.quote(unknown.get(0))));
        }
    }

    /** A string, or null when absent. */
    String text(JsonInput value, String field) {
        if (value == null) {
            return null;
        }
        if (value.kind() != JsonInput.Kind.STRING) {
            throw ApiException.badRequest(messages.get(Messages.FIELD_TEXT, field), field);
        }
        return value.text();
    }

    /** A JSON integer within the int range, or null when absent. {@code 1.5}, {@code 30.0}, {@code "30"} are refused. */
    Integer integer(JsonInput value, String field) {
        if (value == null) {
            return null;
        }
        Long number = integral(value);
        if (number == null || number < Integer.MIN_VALUE || number > Integer.MAX_VALUE) {
            throw ApiException.badRequest(messages.get(Messages.FIELD_INTEGER, field), field);
        }
        return number.intValue();
    }

    /** A JSON integer within the long range, or null when it is not one. */
    static Long integral(JsonInput value) {
        if (value.kind() != JsonInput.Kind.INTEGER || value.text().length() > 20) {
            return null;
        }
        try {
            return Long.valueOf(value.text());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    Boolean bool(JsonInput value, String field) {
        if (value == null) {
            return null;
        }
        if (value.kind() != JsonInput.Kind.BOOLEAN) {
            throw ApiException.badRequest(messages.get(Messages.FIELD_BOOLEAN, field), field);
        }
        return Boolean.valueOf(value.text());
    }

    /** An array of strings (at most {@code max}), or an empty list when absent. */
    List<String> texts(JsonInput value, String field, int max) {
        if (value == null) {
            return Collections.emptyList();
        }
        if (value.kind() != JsonInput.Kind.ARRAY) {
            throw ApiException.badRequest(messages.get(Messages.FIELD_TEXT_LIST, field), field);
        }
        if (value.truncated() || value.elements().size() > max) {
            throw ApiException.badRequest(messages.get(Messages.FIELD_TOO_MANY, field, max), field);
        }
        List<String> out = new ArrayList<>();
        for (JsonInput element : value.elements()) {
            if (element.kind() != JsonInput.Kind.STRING) {
                throw ApiException.badRequest(messages.get(Messages.FIELD_TEXT_LIST, field), field);
            }
            out.add(element.text());
        }
        return out;
    }

    /**
     * An ISO-8601 date-time ({@link DateTimeFormatter#ISO_DATE_TIME}, as Jira's built-in search parses them);
     * without an offset it is read as UTC. Null when absent. Refused outside {@link #FIRST_DATE} … {@link #LAST_DATE}.
     */
    Instant date(JsonInput value, String field) {
        String text = text(value, field);
        if (text == null) {
            return null;
        }
        try {
            if (text.length() > 64) {
                throw new DateTimeParseException("too long", text, 0);
            }
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(text, ZonedDateTime::from, LocalDateTime::from);
            Instant instant = parsed instanceof ZonedDateTime ? ((ZonedDateTime) parsed).toInstant()
                    : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
            if (instant.isBefore(FIRST_DATE) || instant.isAfter(LAST_DATE)) {
                throw new DateTimeParseException("outside years 1 to 9999", text, 0);
            }
            return instant;
        } catch (DateTimeParseException | ArithmeticException e) {
            throw ApiException.badRequest(messages.get(Messages.DATE_INVALID, field), field);
        }
    }
}
