package dev.jirapat.rest;

import dev.jirapat.token.ImportProblem;
import dev.jirapat.token.ImportRecord;
import org.junit.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/** Reading an export of the built-in app's table as CSV (RFC 4180, as databases write it) or JSON. */
public class ImportFileTest {
    private static final String HEADER = "ID,NAME,USER_KEY,CREATED_AT,LAST_ACCESSED_AT,HASHED_TOKEN,TOKEN_ID,EXPIRING_AT,NOTIFICATION_STATE";

    private static List<List<String>> records(String text) throws CsvReader.Refusal, IOException {
        CsvReader reader = new CsvReader(text);
        List<List<String>> out = new ArrayList<>();
        for (List<String> r = reader.next(); r != null; r = reader.next()) {
            out.add(r);
        }
        return out;
    }

    private static CsvReader.Problem refusal(String text) {
        try {
            records(text);
        } catch (CsvReader.Refusal e) {
            return e.problem;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        fail("accepted: " + text);
        return null;
    }

    @Test
    public void csvWhenQuotedAsRfc4180ThenFieldsKeepCommasQuotesAndLineBreaks() throws Exception {
        assertEquals(Arrays.asList(Arrays.asList("a", "b,c", "say \"hi\"", "two\nlines", ""), Arrays.asList("x")),
                records("a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\",\r\nx\r\n"));
        assertEquals("LF, CR and a missing last line break", Arrays.asList(Arrays.asList("1"), Arrays.asList("2"), Arrays.asList("3")),
                records("1\n2\r3"));
        assertEquals("empty lines skipped", Arrays.asList(Arrays.asList("1"), Arrays.asList("2")), records("\n1\n\n\r\n2\n\n"));
        assertEquals("empty fields", Arrays.asList(Arrays.asList("", "", "")), records(",,"));
    }

    @Test
    public void csvWhenMalformedThenRefusedWithTheLine() throws Exception {
        assertEquals(CsvReader.Problem.QUOTE_IN_FIELD, refusal("a,b\"c"));
        assertEquals(CsvReader.Problem.TEXT_AFTER_QUOTE, refusal("\"a\"b,c"));
        assertEquals(CsvReader.Problem.UNTERMINATED_QUOTE, refusal("a,\"b\nc"));
        assertEquals(CsvReader.Problem.BINARY, refusal("a\u0000b"));
        assertEquals(CsvReader.Problem.BINARY, refusal("\"a\u0000b\""));
        assertEquals(CsvReader.Problem.TOO_MANY_FIELDS, refusal(",".repeat(CsvReader.MAX_FIELDS)));
        assertEquals(CsvReader.Problem.FIELD_TOO_LONG, refusal("x".repeat(CsvReader.MAX_FIELD_CHARS + 1)));
        assertEquals(CsvReader.Problem.FIELD_TOO_LONG, refusal("\"" + "x".repeat(CsvReader.MAX_FIELD_CHARS + 1) + "\""));
        try {
            records("h\n1\n\"open\n\nstill");
            fail();
        } catch (CsvReader.Refusal e) {
            assertEquals("the line the quote opened on", 3, e.line);
        }
    }

    @Test
    public void fileWhenPostgresCsvThenRowsByColumnWithLines() throws Exception {
        String text = HEADER.toLowerCase(Locale.ROOT) + "\n"
                + "1,\"=cmd|' /C calc'!A0\",JIRAUSER10000,2026-01-31 09:15:00.123+00,,{PKCS5S2}x,123456789012,9999-12-31 00:00:00+00,NOT_SENT\n"
                + "2,\"multi\nline\",JIRAUSER10001,2026-01-31 09:15:00,,h,000000000002,2027-01-01 00:00:00,NOT_SENT\n"
                + "3,short\n";
        ImportFile file = ImportFile.csv(text);
        assertEquals(3, file.rows());
        List<ImportRecord> records = file.all();
        assertEquals(2, records.get(0).line());
        assertEquals("ImportRecord[line 3]", records.get(1).toString());
        assertEquals("ImportRecord[line 5, FIELD_COUNT]", records.get(2).toString());
    }

    @Test
    public void fileWhenHeaderLacksColumnsThenRefusedNamingThem() {
        assertFileRefused(ImportFile.Problem.NO_HEADER, "");
        assertFileRefused(ImportFile.Problem.NO_HEADER, "\n\n");
        assertFileRefused(ImportFile.Problem.NO_HEADER, "123456789012,JIRAUSER10000,deploy\n");
        ImportFile.Refusal missing = assertFileRefused(ImportFile.Problem.MISSING_COLUMNS, "TOKEN_ID,USER_KEY,NAME,CREATED_AT\n");
        assertEquals("HASHED_TOKEN, EXPIRING_AT", missing.detail);
        assertEquals("TOKEN_ID", assertFileRefused(ImportFile.Problem.COLUMN_TWICE, HEADER + ",token_id\n").detail);
        assertEquals(CsvReader.Problem.BINARY, assertFileRefused(ImportFile.Problem.CSV, HEADER + "\n\u0000\u0001").csv.problem);
    }

    @Test
    public void fileWhenMoreRowsThanTheLimitThenRefused() throws Exception {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < ImportFile.MAX_ROWS; i++) {
            text.append("1\n");
        }
        assertEquals(ImportFile.MAX_ROWS, ImportFile.csv(text.toString()).rows());
        assertFileRefused(ImportFile.Problem.TOO_MANY_ROWS, text.append("1\n").toString());
    }

    @Test
    public void fileWhenJsonThenObjectsByColumnAndShapesRefused() throws Exception {
        ImportFile file = ImportFile.json(JsonText.parse("[{\"token_id\":\"123456789012\",\"USER_KEY\":\"k\",\"NAME\":\"n\","
                + "\"HASHED_TOKEN\":\"h\",\"CREATED_AT\":\"d\",\"EXPIRING_AT\":\"d\",\"ID\":7,\"LAST_ACCESSED_AT\":null},"
                + "{\"TOKEN_ID\":[1],\"token_id\":\"2\"},{\"TOKEN_ID\":\"1\",\"token_id\":\"2\"}]"));
        List<ImportRecord> records = file.all();
        assertEquals("ImportRecord[line 1]", records.get(0).toString());
        assertEquals("ImportRecord[line 2, VALUE_NOT_TEXT]", records.get(1).toString());
        assertEquals("ImportRecord[line 3, COLUMN_TWICE]", records.get(2).toString());

        assertJsonRefused(ImportFile.Problem.NOT_ARRAY, "{\"TOKEN_ID\":\"1\"}");
        assertJsonRefused(ImportFile.Problem.NOT_OBJECT, "[{\"TOKEN_ID\":\"1\"}, 3]");
        assertJsonRefused(ImportFile.Problem.MISSING_COLUMNS, "[{\"TOKEN_ID\":\"1\"}]");
        StringBuilder many = new StringBuilder("[");
        for (int i = 0; i <= ImportFile.MAX_JSON_ROWS; i++) {
            many.append(i == 0 ? "{}" : ",{}");
        }
        assertJsonRefused(ImportFile.Problem.TOO_MANY_ROWS, many.append(']').toString());
        assertEquals("an empty array imports nothing", 0, ImportFile.json(JsonText.parse("[]")).rows());
    }

    @Test
    public void bodyWhenSpooledThenCheckedAsUtf8InPiecesAndDeletedWhenClosed() throws Exception {
        String text = "\uFEFFTOKEN_ID,NAME\n1,Caf\u00e9 \uD83D\uDE00\n";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        java.nio.file.Path file;
        try (ImportBody body = ImportBody.spool(-1, new OneByteAtATime(bytes), 1000, spoolDir())) {
            assertEquals(bytes.length, body.size());
            assertEquals("the byte order mark is skipped", text.substring(1), body.text());
            try (java.io.Reader reader = body.reader()) {
                assertEquals('T', reader.read());
            }
            file = tempFiles().get(0);
        }
        assertFalse("deleted when closed", java.nio.file.Files.exists(file));

        assertEquals(ImportBody.Problem.TOO_LARGE, bodyRefusal(1001, new byte[0], 1000).problem);
        assertEquals(ImportBody.Problem.TOO_LARGE, bodyRefusal(-1, "a".repeat(1001).getBytes(StandardCharsets.UTF_8), 1000).problem);
        assertEquals(ImportBody.Problem.NOT_UTF8, bodyRefusal(-1, "ab".getBytes(StandardCharsets.UTF_16), 1000).problem);
        assertEquals(ImportBody.Problem.NOT_UTF8, bodyRefusal(-1, new byte[] {'a', 0, 'b'}, 1000).problem);
        ImportBody.Refusal latin1 = bodyRefusal(-1, "abc\u00e9d".getBytes(StandardCharsets.ISO_8859_1), 1000);
        assertEquals(ImportBody.Problem.INVALID_UTF8, latin1.problem);
        assertEquals(4, latin1.byteNumber);
        byte[] truncated = Arrays.copyOf("ab\uD83D\uDE00".getBytes(StandardCharsets.UTF_8), 5);
        assertEquals(ImportBody.Problem.INVALID_UTF8, bodyRefusal(-1, truncated, 1000).problem);
        assertTrue("a refused body leaves no file behind", tempFiles().isEmpty());
    }

    private static ImportBody.Refusal bodyRefusal(long declared, byte[] bytes, long max) throws IOException {
        try {
            ImportBody.spool(declared, new OneByteAtATime(bytes), max, spoolDir()).close();
        } catch (ImportBody.Refusal e) {
            return e;
        }
        throw new AssertionError("accepted");
    }

    /** A directory of this test's own: other builds on the machine spool their imports to the shared one. */
    private static java.nio.file.Path spoolDir() throws IOException {
        if (spoolDir == null) {
            spoolDir = java.nio.file.Files.createTempDirectory("jirapat-import-test-");
            spoolDir.toFile().deleteOnExit();
        }
        return spoolDir;
    }

    private static java.nio.file.Path spoolDir;

    private static List<java.nio.file.Path> tempFiles() throws IOException {
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(spoolDir())) {
            return files.filter(p -> p.getFileName().toString().startsWith("jirapat-import-")).collect(java.util.stream.Collectors.toList());
        }
    }

    /** A stream that hands out one byte per read, as a slow client's body arrives: sequences split anywhere. */
    private static final class OneByteAtATime extends InputStream {
        private final byte[] bytes;
        private int at;

        OneByteAtATime(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read() {
            return at < bytes.length ? bytes[at++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (at >= bytes.length) {
                return -1;
            }
            b[off] = bytes[at++];
            return 1;
        }
    }

    @Test
    public void formatWhenContentTypeIsCsvOrJsonThenKnownElseNull() {
        assertEquals(ImportFile.Format.CSV, ImportFile.format("text/csv; charset=UTF-8"));
        assertEquals(ImportFile.Format.CSV, ImportFile.format("Text/CSV"));
        assertEquals(ImportFile.Format.JSON, ImportFile.format("application/json"));
        assertNull(ImportFile.format("text/plain"));
        assertNull(ImportFile.format("multipart/form-data; boundary=x"));
        assertNull(ImportFile.format(null));
    }

    @Test
    public void messagesWhenEveryImportKeyFormattedThenPresentAndComplete() throws IOException {
        Properties bundle = new Properties();
        try (InputStream in = ImportFileTest.class.getResourceAsStream("/dev/jirapat/i18n/pat.properties")) {
            bundle.load(in);
        }
        List<String> keys = new ArrayList<>();
        for (ImportProblem problem : ImportProblem.values()) {
            keys.add(problem.key());
        }
        for (CsvReader.Problem problem : CsvReader.Problem.values()) {
            keys.add("pat.import.error.csv." + problem.name().toLowerCase(Locale.ROOT).replace('_', '.'));
        }
        for (String key : Arrays.asList("media.type", "charset", "too.large", "too.many.rows", "invalid.utf8", "not.utf8",
                "no.header", "missing.columns", "column.twice", "not.array", "not.object", "dry.run", "time.zone", "busy")) {
            keys.add("pat.import.error." + key);
        }
        keys.add("pat.settings.importedTokensAccepted");
        keys.add("pat.settings.importedTokensAccepted.help");
        for (String key : keys) {
            String text = bundle.getProperty(key);
            assertTrue("no message for " + key, text != null && !text.trim().isEmpty());
            String formatted = new MessageFormat(text, Locale.ROOT).format(new Object[] {"A", "B", "C"});
            assertFalse(key + " keeps a placeholder: " + formatted, formatted.contains("{0") || formatted.contains("{1"));
            assertFalse(key + " lost its apostrophes: " + formatted, text.contains("''") && !formatted.contains("'"));
            assertFalse(key + " has a lone apostrophe, which MessageFormat drops (write two): " + text,
                    text.replace("''", "").replace("'{'", "").replace("'}'", "").contains("'"));
        }
        assertEquals("HASHED_TOKEN is not a PKCS5S2 hash of the built-in app (73 characters starting with {PKCS5S2}).",
                new MessageFormat(bundle.getProperty(ImportProblem.HASH_INVALID.key()), Locale.ROOT).format(new Object[0]));
    }

    private static ImportFile.Refusal assertFileRefused(ImportFile.Problem problem, String text) {
        try {
            ImportFile.csv(text);
        } catch (ImportFile.Refusal e) {
            assertEquals(problem, e.problem);
            return e;
        }
        throw new AssertionError("accepted");
    }

    private static void assertJsonRefused(ImportFile.Problem problem, String json) throws JsonRefusal {
        try {
            ImportFile.json(JsonText.parse(json));
        } catch (ImportFile.Refusal e) {
            assertEquals(problem, e.problem);
            return;
        }
        throw new AssertionError("accepted");
    }
}
