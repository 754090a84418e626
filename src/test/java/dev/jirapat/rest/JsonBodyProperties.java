package dev.jirapat.rest;

import dev.jirapat.rest.JsonRefusal.Problem;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * {@link JsonBody} over generated input: random text and bytes, valid JSON with random mutations, nesting of any
 * depth, invalid UTF-8. A body is either read or refused with our own {@link JsonRefusal}, which the API answers
 * with a 4xx (never a 5xx); a value written as JSON reads back as that value; bytes that are not UTF-8 never pass.
 */
class JsonBodyProperties {
    private static final String JSON = "application/json";
    private static final JsonBody BODY = new JsonBody(new Messages(new JsonBodyTest.BundleI18n()));
    private static final Input INPUT = new Input(new Messages(new JsonBodyTest.BundleI18n()));

    /** Reads the bytes as the API does; a refusal must be ours and map to a 4xx, a value must pass the readers. */
    private static JsonInput readOrNull(byte[] body) {
        JsonInput value;
        try {
            value = JsonBody.read(JSON, body.length, new ByteArrayInputStream(body));
        } catch (JsonRefusal refusal) {
            int status = BODY.error(refusal).status();
            assertTrue(refusal.problem() + " answered " + status, status == 400 || status == 413);
            return null;
        }
        if (value.kind() == JsonInput.Kind.OBJECT) {
            try {
                INPUT.tokenRequest(new CreateTokenBean(value));
                new ServiceTokenBean(value);
                new SearchBean(value);
                new PolicyChangeBean(value);
            } catch (ApiException refused) {
                assertEquals(400, refused.status());
            }
        }
        return value;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    // --- anything at all -------------------------------------------------------------------------------------

    @Property(tries = 5000)
    void readWhenAnyTextThenAValueOrOurRefusal(@ForAll String text) {
        readOrNull(utf8(text));
    }

    @Property(tries = 5000)
    void readWhenAnyBytesThenAValueOrOurRefusal(@ForAll @Size(max = 300) byte[] bytes) {
        readOrNull(bytes);
    }

    @Property(tries = 2000)
    void readWhenValidJsonMutatedThenAValueOrOurRefusalAndAnAcceptedValueReadsTheSameWhenWrittenAgain(
            @ForAll("values") JsonInput value, @ForAll Random random, @ForAll @IntRange(min = 1, max = 4) int mutations) {
        StringBuilder text = new StringBuilder(write(value, random));
        for (int i = 0; i < mutations; i++) {
            mutate(text, random);
        }
        JsonInput read = readOrNull(utf8(text.toString()));
        byte[] again = read == null ? null : utf8(write(read, random));
        if (again != null && again.length <= JsonBody.MAX_BYTES) {
            assertEquals(read, readOrNull(again));
        }
    }

    private static final String MUTANTS = "{}[]:,\"\\/ \t\n\r0123456789-+.eEtrufalsn\u0000\u001f\u007f\u00e9\u2028\ufeff\uD83D\uDE00x'";

    private static void mutate(StringBuilder text, Random random) {
        int at = text.length() == 0 ? 0 : random.nextInt(text.length());
        char c = MUTANTS.charAt(random.nextInt(MUTANTS.length()));
        switch (random.nextInt(4)) {
            case 0:
                text.insert(at, c);
                break;
            case 1:
                if (text.length() > 0) {
                    text.deleteCharAt(at);
                }
                break;
            case 2:
                if (text.length() > 0) {
                    text.setCharAt(at, c);
                }
                break;
            default:
                text.insert(random.nextBoolean() ? 0 : text.length(), c); // before or after the value
        }
    }

    // --- round trip ------------------------------------------------------------------------------------------

    @Property(tries = 1500)
    void readWhenGeneratedValueWrittenAsJsonThenTheSameValue(@ForAll("values") JsonInput value, @ForAll Random random) {
        byte[] body = utf8(write(value, random));
        if (random.nextInt(5) == 0) {
            body = JsonBodyTest.concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, body);
        }
        try {
            JsonInput read = JsonBody.read(JSON, random.nextBoolean() ? body.length : -1, new ByteArrayInputStream(body));
            assertTrue("read although larger than the limit", body.length <= JsonBody.MAX_BYTES);
            assertEquals(value, read);
        } catch (JsonRefusal refusal) {
            assertTrue(refusal.problem() + " for " + body.length + " bytes",
                    refusal.problem() == Problem.TOO_LARGE && body.length > JsonBody.MAX_BYTES);
        }
    }

    @Provide
    Arbitrary<JsonInput> values() {
        return Arbitraries.recursive(JsonBodyProperties::scalars, JsonBodyProperties::containers, 0, 4);
    }

    private static Arbitrary<JsonInput> scalars() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.strings().ofMaxLength(12).map(JsonInput::string)),
                Tuple.of(3, integerLiterals().map(literal -> JsonInput.number(literal, true))),
                Tuple.of(2, decimalLiterals().map(literal -> JsonInput.number(literal, false))),
                Tuple.of(1, Arbitraries.of(true, false).map(JsonInput::bool)),
                Tuple.of(1, Arbitraries.just(JsonInput.nullValue())));
    }

    /** {@code -? (0 | [1-9][0-9]*)}, up to 250 digits. */
    private static Arbitrary<String> integerLiterals() {
        Arbitrary<String> magnitude = Arbitraries.oneOf(Arbitraries.just("0"),
                Combinators.combine(Arbitraries.chars().range('1', '9'), Arbitraries.strings().numeric().ofMaxLength(249))
                        .as((first, rest) -> first + rest));
        return Combinators.combine(Arbitraries.of("", "-"), magnitude).as(String::concat);
    }

    /** An integer literal with a fraction, an exponent or both. */
    private static Arbitrary<String> decimalLiterals() {
        Arbitrary<String> fraction = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(30).map(d -> "." + d);
        Arbitrary<String> exponent = Combinators.combine(Arbitraries.of("e", "E"), Arbitraries.of("", "+", "-"),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(12)).as((e, sign, digits) -> e + sign + digits);
        return Combinators.combine(integerLiterals(), fraction.injectNull(0.3), exponent.injectNull(0.5))
                .as((whole, f, e) -> whole + (f == null && e == null ? ".0" : (f == null ? "" : f) + (e == null ? "" : e)));
    }

    private static Arbitrary<JsonInput> containers(Arbitrary<JsonInput> inner) {
        Arbitrary<JsonInput> arrays = inner.list().ofMaxSize(4).map(elements -> JsonInput.array(elements, false));
        Arbitrary<JsonInput> objects = Arbitraries.maps(Arbitraries.strings().ofMaxLength(6), inner).ofMaxSize(4)
                .map(members -> JsonInput.object(new LinkedHashMap<>(members)));
        return Arbitraries.oneOf(arrays, objects);
    }

    /** The value as JSON text, with random whitespace and random (valid) escapes. */
    static String write(JsonInput value, Random random) {
        StringBuilder out = new StringBuilder();
        space(out, random);
        write(value, random, out);
        space(out, random);
        return out.toString();
    }

    private static void write(JsonInput value, Random random, StringBuilder out) {
        switch (value.kind()) {
            case STRING:
                string(value.text(), random, out);
                break;
            case INTEGER:
            case DECIMAL:
            case BOOLEAN:
                out.append(value.text());
                break;
            case NULL:
                out.append("null");
                break;
            case ARRAY:
                out.append('[');
                for (int i = 0; i < value.elements().size(); i++) {
                    out.append(i == 0 ? "" : ",");
                    space(out, random);
                    write(value.elements().get(i), random, out);
                    space(out, random);
                }
                out.append(']');
                break;
            default:
                out.append('{');
                boolean first = true;
                for (Map.Entry<String, JsonInput> member : value.members().entrySet()) {
                    out.append(first ? "" : ",");
                    first = false;
                    space(out, random);
                    string(member.getKey(), random, out);
                    space(out, random);
                    out.append(':');
                    space(out, random);
                    write(member.getValue(), random, out);
                    space(out, random);
                }
                out.append('}');
        }
    }

    private static final String[] SPACES = {"", "", "", " ", "\n", "\t", "\r\n", "  "};

    private static void space(StringBuilder out, Random random) {
        out.append(SPACES[random.nextInt(SPACES.length)]);
    }

    private static void string(String text, Random random, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            if (pair && random.nextBoolean()) {
                out.append(c).append(text.charAt(++i)); // raw: four bytes of UTF-8
            } else if (c == '"' || c == '\\') {
                out.append(random.nextBoolean() ? "\\" + c : unicode(c));
            } else if (c == '/' && random.nextBoolean()) {
                out.append("\\/");
            } else if (c < 0x20 || Character.isSurrogate(c) || random.nextInt(6) == 0) {
                String shortEscape = c == '\n' ? "\\n" : c == '\t' ? "\\t" : c == '\r' ? "\\r" : c == '\b' ? "\\b" : c == '\f' ? "\\f" : null;
                out.append(shortEscape != null && random.nextBoolean() ? shortEscape : unicode(c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    private static String unicode(char c) {
        String hex = String.format("%04x", (int) c);
        return "\\u" + (c % 2 == 0 ? hex : hex.toUpperCase());
    }

    // --- depth -----------------------------------------------------------------------------------------------

    @Property(tries = 1000)
    void readWhenNestedToAnyDepthThenAcceptedUpToTheLimitAndRefusedAtTheFirstOpeningBeyond(
            @ForAll @IntRange(min = 1, max = 400) int depth, @ForAll Random random) {
        StringBuilder open = new StringBuilder();
        StringBuilder close = new StringBuilder();
        int beyond = -1;
        for (int level = 1; level <= depth; level++) {
            if (level == JsonText.MAX_DEPTH + 1) {
                beyond = open.length();
            }
            if (random.nextBoolean()) {
                open.append('[');
                close.insert(0, ']');
            } else {
                open.append("{\"k\":");
                close.insert(0, '}');
            }
        }
        String text = open + "1" + close;
        try {
            JsonInput value = JsonBody.read(JSON, -1, new ByteArrayInputStream(utf8(text)));
            assertTrue("read " + depth + " deep", depth <= JsonText.MAX_DEPTH);
            assertEquals(depth, depthOf(value));
        } catch (JsonRefusal refusal) {
            assertTrue("refused " + depth + " deep: " + refusal.problem(), depth > JsonText.MAX_DEPTH);
            assertEquals(Problem.DEPTH, refusal.problem());
            assertEquals(1, refusal.line());
            assertEquals(beyond + 1, refusal.column());
        }
    }

    private static int depthOf(JsonInput value) {
        int depth = 0;
        while (value.kind() == JsonInput.Kind.ARRAY || value.kind() == JsonInput.Kind.OBJECT) {
            depth++;
            value = value.kind() == JsonInput.Kind.ARRAY ? value.elements().get(0) : value.members().get("k");
        }
        return depth;
    }

    // --- UTF-8 -----------------------------------------------------------------------------------------------

    @Property(tries = 5000)
    void readWhenBytesAreNotUtf8ThenRefusedAtTheFirstBadByte(@ForAll("mostlyUtf8") byte[] bytes) {
        checkEncoding(bytes);
    }

    @Property(tries = 5000)
    void readWhenANameHoldsBytesThatAreNotUtf8ThenRefusedForTheEncodingNotTheSyntax(@ForAll("mostlyUtf8") byte[] bytes) {
        byte[] head = utf8("{\"name\":\"");
        byte[] body = JsonBodyTest.concat(JsonBodyTest.concat(head, bytes), utf8("\"}"));
        checkEncoding(body);
    }

    /**
     * Bytes that are not well-formed UTF-8 by the Unicode standard's table (checked here without the JDK) are
     * refused at the first byte of the first bad sequence; well-formed ones are never refused for the encoding.
     */
    private static void checkEncoding(byte[] body) {
        int bad = firstIllFormed(body);
        boolean utf8Mark = body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF;
        boolean utf16or32 = !utf8Mark && (hasNulInFirstFour(body) || body.length >= 2
                && ((body[0] & 0xFF) == 0xFE && (body[1] & 0xFF) == 0xFF || (body[0] & 0xFF) == 0xFF && (body[1] & 0xFF) == 0xFE));
        try {
            JsonBody.read(JSON, body.length, new ByteArrayInputStream(body));
            assertEquals("read bytes that are not UTF-8: " + Arrays.toString(body), -1, bad);
        } catch (JsonRefusal refusal) {
            if (bad < 0) {
                assertTrue(refusal.problem() + " for UTF-8", refusal.problem() != Problem.INVALID_UTF8);
            } else if (utf16or32) {
                assertEquals(Problem.NOT_UTF8, refusal.problem());
            } else {
                assertEquals(Arrays.toString(body), Problem.INVALID_UTF8, refusal.problem());
                assertEquals(Arrays.toString(body), bad + 1L, refusal.byteNumber());
            }
        }
    }

    private static boolean hasNulInFirstFour(byte[] bytes) {
        for (int i = 0; i < Math.min(4, bytes.length); i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The index of the first byte of the first ill-formed sequence, or -1: Unicode's table of well-formed UTF-8
     * byte sequences (00..7F; C2..DF 80..BF; E0 A0..BF; E1..EC 80..BF; ED 80..9F; EE..EF 80..BF; F0 90..BF;
     * F1..F3 80..BF; F4 80..8F; each followed by the remaining 80..BF bytes). A leading EF BB BF is skipped.
     */
    static int firstIllFormed(byte[] bytes) {
        int i = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        while (i < bytes.length) {
            int b = bytes[i] & 0xFF;
            int length;
            int secondMin = 0x80;
            int secondMax = 0xBF;
            if (b <= 0x7F) {
                length = 1;
            } else if (b >= 0xC2 && b <= 0xDF) {
                length = 2;
            } else if (b >= 0xE0 && b <= 0xEF) {
                length = 3;
                secondMin = b == 0xE0 ? 0xA0 : 0x80;
                secondMax = b == 0xED ? 0x9F : 0xBF;
            } else if (b >= 0xF0 && b <= 0xF4) {
                length = 4;
                secondMin = b == 0xF0 ? 0x90 : 0x80;
                secondMax = b == 0xF4 ? 0x8F : 0xBF;
            } else {
                return i;
            }
            for (int k = 1; k < length; k++) {
                if (i + k >= bytes.length) {
                    return i;
                }
                int next = bytes[i + k] & 0xFF;
                int min = k == 1 ? secondMin : 0x80;
                int max = k == 1 ? secondMax : 0xBF;
                if (next < min || next > max) {
                    return i;
                }
            }
            i += length;
        }
        return -1;
    }

    /** Well-formed UTF-8 of random text, then a few random bytes changed, inserted or removed; or plain random bytes. */
    @Provide
    Arbitrary<byte[]> mostlyUtf8() {
        Arbitrary<byte[]> damaged = Combinators.combine(Arbitraries.strings().ofMaxLength(12), Arbitraries.randoms(),
                Arbitraries.integers().between(0, 3)).as((text, random, changes) -> damage(utf8(text), random, changes));
        Arbitrary<byte[]> interesting = Arbitraries.of(0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF,
                0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0x41, 0x00).list().ofMaxSize(8).map(JsonBodyProperties::bytes);
        return Arbitraries.frequencyOf(Tuple.of(5, damaged), Tuple.of(3, interesting),
                Tuple.of(2, Arbitraries.bytes().array(byte[].class).ofMaxSize(16)));
    }

    private static byte[] damage(byte[] bytes, Random random, int changes) {
        List<Byte> out = new ArrayList<>();
        for (byte b : bytes) {
            out.add(b);
        }
        for (int i = 0; i < changes; i++) {
            int at = out.isEmpty() ? 0 : random.nextInt(out.size());
            byte b = (byte) (random.nextBoolean() ? 0x80 + random.nextInt(0x80) : random.nextInt(256));
            switch (random.nextInt(3)) {
                case 0:
                    out.add(at, b);
                    break;
                case 1:
                    if (!out.isEmpty()) {
                        out.remove(at);
                    }
                    break;
                default:
                    if (!out.isEmpty()) {
                        out.set(at, b);
                    }
            }
        }
        byte[] result = new byte[out.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = out.get(i);
        }
        return result;
    }

    private static byte[] bytes(List<Integer> values) {
        byte[] out = new byte[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (int) values.get(i);
        }
        return out;
    }

    /** The test's own table agrees with the JDK's encoder (lone surrogates become '?') and knows the classic faults. */
    @Property(tries = 500)
    void firstIllFormedWhenTextEncodedByTheJdkThenWellFormed(@ForAll String text) {
        assertEquals(-1, firstIllFormed(utf8(text)));
        for (int[] bad : new int[][] {{0xC0, 0xAF}, {0xED, 0xA0, 0x80}, {0xF4, 0x90, 0x80, 0x80}, {0xE2, 0x82}, {0xFF}}) {
            byte[] b = new byte[bad.length];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) bad[i];
            }
            if (firstIllFormed(b) != 0) {
                fail("the table misses " + Arrays.toString(bad));
            }
        }
    }
}
