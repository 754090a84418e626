package dev.jirapat.rest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One JSON value of a request body as it was sent, so the API checks types itself (no coercion of {@code "30"},
 * {@code 1.5} or {@code 30.0} into an int). Scalars keep their literal text (a number exactly as written); an
 * array keeps its first {@value #MAX_ELEMENTS} elements; an object keeps its members in the order sent (names are
 * unique: {@link JsonText} refuses a duplicate). JSON {@code null} is a value of kind {@link Kind#NULL}; the
 * readers over an object ({@link #member}) treat it as absent, as the API always has.
 */
final class JsonInput {
    static final int MAX_ELEMENTS = 10000;

    enum Kind {
        STRING, INTEGER, DECIMAL, BOOLEAN, NULL, ARRAY, OBJECT
    }

    private static final JsonInput NULL = new JsonInput(Kind.NULL, null, Collections.<JsonInput>emptyList(), false,
            Collections.<String, JsonInput>emptyMap());

    private final Kind kind;
    private final String text;
    private final List<JsonInput> elements;
    private final boolean truncated;
    private final Map<String, JsonInput> members;

    private JsonInput(Kind kind, String text, List<JsonInput> elements, boolean truncated, Map<String, JsonInput> members) {
        this.kind = kind;
        this.text = text;
        this.elements = elements;
        this.truncated = truncated;
        this.members = members;
    }

    static JsonInput string(String text) {
        return scalar(Kind.STRING, Objects.requireNonNull(text));
    }

    /** A number literal as written: {@link Kind#INTEGER} without fraction or exponent, else {@link Kind#DECIMAL}. */
    static JsonInput number(String literal, boolean integer) {
        return scalar(integer ? Kind.INTEGER : Kind.DECIMAL, Objects.requireNonNull(literal));
    }

    static JsonInput bool(boolean value) {
        return scalar(Kind.BOOLEAN, Boolean.toString(value));
    }

    static JsonInput nullValue() {
        return NULL;
    }

    /** An array of these elements; {@code truncated} when more were sent than {@value #MAX_ELEMENTS}. */
    static JsonInput array(List<JsonInput> elements, boolean truncated) {
        return new JsonInput(Kind.ARRAY, null, Collections.unmodifiableList(new ArrayList<>(elements)), truncated,
                Collections.<String, JsonInput>emptyMap());
    }

    /** An object with these members in this order. */
    static JsonInput object(Map<String, JsonInput> members) {
        return new JsonInput(Kind.OBJECT, null, Collections.<JsonInput>emptyList(), false,
                Collections.unmodifiableMap(new LinkedHashMap<>(members)));
    }

    private static JsonInput scalar(Kind kind, String text) {
        return new JsonInput(kind, text, Collections.<JsonInput>emptyList(), false, Collections.<String, JsonInput>emptyMap());
    }

    Kind kind() {
        return kind;
    }

    /** The string, the number literal or {@code true}/{@code false}; null for the other kinds. */
    String text() {
        return text;
    }

    /** The elements of an array (empty for the other kinds). */
    List<JsonInput> elements() {
        return elements;
    }

    /** Whether an array had more than {@value #MAX_ELEMENTS} elements (the rest were read and dropped). */
    boolean truncated() {
        return truncated;
    }

    /** The members of an object in the order sent, JSON {@code null} values included (empty for the other kinds). */
    Map<String, JsonInput> members() {
        return members;
    }

    /** The member of an object, or null when it is absent or JSON {@code null}: both mean "not given". */
    JsonInput member(String name) {
        JsonInput value = members.get(name);
        return value == null || value.kind == Kind.NULL ? null : value;
    }

    /** The member names of an object that are not among {@code known}, in the order sent. */
    List<String> unknownMembers(Collection<String> known) {
        List<String> unknown = new ArrayList<>();
        for (String name : members.keySet()) {
            if (!known.contains(name)) {
                unknown.add(name);
            }
        }
        return unknown;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof JsonInput)) {
            return false;
        }
        JsonInput that = (JsonInput) other;
        return kind == that.kind && truncated == that.truncated && Objects.equals(text, that.text)
                && elements.equals(that.elements) && new ArrayList<>(members.entrySet()).equals(new ArrayList<>(that.members.entrySet()));
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, text, elements, members);
    }

    /** The kind only: a value may hold a secret, so it never appears in a log line or a message by accident. */
    @Override
    public String toString() {
        return "JsonInput(" + kind + ")";
    }
}
