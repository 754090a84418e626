package dev.jirapat.rest;

import org.codehaus.jackson.JsonGenerator;
import org.codehaus.jackson.map.JsonSerializer;
import org.codehaus.jackson.map.SerializerProvider;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes text a user chose (token names, user names) so that it leaves exactly as it came in. Jackson 1's UTF-8
 * generator escapes each half of a 4-byte character ({@code "\uD83D\uDE00"} for an emoji); this writes such text as
 * raw UTF-8 with JSON's own escapes (quote, backslash, control characters) done here. Text without 4-byte
 * characters, and generators that cannot take raw UTF-8, get Jackson's ordinary {@code writeString}.
 */
public final class Utf8Text extends JsonSerializer<String> {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    @Override
    public void serialize(String value, JsonGenerator generator, SerializerProvider provider) throws IOException {
        if (!hasSupplementary(value)) {
            generator.writeString(value);
            return;
        }
        byte[] utf8 = escape(value).getBytes(StandardCharsets.UTF_8);
        try {
            generator.writeRawUTF8String(utf8, 0, utf8.length);
        } catch (UnsupportedOperationException notAUtf8Generator) {
            generator.writeString(value);
        }
    }

    private static boolean hasSupplementary(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (Character.isSurrogate(value.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** JSON string escapes as Jackson applies them, and a lone surrogate (not encodable in UTF-8) as {@code \\uXXXX}. */
    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1));
            if (pair) {
                out.append(c).append(value.charAt(++i));
            } else if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                out.append("\\u").append(HEX[c >> 12 & 0xF]).append(HEX[c >> 8 & 0xF]).append(HEX[c >> 4 & 0xF]).append(HEX[c & 0xF]);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
