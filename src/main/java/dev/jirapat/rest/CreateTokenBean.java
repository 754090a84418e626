package dev.jirapat.rest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * {@code POST /tokens}: {@code {"name", "expirationDuration"}} as the built-in app, plus {@code "scope"} and
 * {@code "allowedIps"}, read from the body's JSON object. Values stay raw ({@link JsonInput}; null when absent or
 * JSON {@code null}) until {@link Input} checks their types; unknown fields are collected and refused.
 */
class CreateTokenBean {
    private static final List<String> FIELDS = Arrays.asList("name", "expirationDuration", "scope", "allowedIps");

    final JsonInput name;
    final JsonInput expirationDuration;
    final JsonInput scope;
    final JsonInput allowedIps;
    /** Fields of the body that no reader knows, in the order sent. */
    final List<String> unknown;

    CreateTokenBean(JsonInput body) {
        this(body, Collections.<String>emptyList());
    }

    /** For a body with {@code moreFields} besides these (read by the subclass). */
    CreateTokenBean(JsonInput body, List<String> moreFields) {
        List<String> known = new ArrayList<>(FIELDS);
        known.addAll(moreFields);
        this.name = body.member("name");
        this.expirationDuration = body.member("expirationDuration");
        this.scope = body.member("scope");
        this.allowedIps = body.member("allowedIps");
        this.unknown = body.unknownMembers(known);
    }
}
