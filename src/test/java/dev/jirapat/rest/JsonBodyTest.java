package dev.jirapat.rest;

import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.sal.api.message.Message;
import dev.jirapat.rest.JsonRefusal.Problem;
import org.junit.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * {@link JsonBody}: the bytes of a request body to a JSON value. Media type and charset, the size limit, strict
 * UTF-8 (the JDK decoder with {@code REPORT} refuses overlong forms, encoded surrogates, truncated sequences and
 * F5..FF: proven here byte sequence by byte sequence), UTF-16/32 detection, and the message a client gets.
 */
public class JsonBodyTest {
    private static final String JSON = "application/json";

    /** A create body whose name holds these bytes between "a" and "b". */
    static byte[] nameWith(int... bytes) {
        byte[] head = "{\"name\":\"a".getBytes(StandardCharsets.UTF_8);
        byte[] tail = "b\"}".getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[head.length + bytes.length + tail.length];
        System.arraycopy(head, 0, out, 0, head.length);
        for (int i = 0; i < bytes.length; i++) {
            out[head.length + i] = (byte) bytes[i];
        }
        System.arraycopy(tail, 0, out, head.length + bytes.length, tail.length);
        return out;
    }

    private static JsonInput read(String contentType, byte[] body) throws JsonRefusal {
        return JsonBody.read(contentType, body.length, new ByteArrayInputStream(body));
    }

    private static JsonRefusal refusal(String contentType, byte[] body) {
        try {
            read(contentType, body);
            throw new AssertionError("accepted " + Arrays.toString(body));
        } catch (JsonRefusal refusal) {
            return refusal;
        }
    }

    private static String name(byte[] body) throws JsonRefusal {
        return read(JSON, body).member("name").text();
    }

    /** Each row: the bytes that are not UTF-8 inside a name; refused at the first of them (byte 11 of the body). */
    private static void assertInvalidUtf8(int[][] table) {
        for (int[] bytes : table) {
            JsonRefusal refusal = refusal(JSON, nameWith(bytes));
            assertEquals(hex(bytes), Problem.INVALID_UTF8, refusal.problem());
            assertEquals(hex(bytes), 11, refusal.byteNumber());
        }
    }

    private static String hex(int[] bytes) {
        StringBuilder out = new StringBuilder();
        for (int b : bytes) {
            out.append(String.format("%02X ", b));
        }
        return out.toString().trim();
    }

    @Test
    public void readWhenOverlongFormThenRefused() {
        assertInvalidUtf8(new int[][] {
                {0xC0, 0xAF}, // "/" in two bytes: Jackson 1 stored it as "/"
                {0xC0, 0x80}, // NUL
                {0xC0, 0xA2}, // the quote
                {0xC1, 0xBF}, // U+007F
                {0xE0, 0x80, 0xAF}, // "/" in three bytes
                {0xE0, 0x9F, 0xBF}, // U+07FF in three bytes
                {0xF0, 0x80, 0x80, 0xAF}, // "/" in four bytes
                {0xF0, 0x8F, 0xBF, 0xBF}, // U+FFFF in four bytes
                {0xF8, 0x88, 0x80, 0x80, 0x80}, // five-byte form
                {0xFC, 0x84, 0x80, 0x80, 0x80, 0x80}, // six-byte form
        });
    }

    @Test
    public void readWhenSurrogateEncodedInUtf8ThenRefused() {
        assertInvalidUtf8(new int[][] {
                {0xED, 0xA0, 0x80}, // U+D800
                {0xED, 0xAF, 0xBF}, // U+DBFF
                {0xED, 0xB0, 0x80}, // U+DC00
                {0xED, 0xBF, 0xBF}, // U+DFFF
                {0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80}, // U+1F600 as a CESU-8 pair
        });
    }

    @Test
    public void readWhenSequenceTruncatedThenRefused() {
        assertInvalidUtf8(new int[][] {
                {0xC3}, {0xDF}, {0xE2, 0x82}, {0xE0, 0xA0}, {0xF0, 0x9F, 0x98}, {0xF4, 0x8F, 0xBF},
                {0xE2}, {0xF0}, {0xF0, 0x9F},
        });
        // cut at the very end of the body: refused at the first byte of the cut sequence
        Object[][] atTheEnd = {
                {new byte[] {'{', '}', ' ', (byte) 0xE2, (byte) 0x82}, 4L},
                {new byte[] {'"', (byte) 0xC3}, 2L},
                {new byte[] {(byte) 0xF0, (byte) 0x9F, (byte) 0x98}, 1L},
        };
        for (Object[] row : atTheEnd) {
            JsonRefusal refusal = refusal(JSON, (byte[]) row[0]);
            assertEquals(Problem.INVALID_UTF8, refusal.problem());
            assertEquals(row[1], refusal.byteNumber());
        }
    }

    @Test
    public void readWhenByteNeverInUtf8ThenRefused() {
        for (int b = 0xF5; b <= 0xFF; b++) {
            assertInvalidUtf8(new int[][] {{b}, {b, 0x80, 0x80, 0x80}});
        }
        assertInvalidUtf8(new int[][] {{0xC0}, {0xC1}, {0x80}, {0xBF}, {0x80, 0x80}, {0xF4, 0x90, 0x80, 0x80} /* U+110000 */});
    }

    @Test
    public void readWhenWellFormedUtf8ThenTheSameCharactersAtEveryLengthBoundary() throws JsonRefusal {
        int[] codePoints = {0x7F, 0x80, 0x7FF, 0x800, 0xD7FF, 0xE000, 0xFEFF, 0xFFFD, 0xFFFF, 0x10000, 0x1F600, 0x10FFFF};
        for (int cp : codePoints) {
            String text = "a" + new String(Character.toChars(cp)) + "b";
            byte[] body = ("{\"name\":\"" + text + "\"}").getBytes(StandardCharsets.UTF_8);
            assertEquals(Integer.toHexString(cp), text, name(body));
        }
    }

    @Test
    public void readWhenUtf8ByteOrderMarkThenSkippedOnceAndOnlyAtTheStart() throws JsonRefusal {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        assertEquals("x", name(concat(bom, "{\"name\":\"x\"}".getBytes(StandardCharsets.UTF_8))));
        assertEquals("inside a string it is text", "\ufeffx", name("{\"name\":\"\ufeffx\"}".getBytes(StandardCharsets.UTF_8)));
        JsonRefusal twice = refusal(JSON, concat(bom, concat(bom, "{}".getBytes(StandardCharsets.UTF_8))));
        assertEquals(Problem.VALUE, twice.problem());
        assertEquals("columns count after the skipped mark", 1, twice.column());
        assertEquals(Problem.EMPTY, refusal(JSON, bom).problem());
        assertEquals("its byte number counts the mark", 14,
                refusal(JSON, concat(bom, nameWith(0xC0, 0xAF))).byteNumber());
    }

    @Test
    public void readWhenUtf16OrUtf32ThenRefusedAsNotUtf8() {
        String body = "{\"name\":\"x\"}";
        byte[][] table = {
                body.getBytes(StandardCharsets.UTF_16BE), body.getBytes(StandardCharsets.UTF_16LE),
                body.getBytes(StandardCharsets.UTF_16), // with its byte order mark FE FF
                concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, body.getBytes(StandardCharsets.UTF_16LE)),
                body.getBytes(Charset.forName("UTF-32BE")), body.getBytes(Charset.forName("UTF-32LE")),
                concat(new byte[] {0, 0, (byte) 0xFE, (byte) 0xFF}, body.getBytes(Charset.forName("UTF-32BE"))),
                concat(new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0}, body.getBytes(Charset.forName("UTF-32LE"))),
                " {}".getBytes(StandardCharsets.UTF_16LE), "\n".getBytes(StandardCharsets.UTF_16BE),
                {0}, {'{', 0}, {(byte) 0xFE, (byte) 0xFF}, {(byte) 0xFF, (byte) 0xFE},
        };
        for (byte[] bytes : table) {
            assertEquals(Arrays.toString(bytes), Problem.NOT_UTF8, refusal(JSON, bytes).problem());
        }
    }

    @Test
    public void readWhenCharsetOtherThanUtf8ThenRefusedAndUtf8InAnySpellingAccepted() throws JsonRefusal {
        byte[] body = "{\"name\":\"x\"}".getBytes(StandardCharsets.UTF_8);
        for (String type : new String[] {"application/json;charset=ISO-8859-1", "application/json; charset=UTF-16",
                "application/json;charset=utf-32", "application/json;charset=US-ASCII", "application/json;charset=utf8",
                "application/json;charset=\"windows-1252\"", "application/json;charset=", "application/json; CHARSET=latin1",
                "application/json;charset=UTF-8;charset=UTF-16"}) {
            assertEquals(type, Problem.CHARSET, refusal(type, body).problem());
        }
        for (String type : new String[] {JSON, "application/json;charset=UTF-8", "application/json; charset=utf-8",
                "APPLICATION/JSON;Charset=\"UTF-8\"", "application/json ; charset = Utf-8 ", "application/json;foo=bar"}) {
            assertEquals(type, "x", read(type, body).member("name").text());
        }
    }

    @Test
    public void readWhenNoContentTypeOrAnotherTypeThenUnsupportedMediaType() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        for (String type : new String[] {null, "", "text/plain", "application/*", "application/json-patch+json", "application/jsonx"}) {
            assertEquals(type, Problem.MEDIA_TYPE, refusal(type, body).problem());
        }
    }

    @Test
    public void readWhenDeclaredLengthOverTheLimitThenRefusedWithoutReadingAByte() {
        InputStream untouchable = new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("read a body declared too large");
            }
        };
        for (long length : new long[] {JsonBody.MAX_BYTES + 1L, 10_000_000L, Long.MAX_VALUE}) {
            try {
                JsonBody.read(JSON, length, untouchable);
                fail("accepted " + length);
            } catch (JsonRefusal refusal) {
                assertEquals(Problem.TOO_LARGE, refusal.problem());
            }
        }
    }

    @Test
    public void readWhenUndeclaredBodyOverTheLimitThenRefusedAfterTheLimitPlusOneByte() {
        CountingStream endless = new CountingStream(Long.MAX_VALUE);
        try {
            JsonBody.read(JSON, -1, endless);
            fail("accepted an endless body");
        } catch (JsonRefusal refusal) {
            assertEquals(Problem.TOO_LARGE, refusal.problem());
        }
        assertEquals(JsonBody.MAX_BYTES + 1L, endless.served);
    }

    @Test
    public void readWhenBodyExactlyAtTheLimitThenReadWhetherDeclaredOrNot() throws JsonRefusal {
        byte[] body = padded("[1]", JsonBody.MAX_BYTES);
        assertEquals(1, JsonBody.read(JSON, body.length, new ByteArrayInputStream(body)).elements().size());
        assertEquals(1, JsonBody.read(JSON, -1, new ByteArrayInputStream(body)).elements().size());
        byte[] over = padded("[1]", JsonBody.MAX_BYTES + 1);
        try {
            JsonBody.read(JSON, -1, new ByteArrayInputStream(over));
            fail("accepted " + over.length + " bytes");
        } catch (JsonRefusal refusal) {
            assertEquals(Problem.TOO_LARGE, refusal.problem());
        }
    }

    @Test
    public void readWhenBulkRevokeOfAThousandNineteenDigitIdsThenWithinTheLimit() throws JsonRefusal {
        StringBuilder ids = new StringBuilder("[");
        for (int i = 0; i < 1000; i++) {
            ids.append(i == 0 ? "" : ", ").append(Long.MAX_VALUE - i);
        }
        byte[] body = ids.append(']').toString().getBytes(StandardCharsets.UTF_8);
        assertTrue(body.length + " bytes", body.length < JsonBody.MAX_BYTES / 2);
        assertEquals(1000, read(JSON, body).elements().size());
    }

    @Test
    public void readWhenStreamFailsThenUnreadable() {
        // what a container throws: an IOException when the client hangs up, an unchecked one for a bad chunk
        for (Exception failure : new Exception[] {new IOException("reset"), new IllegalStateException("bad chunk")}) {
            InputStream broken = new InputStream() {
                @Override
                public int read() throws IOException {
                    if (failure instanceof IOException) {
                        throw (IOException) failure;
                    }
                    throw (RuntimeException) failure;
                }
            };
            try {
                JsonBody.read(JSON, -1, broken);
                fail("accepted a broken stream");
            } catch (JsonRefusal refusal) {
                assertEquals(Problem.UNREADABLE, refusal.problem());
            }
        }
    }

    @Test
    public void readWhenTrailingContentThenRefused() {
        for (String body : new String[] {"{\"name\":\"ci\"} {\"expirationDuration\":30}", "[1] 2", "{}x", "{} {}",
                "{\"maxTokensPerUser\":5}\n{\"maxTokensPerUser\":null}"}) {
            assertEquals(body, Problem.TRAILING, refusal(JSON, body.getBytes(StandardCharsets.UTF_8)).problem());
        }
    }

    @Test
    public void readWhenEmptyThenEmpty() {
        assertEquals(Problem.EMPTY, refusal(JSON, new byte[0]).problem());
        try {
            JsonBody.read(JSON, -1, null);
            fail("accepted no stream");
        } catch (JsonRefusal refusal) {
            assertEquals(Problem.EMPTY, refusal.problem());
        }
    }

    @Test
    public void errorWhenRefusedThenTheStatusAndAMessageThatSaysWhatAndWhere() {
        JsonBody body = new JsonBody(new Messages(new BundleI18n()));
        Object[][] table = {
                {"{\"name\":\"ci\"} {\"expirationDuration\":30}", 400,
                        "The request body is not valid JSON at line 1, column 15: unexpected content after the JSON value. "
                                + "Send exactly one JSON value."},
                {"{\"name\":\"a\",\n \"name\":\"b\"}", 400, "The request body is not valid JSON at line 2, column 2: the field "
                        + "name appears twice in one object. Send each field once."},
                {"[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]", 400, "The request body is not valid JSON at line 1, column 21: "
                        + "arrays and objects are nested more than 20 levels deep. Send a flatter body."},
                {"{\"a\":030}", 400, "The request body is not valid JSON at line 1, column 6: this number is not valid JSON. "
                        + "Write it in decimal without a plus sign or leading zeros, with digits on both sides of a dot."},
                {"", 400, "This request needs a JSON body."},
        };
        for (Object[] row : table) {
            ApiException error = body.error(refusal(JSON, ((String) row[0]).getBytes(StandardCharsets.UTF_8)));
            assertEquals((String) row[0], row[1], error.status());
            assertEquals(ApiException.ILLEGAL_ARGUMENT, error.exception());
            assertEquals((String) row[0], row[2], error.getMessage());
        }
        ApiException invalid = body.error(refusal(JSON, nameWith(0xC0, 0xAF)));
        assertEquals("The request body is not valid UTF-8 at byte 11. Send the body as JSON encoded in UTF-8.", invalid.getMessage());
        ApiException utf32 = body.error(refusal(JSON, "{}".getBytes(Charset.forName("UTF-32LE"))));
        assertTrue(utf32.getMessage(), utf32.getMessage().startsWith("The request body must be JSON in UTF-8"));
        ApiException charset = body.error(refusal("application/json;charset=UTF-16", new byte[0]));
        assertTrue(charset.getMessage(), charset.getMessage().startsWith("The request body must be JSON in UTF-8"));
        ApiException large = body.error(JsonRefusal.of(Problem.TOO_LARGE));
        assertEquals(413, large.status());
        assertEquals(ApiException.WEB_APPLICATION, large.exception());
        assertEquals("The request body is larger than 65536 bytes, the most this API accepts. Send less per request.", large.getMessage());
        ApiException type = body.error(JsonRefusal.of(Problem.MEDIA_TYPE));
        assertEquals(415, type.status());
        for (Problem problem : Problem.values()) {
            ApiException error = body.error(problem.isSyntax() ? JsonRefusal.at(problem, 1, 1, "x")
                    : JsonRefusal.of(problem));
            assertTrue(problem + ": " + error.status(), error.status() == 400 || error.status() == 413 || error.status() == 415);
            assertFalse(problem + " has its message: " + error.getMessage(), error.getMessage().contains("pat.rest."));
        }
    }

    @Test
    public void errorWhenDuplicateNameIsLongOrHoldsControlCharactersThenQuotedShortAndNeutralised() {
        JsonBody body = new JsonBody(new Messages(new BundleI18n()));
        String name = "a\u202Eb\n" + "x".repeat(100);
        ApiException error = body.error(JsonRefusal.at(Problem.DUPLICATE_NAME, 1, 2, name));
        assertTrue(error.getMessage(), error.getMessage().contains("the field a?b?" + "x".repeat(36) + "\u2026 appears twice"));
    }

    static byte[] padded(String json, int size) {
        byte[] out = new byte[size];
        Arrays.fill(out, (byte) ' ');
        byte[] value = json.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(value, 0, out, 0, value.length);
        return out;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Spaces without end (up to {@code limit}), counting what it served. */
    private static final class CountingStream extends InputStream {
        private final long limit;
        long served;

        CountingStream(long limit) {
            this.limit = limit;
        }

        @Override
        public int read() {
            if (served >= limit) {
                return -1;
            }
            served++;
            return ' ';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            int n = (int) Math.min(len, limit - served);
            if (n <= 0) {
                return len == 0 ? 0 : -1;
            }
            Arrays.fill(b, off, off + n, (byte) ' ');
            served += n;
            return n;
        }
    }

    /** The plugin's bundle through MessageFormat, as Jira's resolver formats it. */
    static final class BundleI18n implements I18nResolver {
        private final Properties bundle = new Properties();

        BundleI18n() {
            try (InputStream in = JsonBodyTest.class.getResourceAsStream("/dev/jirapat/i18n/pat.properties")) {
                bundle.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String getText(String key, Serializable... arguments) {
            String text = bundle.getProperty(key);
            return text == null ? key : new MessageFormat(text, Locale.ROOT).format(arguments);
        }

        @Override
        public Message createMessage(String key, Serializable... arguments) {
            throw new UnsupportedOperationException();
        }
    }
}
