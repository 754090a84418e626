package dev.jirapat.rest;

import dev.jirapat.devhost.DevHostRule;
import dev.jirapat.devhost.HttpCall;
import dev.jirapat.token.AccessToken;
import org.codehaus.jackson.JsonNode;
import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Test;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * How the API reads a request body, over HTTP against the dev host: exactly one JSON value in UTF-8 of at most
 * 64 KiB, nested at most 20 deep, each field once. Every refusal is a 4xx in the one error shape saying what is
 * wrong and where, and leaves the tokens and the settings as they were.
 */
public class RestJsonBodyIT {
    private static final String ILLEGAL = "java.lang.IllegalArgumentException";
    private static final String WEB = "javax.ws.rs.WebApplicationException";
    private static final String JSON = "application/json";
    private static final String DIGITS_201 = "1" + "0".repeat(200);

    @ClassRule
    public static final DevHostRule HOST = new DevHostRule();

    private Api api;
    private long alicesToken;

    @Before
    public void someTokensAndASetting() {
        api = new Api(HOST.host(), Api.LATEST);
        api.reset();
        alicesToken = api.createId("alice", "existing");
        api.createId("bob", "existing too");
        assertEquals(200, api.put("/admin/settings", "admin", "{\"pruningDelayDays\":12}").status);
    }

    /** The refusal's message, after checking the status, the one error shape and that nothing changed. */
    private String refused(List<String> before, HttpCall.Response r, int status, String exception) {
        JsonNode error = Api.assertError(r, status, exception);
        assertEquals("the database changed", before, api.state());
        return error.path("error").getTextValue();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private HttpCall.Response post(String path, String user, String contentType, byte[] body) {
        return api.raw("POST", path, user, contentType, body);
    }

    @Test
    public void trailingContentWhenASecondObjectFollowsTheBodyThen400AtItsLineAndColumnAndNoEternalToken() {
        List<String> before = api.state();
        String message = refused(before, api.post("/tokens", "alice", "{\"name\":\"ci\"} {\"expirationDuration\":30}"), 400, ILLEGAL);
        assertEquals("The request body is not valid JSON at line 1, column 15: unexpected content after the JSON value. "
                + "Send exactly one JSON value.", message);

        message = refused(before, api.put("/admin/settings", "admin", "{\"maxTokensPerUser\":5}\n{\"enabled\":false}"), 400, ILLEGAL);
        assertEquals("The request body is not valid JSON at line 2, column 1: unexpected content after the JSON value. "
                + "Send exactly one JSON value.", message);
    }

    @Test
    public void trailingContentWhenAfterTheBodyOfEveryEndpointThen400AndNothingChanges() {
        String[][] endpoints = {
                {"POST", "/tokens", "alice", "{\"name\":\"ci\",\"expirationDuration\":30}"},
                {"POST", "/admin/tokens", "admin", "{\"username\":\"bob\",\"name\":\"svc\",\"expirationDuration\":30}"},
                {"DELETE", "/admin/tokens", "admin", "[{id}]"},
                {"PUT", "/admin/settings", "admin", "{\"maxTokensPerUser\":3}"},
                {"POST", "/tokens/search", "admin", "{\"name\":\"existing\"}"},
        };
        for (String[] e : endpoints) {
            String valid = e[3].replace("{id}", Long.toString(alicesToken));
            for (String trailer : new String[] {" " + valid, "x", ",", "\u00a0", " null", "//"}) {
                List<String> before = api.state();
                String message = refused(before, api.raw(e[0], e[1], e[2], JSON, utf8(valid + trailer)), 400, ILLEGAL);
                assertTrue(e[0] + " " + e[1] + " + '" + trailer + "': " + message,
                        message.endsWith("unexpected content after the JSON value. Send exactly one JSON value."));
            }
            HttpCall.Response accepted = api.raw(e[0], e[1], e[2], JSON, utf8(" \r\n" + valid + "\n\t "));
            assertTrue("whitespace around the value is fine: " + accepted, accepted.status < 300);
            someTokensAndASetting();
        }
    }

    @Test
    public void integerWhen201DigitsThen400NamingTheFieldNotA500() {
        List<String> before = api.state();
        assertEquals("expirationDuration must be a whole number.", refused(before,
                api.post("/tokens", "alice", "{\"name\":\"x\",\"expirationDuration\":" + DIGITS_201 + "}"), 400, ILLEGAL));
        assertEquals("expirationDuration must be a whole number.", refused(before, api.post("/admin/tokens", "admin",
                "{\"username\":\"bob\",\"name\":\"x\",\"expirationDuration\":-" + DIGITS_201 + "}"), 400, ILLEGAL));
        assertEquals("page must be a whole number.", refused(before,
                api.post("/tokens/search", "admin", "{\"page\":" + DIGITS_201 + "}"), 400, ILLEGAL));
        assertEquals("limit must be a whole number.", refused(before,
                api.post("/tokens/search", "admin", "{\"limit\":" + DIGITS_201 + "}"), 400, ILLEGAL));
        assertEquals("Tokens per user must be a whole number from 1 to 1000.", refused(before,
                api.put("/admin/settings", "admin", "{\"maxTokensPerUser\":" + DIGITS_201 + "}"), 400, ILLEGAL));
        assertEquals("The body must be a JSON array of token ids, such as [1, 2, 3].", refused(before,
                api.deleteJson("/admin/tokens", "admin", "[" + alicesToken + "," + DIGITS_201 + "]"), 400, ILLEGAL));
    }

    @Test
    public void overlongSlashWhenInANameThen400AtItsByteAndNothingStored() {
        // {"name":"a / b"} with the slash as C0 AF: Jackson 1 stored it as "a/b"
        for (int[] overlong : new int[][] {{0xC0, 0xAF}, {0xE0, 0x80, 0xAF}, {0xF0, 0x80, 0x80, 0xAF}}) {
            List<String> before = api.state();
            String message = refused(before, post("/tokens", "alice", JSON, JsonBodyTest.nameWith(overlong)), 400, ILLEGAL);
            assertEquals("The request body is not valid UTF-8 at byte 11. Send the body as JSON encoded in UTF-8.", message);
        }
        assertTrue(api.tokens().stream().noneMatch(t -> t.name().contains("/")));
    }

    @Test
    public void utf8WhenSurrogatesTruncatedOrBytesF5ToFFThen400AtTheFirstBadByte() {
        int[][] table = {{0xED, 0xA0, 0x80}, {0xED, 0xBF, 0xBF}, {0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80}, {0xC3}, {0xE2, 0x82},
                {0xF0, 0x9F, 0x98}, {0xF5, 0x80, 0x80, 0x80}, {0xFE}, {0xFF}, {0xF4, 0x90, 0x80, 0x80}, {0x80}};
        for (int[] bytes : table) {
            List<String> before = api.state();
            String message = refused(before, post("/tokens", "alice", JSON, JsonBodyTest.nameWith(bytes)), 400, ILLEGAL);
            assertTrue(message, message.startsWith("The request body is not valid UTF-8 at byte 11."));
        }
    }

    @Test
    public void utf16AndUtf32WhenSentThen400SayingTheBodyMustBeUtf8() {
        String body = "{\"name\":\"x\",\"expirationDuration\":30}";
        for (Charset charset : new Charset[] {StandardCharsets.UTF_16, StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE,
                Charset.forName("UTF-32"), Charset.forName("UTF-32BE"), Charset.forName("UTF-32LE")}) {
            List<String> before = api.state();
            String message = refused(before, post("/tokens", "alice", JSON, body.getBytes(charset)), 400, ILLEGAL);
            assertEquals(charset.name(), "The request body must be JSON in UTF-8, and this one looks like UTF-16 or UTF-32. "
                    + "Send it encoded as UTF-8.", message);
        }
    }

    @Test
    public void charsetWhenNotUtf8Then400AndWhenUtf8InAnySpellingThenCreated() {
        byte[] body = utf8("{\"name\":\"x\",\"expirationDuration\":30}");
        for (String type : new String[] {"application/json;charset=ISO-8859-1", "application/json; charset=UTF-16",
                "application/json;charset=us-ascii", "application/json;charset=\"utf-32\""}) {
            List<String> before = api.state();
            String message = refused(before, post("/tokens", "alice", type, body), 400, ILLEGAL);
            assertEquals(type, "The request body must be JSON in UTF-8: send it with Content-Type application/json, "
                    + "without a charset or with charset=UTF-8.", message);
        }
        for (String type : new String[] {"application/json;charset=UTF-8", "application/json; charset=utf-8",
                "application/json;charset=\"UTF-8\""}) {
            assertEquals(type, 201, post("/tokens", "alice", type, body).status);
        }
    }

    @Test
    public void byteOrderMarkWhenUtf8ThenSkippedAndTheTokenCreatedWithTheNameAsSent() {
        byte[] body = JsonBodyTest.concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                utf8("{\"name\":\"\u00e9t\u00e9 \uD83D\uDE00\",\"expirationDuration\":30}"));
        HttpCall.Response r = post("/tokens", "alice", JSON, body);
        assertEquals(r.toString(), 201, r.status);
        assertEquals("\u00e9t\u00e9 \uD83D\uDE00", Api.json(r).path("name").getTextValue());
    }

    @Test
    public void duplicateFieldWhenSentThen400NamingItAndNothingChanges() {
        List<String> before = api.state();
        assertEquals("The request body is not valid JSON at line 1, column 37: the field expirationDuration appears twice "
                + "in one object. Send each field once.", refused(before, api.post("/tokens", "alice",
                "{\"name\":\"a\",\"expirationDuration\":30,\"expirationDuration\":null}"), 400, ILLEGAL));
        assertTrue(refused(before, api.put("/admin/settings", "admin", "{\"enabled\":false,\"enabled\":true}"), 400, ILLEGAL)
                .contains("the field enabled appears twice"));
        assertTrue(refused(before, api.post("/admin/tokens", "admin",
                "{\"username\":\"bob\",\"name\":\"a\",\"username\":\"alice\"}"), 400, ILLEGAL).contains("the field username appears twice"));
        assertTrue(refused(before, api.post("/tokens/search", "admin", "{\"name\":\"a\",\"name\":\"b\"}"), 400, ILLEGAL)
                .contains("the field name appears twice"));
    }

    @Test
    public void nestingWhenTwentyOneDeepThen400AndTwentyDeepIsReadAsUsual() {
        List<String> before = api.state();
        String message = refused(before, api.post("/tokens", "alice",
                "{\"name\":\"x\",\"extra\":" + "[".repeat(20) + "]".repeat(20) + "}"), 400, ILLEGAL);
        assertEquals("The request body is not valid JSON at line 1, column 40: arrays and objects are nested more than 20 "
                + "levels deep. Send a flatter body.", message);
        assertEquals("19 arrays in the body's object are read, then refused as an unknown field", "Unknown field: extra.",
                refused(before, api.post("/tokens", "alice", "{\"name\":\"x\",\"extra\":" + "[".repeat(19) + "]".repeat(19) + "}"), 400, ILLEGAL));
    }

    @Test
    public void bodyWhenDeclaredLargerThan64KiBThen413BeforeItIsSent() {
        List<String> before = api.state();
        // Only the head and 1 KiB go out: the answer must come without the rest. (Beyond 2 MiB, so that the dev host,
        // like Tomcat, does not wait to swallow the rest; a declared 65,537 bytes all sent is in the chunked test below.)
        for (long length : new long[] {3_000_000, 100_000_000, Long.MAX_VALUE}) {
            HttpCall.Response r = headOnly("POST", "/tokens", "alice", length);
            assertEquals("The request body is larger than 65536 bytes, the most this API accepts. Send less per request.",
                    refused(before, r, 413, WEB));
        }
    }

    @Test
    public void bodyWhenChunkedBeyond64KiBThen413AndExactly64KiBIsRead() {
        List<String> before = api.state();
        byte[] over = JsonBodyTest.padded("{\"name\":\"x\",\"expirationDuration\":30}", 65_537);
        refused(before, chunked("POST", "/tokens", "alice", over), 413, WEB);
        refused(before, post("/tokens", "alice", JSON, over), 413, WEB);
        refused(before, chunked("PUT", "/admin/settings", "admin", JsonBodyTest.padded("{\"enabled\":false}", 1_000_000)), 413, WEB);

        byte[] exactly = JsonBodyTest.padded("{\"name\":\"x\",\"expirationDuration\":30}", 65_536);
        assertEquals(201, chunked("POST", "/tokens", "alice", exactly).status);
        assertEquals(201, post("/tokens", "alice", JSON, exactly).status);
    }

    @Test
    public void bulkRevokeWhenAThousandLongIdsThenWithinTheLimitAndTheListedTokensGone() {
        long bobsToken = api.tokensOf(Api.BOB_KEY).get(0).id();
        StringBuilder ids = new StringBuilder("[\n  ").append(alicesToken);
        for (int i = 1; i < 1000; i++) {
            ids.append(",\n  ").append(Long.MAX_VALUE - i);
        }
        String body = ids.append("\n]").toString();
        assertTrue(body.length() + " bytes", body.length() > 20_000);
        assertEquals(204, api.deleteJson("/admin/tokens", "admin", body).status);
        assertEquals(List.of(bobsToken), api.tokens().stream().map(AccessToken::id).collect(Collectors.toList()));
    }

    @Test
    public void anonymousWhenBodyIsBadThen401BeforeTheBodyIsRead() {
        List<String> before = api.state();
        refused(before, api.post("/tokens", null, "{\"name\":"), 401, "com.atlassian.sal.api.permission.AuthorisationException");
        refused(before, post("/tokens", null, JSON, new byte[] {(byte) 0xC0, (byte) 0xAF}), 401,
                "com.atlassian.sal.api.permission.AuthorisationException");
        refused(before, api.put("/admin/settings", "alice", "{\"enabled\":false} x"), 403,
                "com.atlassian.sal.api.permission.AuthorisationException");
    }

    @Test
    public void badBodiesWhenSentThenNoErrorAndNoStackTraceInTheLog() throws IOException {
        List<String> lines = Api.captureLog(() -> {
            LoggerFactory.getLogger(RestJsonBodyIT.class).error("capture probe");
            List<String> before = api.state();
            String[] bodies = {"{\"name\":\"ci\"} {\"expirationDuration\":30}", "{\"name\":\"x\",\"expirationDuration\":" + DIGITS_201 + "}",
                    "{\"name\":\"x\",\"expirationDuration\":1e999999999}", "[".repeat(10_000), "{\"a\":1,\"a\":2}", "", "null", "{\"name\":\"\\ud800\"}"};
            for (String body : bodies) {
                assertTrue(api.post("/tokens", "alice", body).status < 500);
            }
            byte[][] raw = {"{}".getBytes(Charset.forName("UTF-32LE")), JsonBodyTest.nameWith(0xC0, 0xAF), JsonBodyTest.nameWith(0xED, 0xA0, 0x80),
                    {(byte) 0xFF, (byte) 0xFE, '{', 0, '}', 0}, JsonBodyTest.padded("{}", 70_000)};
            for (byte[] body : raw) {
                assertTrue(post("/tokens", "alice", JSON, body).status < 500);
            }
            assertEquals(before, api.state());
        });
        assertTrue("the capture works: " + lines, lines.stream().anyMatch(l -> l.contains("capture probe")));
        List<String> bad = lines.stream().filter(l -> !l.contains("capture probe"))
                .filter(l -> l.contains("ERROR") || l.contains("WARN") || l.startsWith("\tat ") || l.contains("Exception"))
                .collect(Collectors.toList());
        assertTrue("log lines from bad bodies: " + bad, bad.isEmpty());
    }

    /** A request whose head declares {@code length} bytes of JSON, of which only 1 KiB is sent (HTTP/1.0, read to the end). */
    private HttpCall.Response headOnly(String method, String path, String user, long length) {
        // Jetty dispatches once some body is there
        return api.call(method, path, user).body(JSON, JsonBodyTest.padded("{", 1024))
                .header("Content-Length", Long.toString(length)).sendVerbatim();
    }

    /** A body without a Content-Length (chunked transfer encoding). */
    private HttpCall.Response chunked(String method, String path, String user, byte[] body) {
        return api.call(method, path, user).body(JSON, body).chunked().send();
    }
}
