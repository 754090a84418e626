package dev.jirapat.rest;

import org.codehaus.jackson.JsonParser;
import org.codehaus.jackson.JsonToken;
import org.codehaus.jackson.map.DeserializationContext;
import org.codehaus.jackson.map.JsonDeserializer;
import org.codehaus.jackson.map.annotate.JsonDeserialize;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One JSON value of a request as it was sent, so the API checks types itself: Jackson 1 would coerce
 * {@code "30"}, {@code 1.5} or {@code 30.0} into an int and a number into a string. Scalars keep their literal
 * text; an array keeps its first {@value #MAX_ELEMENTS} elements; anything nested deeper is skipped by the
 * parser without recursion (so {@code [[[[...]]]]} cannot exhaust the stack) and only its kind is kept.
 * JSON {@code null} never becomes a JsonInput: Jackson passes null, which the API treats as absent.
 */
@JsonDeserialize(using = JsonInput.Reader.class)
public final class JsonInput {
    static final int MAX_ELEMENTS = 10000;

    enum Kind {
        STRING, INTEGER, DECIMAL, BOOLEAN, NULL, ARRAY, OBJECT
    }

    private final Kind kind;
    private final String text;
    private final List<JsonInput> elements;
    private final boolean truncated;

    private JsonInput(Kind kind, String text, List<JsonInput> elements, boolean truncated) {
        this.kind = kind;
        this.text = text;
        this.elements = elements;
        this.truncated = truncated;
    }

    Kind kind() {
        return kind;
    }

    /** The string, the number literal or {@code true}/{@code false}; null for the other kinds. */
    String text() {
        return text;
    }

    /** The elements of a top-level array (nested arrays and objects appear with their kind only). */
    List<JsonInput> elements() {
        return elements;
    }

    /** Whether an array had more than {@value #MAX_ELEMENTS} elements (the rest were skipped). */
    boolean truncated() {
        return truncated;
    }

    /** Reads one value without recursion; registered on the class, so every JsonInput property uses it. */
    public static final class Reader extends JsonDeserializer<JsonInput> {
        @Override
        public JsonInput deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonToken token = parser.getCurrentToken();
            if (token != JsonToken.START_ARRAY) {
                return one(parser, token, context);
            }
            List<JsonInput> elements = new ArrayList<>();
            boolean truncated = false;
            for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                if (next == null) {
                    throw context.mappingException("unexpected end of input in an array");
                }
                JsonInput element = one(parser, next, context);
                if (elements.size() < MAX_ELEMENTS) {
                    elements.add(element);
                } else {
                    truncated = true;
                }
            }
            return new JsonInput(Kind.ARRAY, null, Collections.unmodifiableList(elements), truncated);
        }

        private static JsonInput one(JsonParser parser, JsonToken token, DeserializationContext context) throws IOException {
            switch (token) {
                case VALUE_STRING:
                    return scalar(Kind.STRING, parser.getText());
                case VALUE_NUMBER_INT:
                    return scalar(Kind.INTEGER, parser.getText());
                case VALUE_NUMBER_FLOAT:
                    return scalar(Kind.DECIMAL, parser.getText());
                case VALUE_TRUE:
                    return scalar(Kind.BOOLEAN, "true");
                case VALUE_FALSE:
                    return scalar(Kind.BOOLEAN, "false");
                case VALUE_NULL:
                    return scalar(Kind.NULL, null);
                case START_ARRAY:
                    parser.skipChildren();
                    return scalar(Kind.ARRAY, null);
                case START_OBJECT:
                    parser.skipChildren();
                    return scalar(Kind.OBJECT, null);
                default:
                    throw context.mappingException("unexpected JSON token " + token);
            }
        }

        private static JsonInput scalar(Kind kind, String text) {
            return new JsonInput(kind, text, Collections.<JsonInput>emptyList(), false);
        }
    }
}
