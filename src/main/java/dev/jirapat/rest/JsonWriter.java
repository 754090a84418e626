package dev.jirapat.rest;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes the API's response bodies as compact UTF-8 JSON, byte for byte as codehaus Jackson 1 wrote them when
 * Atlassian REST v1 serialised our beans (null fields omitted but for text a user chose, properties in wire order). The
 * plugin writes its own JSON so that the wire is the same under every host's JSON provider (Jackson 1 on Jira 9,
 * Jackson 2 on Jira 10 and 11) and the plugin depends on none of them.
 *
 * <p>Two string escapings, both Jackson 1's: {@link #value(String)} as its UTF-8 generator writes any string
 * (quote, backslash, {@code \b \t \n \f \r}, other control characters as <code>&#92;u00XX</code>, and every
 * surrogate as <code>&#92;uXXXX</code>, so an emoji leaves as <code>"&#92;uD83D&#92;uDE00"</code>);
 * {@link #userText(String)} for text a user chose (token names, user names, import reasons), which leaves exactly
 * as it came in (see there). Everything else, including U+2028, U+2029, bidi controls and {@code </script>}, is
 * written as it is, UTF-8 encoded.
 */
final class JsonWriter {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final StringBuilder out = new StringBuilder(256);
    /** Whether the next name or array element follows a value and needs a comma. */
    private boolean afterValue;

    /** The UTF-8 bytes of one value. */
    static byte[] bytes(JsonWritable value) {
        JsonWriter writer = new JsonWriter();
        value.writeJson(writer);
        return writer.toBytes();
    }

    /** The UTF-8 bytes of an array of values. */
    static byte[] bytes(List<? extends JsonWritable> values) {
        JsonWriter writer = new JsonWriter();
        writer.array(values);
        return writer.toBytes();
    }

    /** Every surrogate written is half of a pair (the escapes take the rest), so the encoding loses nothing. */
    byte[] toBytes() {
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    JsonWriter beginObject() {
        separate();
        out.append('{');
        afterValue = false;
        return this;
    }

    JsonWriter endObject() {
        out.append('}');
        afterValue = true;
        return this;
    }

    JsonWriter beginArray() {
        separate();
        out.append('[');
        afterValue = false;
        return this;
    }

    JsonWriter endArray() {
        out.append(']');
        afterValue = true;
        return this;
    }

    JsonWriter name(String name) {
        separate();
        escaped(name);
        out.append(':');
        afterValue = false;
        return this;
    }

    /** A string as Jackson 1's UTF-8 generator writes one; null as {@code null}. */
    JsonWriter value(String text) {
        separate();
        if (text == null) {
            out.append("null");
        } else {
            escaped(text);
        }
        afterValue = true;
        return this;
    }

    /**
     * Text a user chose, as it always left: text without surrogates as {@link #value(String)}; text with any
     * surrogate (an emoji, say) with each well-formed pair as raw UTF-8, quote and backslash escaped, every other
     * control character and every lone surrogate as <code>&#92;uXXXX</code> (no short escapes here). Jackson 1
     * escapes both halves of a 4-byte character, which a client shows as two broken characters or re-encodes
     * differently, so these fields were written raw; the short-escape difference is kept so no byte changes.
     */
    JsonWriter userText(String text) {
        if (text == null || !hasSurrogate(text)) {
            return value(text);
        }
        separate();
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                unicodeEscape(c);
            } else {
                out.append(c);
            }
        }
        out.append('"');
        afterValue = true;
        return this;
    }

    JsonWriter value(long number) {
        separate();
        out.append(number);
        afterValue = true;
        return this;
    }

    JsonWriter value(boolean bool) {
        separate();
        out.append(bool);
        afterValue = true;
        return this;
    }

    JsonWriter value(JsonWritable value) {
        value.writeJson(this);
        return this;
    }

    JsonWriter array(List<? extends JsonWritable> values) {
        beginArray();
        for (JsonWritable value : values) {
            value.writeJson(this);
        }
        return endArray();
    }

    // Fields: a null value leaves the field out, as the host's JSON provider was configured to, except for text a
    // user chose.

    JsonWriter field(String name, String text) {
        return text == null ? this : name(name).value(text);
    }

    /**
     * Text a user chose, written {@code null} when null: Jackson 1 wrote these fields through a custom serializer
     * whose annotation included nulls whatever the provider's setting (an unknown user's {@code username} is
     * {@code null}, not absent).
     */
    JsonWriter userTextField(String name, String text) {
        return name(name).userText(text);
    }

    JsonWriter field(String name, long number) {
        return name(name).value(number);
    }

    JsonWriter field(String name, boolean bool) {
        return name(name).value(bool);
    }

    JsonWriter field(String name, JsonWritable value) {
        return value == null ? this : name(name).value(value);
    }

    JsonWriter field(String name, List<? extends JsonWritable> values) {
        return values == null ? this : name(name).array(values);
    }

    JsonWriter stringsField(String name, List<String> texts) {
        if (texts == null) {
            return this;
        }
        name(name).beginArray();
        for (String text : texts) {
            value(text);
        }
        return endArray();
    }

    private void separate() {
        if (afterValue) {
            out.append(',');
        }
    }

    private void escaped(String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                shortOrUnicodeEscape(c);
            } else if (Character.isSurrogate(c)) {
                unicodeEscape(c);
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    private void shortOrUnicodeEscape(char c) {
        switch (c) {
            case '\b':
                out.append("\\b");
                break;
            case '\t':
                out.append("\\t");
                break;
            case '\n':
                out.append("\\n");
                break;
            case '\f':
                out.append("\\f");
                break;
            case '\r':
                out.append("\\r");
                break;
            default:
                unicodeEscape(c);
        }
    }

    private void unicodeEscape(char c) {
        out.append("\\u").append(HEX[c >> 12 & 0xF]).append(HEX[c >> 8 & 0xF]).append(HEX[c >> 4 & 0xF]).append(HEX[c & 0xF]);
    }

    private static boolean hasSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isSurrogate(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
