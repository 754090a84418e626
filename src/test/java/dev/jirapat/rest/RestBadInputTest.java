package dev.jirapat.rest;

import dev.jirapat.devhost.DevHostRule;
import dev.jirapat.devhost.HttpCall;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * A corpus of bad requests: wrong types, bounds, encodings, huge and deeply nested bodies, trailing content,
 * duplicate fields, hostile names, wrong methods, paths and content types. Each gets its documented 4xx in the one
 * error shape, never a 5xx, and leaves the database (tokens and settings) exactly as it was.
 */
@RunWith(Parameterized.class)
public class RestBadInputTest {
    /** The host's XSRF refusal (Atlassian REST's rule) is the host's own text/plain 403, not our error shape. */
    private static final String HOST_XSRF = "host XSRF";
    private static final String JSON = "application/json";
    private static final String ILLEGAL = "java.lang.IllegalArgumentException";
    private static final String WEB = "javax.ws.rs.WebApplicationException";
    /** Every endpoint that reads a JSON body, with a body it would accept (as method, path, user, body). */
    private static final String[][] BODY_ENDPOINTS = {
            {"POST", "/tokens", "alice", "{\"name\":\"ci\",\"expirationDuration\":30}"},
            {"POST", "/admin/tokens", "admin", "{\"username\":\"bob\",\"name\":\"svc\",\"expirationDuration\":30}"},
            {"DELETE", "/admin/tokens", "admin", "[{id}]"},
            {"PUT", "/admin/settings", "admin", "{\"maxTokensPerUser\":3}"},
            {"POST", "/tokens/search", "admin", "{\"name\":\"existing\"}"},
    };
    /** 201 digits: Jackson 1 answered a number this long with a 500. */
    private static final String DIGITS_201 = "1" + "0".repeat(200);

    /** One host for the whole corpus: the class rule runs once around every parameter set. */
    @ClassRule
    public static final DevHostRule HOST = new DevHostRule();

    private static Api api;
    private static long alicesToken;

    @Parameterized.Parameter(0)
    public String description;
    @Parameterized.Parameter(1)
    public Case request;

    /** One bad request and what it must get. */
    static final class Case {
        final String method;
        final String path;
        final String user;
        final String contentType;
        final byte[] body;
        final boolean xsrfHeader;
        final int status;
        final String exception;

        Case(String method, String path, String user, String contentType, byte[] body, boolean xsrfHeader, int status,
             String exception) {
            this.method = method;
            this.path = path;
            this.user = user;
            this.contentType = contentType;
            this.body = body;
            this.xsrfHeader = xsrfHeader;
            this.status = status;
            this.exception = exception;
        }
    }

    private static final List<Object[]> CORPUS = new ArrayList<>();

    private static void add(String description, String method, String path, String user, String contentType, byte[] body,
                            boolean xsrfHeader, int status, String exception) {
        CORPUS.add(new Object[] {description, new Case(method, path, user, contentType, body, xsrfHeader, status, exception)});
    }

    private static void json(String description, String method, String path, String user, String body, int status, String exception) {
        add(description, method, path, user, JSON, utf8(body), false, status, exception);
    }

    /** POST /tokens as alice with this JSON: 400. */
    private static void create(String description, String body) {
        json(description, "POST", "/tokens", "alice", body, 400, ILLEGAL);
    }

    /** POST /tokens as alice with a body larger than the limit: 413. */
    private static void tooLarge(String description, String body) {
        json(description, "POST", "/tokens", "alice", body, 413, WEB);
    }

    /** POST /tokens as alice with these bytes as JSON: 400. */
    private static void createBytes(String description, byte[] body) {
        add(description, "POST", "/tokens", "alice", JSON, body, false, 400, ILLEGAL);
    }

    /** A create body whose name is these bytes, between the quotes. */
    private static byte[] nameOf(int... bytes) {
        byte[] head = utf8("{\"name\":\"a");
        byte[] tail = utf8("b\",\"expirationDuration\":30}");
        byte[] out = new byte[head.length + bytes.length + tail.length];
        System.arraycopy(head, 0, out, 0, head.length);
        for (int i = 0; i < bytes.length; i++) {
            out[head.length + i] = (byte) bytes[i];
        }
        System.arraycopy(tail, 0, out, head.length + bytes.length, tail.length);
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String repeat(String s, int n) {
        return String.join("", Collections.nCopies(n, s));
    }

    static {
        // Not a JSON object
        create("empty body", "");
        tooLarge("only whitespace, 2 MB", repeat(" ", 2_000_000));
        create("only whitespace, 60 KB", repeat(" ", 60_000));
        create("JSON null", "null");
        create("array", "[]");
        create("array of an object", "[{\"name\":\"x\"}]");
        create("string", "\"name\"");
        create("number", "42");
        create("boolean", "true");
        create("truncated object", "{");
        create("trailing comma", "{\"name\":\"x\",}");
        create("single quotes", "{'name':'x'}");
        create("unquoted key", "{name:\"x\"}");
        create("comment", "{/* c */\"name\":\"x\"}");
        create("NaN", "{\"name\":\"x\",\"expirationDuration\":NaN}");
        // name
        create("no name", "{}");
        create("name null", "{\"name\":null}");
        create("name empty", "{\"name\":\"\"}");
        create("name blank", "{\"name\":\"   \"}");
        create("name ideographic space", "{\"name\":\"\\u3000\"}");
        create("name no-break space", "{\"name\":\"\\u00a0\"}");
        create("name number", "{\"name\":123}");
        create("name boolean", "{\"name\":true}");
        create("name array", "{\"name\":[\"a\"]}");
        create("name object", "{\"name\":{\"a\":\"b\"}}");
        create("name 41 characters", "{\"name\":\"" + repeat("a", 41) + "\"}");
        create("name 41 four-byte characters", "{\"name\":\"" + repeat("\uD83D\uDE00", 41) + "\"}");
        tooLarge("name 2 MB", "{\"name\":\"" + repeat("x", 2_000_000) + "\"}");
        create("name 60 KB", "{\"name\":\"" + repeat("x", 60_000) + "\"}");
        create("name NUL", "{\"name\":\"a\\u0000b\"}");
        create("name newline", "{\"name\":\"a\\nb\"}");
        create("name carriage return", "{\"name\":\"a\\rb\"}");
        create("name tab", "{\"name\":\"a\\tb\"}");
        create("name escape (ANSI)", "{\"name\":\"\\u001b[31mred\"}");
        create("name DEL", "{\"name\":\"a\\u007fb\"}");
        create("name C1 control NEL", "{\"name\":\"a\\u0085b\"}");
        create("name line separator", "{\"name\":\"a\\u2028b\"}");
        create("name paragraph separator", "{\"name\":\"a\\u2029b\"}");
        create("name lone high surrogate", "{\"name\":\"a\\ud800b\"}");
        create("name lone low surrogate", "{\"name\":\"a\\udc00\"}");
        create("name reversed surrogates", "{\"name\":\"\\udc00\\ud800\"}");
        create("name HTML with a newline", "{\"name\":\"<script>\\nalert(1)</script>\"}");
        tooLarge("name nested 1,000,000 deep", "{\"name\":" + repeat("[", 1_000_000) + repeat("]", 1_000_000) + "}");
        create("name nested 30,000 deep", "{\"name\":" + repeat("[", 30_000) + repeat("]", 30_000) + "}");
        create("name nested 20 deep (21 with the body)", "{\"name\":" + repeat("[", 20) + repeat("]", 20) + "}");
        // expirationDuration
        create("duration 0", "{\"name\":\"x\",\"expirationDuration\":0}");
        create("duration -1", "{\"name\":\"x\",\"expirationDuration\":-1}");
        create("duration -0", "{\"name\":\"x\",\"expirationDuration\":-0}");
        create("duration 366 (over the maximum)", "{\"name\":\"x\",\"expirationDuration\":366}");
        create("duration max int", "{\"name\":\"x\",\"expirationDuration\":2147483647}");
        create("duration max int + 1", "{\"name\":\"x\",\"expirationDuration\":2147483648}");
        create("duration min long", "{\"name\":\"x\",\"expirationDuration\":-9223372036854775808}");
        create("duration 23 digits", "{\"name\":\"x\",\"expirationDuration\":99999999999999999999999}");
        create("duration 1.5", "{\"name\":\"x\",\"expirationDuration\":1.5}");
        create("duration 30.0", "{\"name\":\"x\",\"expirationDuration\":30.0}");
        create("duration 1e2", "{\"name\":\"x\",\"expirationDuration\":1e2}");
        create("duration 1e400", "{\"name\":\"x\",\"expirationDuration\":1e400}");
        create("duration string", "{\"name\":\"x\",\"expirationDuration\":\"30\"}");
        create("duration boolean", "{\"name\":\"x\",\"expirationDuration\":true}");
        create("duration array", "{\"name\":\"x\",\"expirationDuration\":[30]}");
        create("duration object", "{\"name\":\"x\",\"expirationDuration\":{\"days\":30}}");
        create("duration leading zero", "{\"name\":\"x\",\"expirationDuration\":030}");
        create("duration hex", "{\"name\":\"x\",\"expirationDuration\":0x1e}");
        // scope
        create("scope unknown", "{\"name\":\"x\",\"scope\":\"admin\"}");
        create("scope upper case", "{\"name\":\"x\",\"scope\":\"READ\"}");
        create("scope empty", "{\"name\":\"x\",\"scope\":\"\"}");
        create("scope number", "{\"name\":\"x\",\"scope\":1}");
        create("scope array", "{\"name\":\"x\",\"scope\":[\"read\"]}");
        // allowedIps
        create("allowedIps string", "{\"name\":\"x\",\"allowedIps\":\"10.0.0.0/8\"}");
        create("allowedIps number element", "{\"name\":\"x\",\"allowedIps\":[1]}");
        create("allowedIps null element", "{\"name\":\"x\",\"allowedIps\":[null]}");
        create("allowedIps nested array", "{\"name\":\"x\",\"allowedIps\":[[\"10.0.0.0/8\"]]}");
        create("allowedIps prefix 33", "{\"name\":\"x\",\"allowedIps\":[\"10.0.0.0/33\"]}");
        create("allowedIps octet 300", "{\"name\":\"x\",\"allowedIps\":[\"300.1.1.1\"]}");
        create("allowedIps host name", "{\"name\":\"x\",\"allowedIps\":[\"localhost\"]}");
        create("allowedIps IPv6 prefix 129", "{\"name\":\"x\",\"allowedIps\":[\"::1/129\"]}");
        create("allowedIps IPv6 zone", "{\"name\":\"x\",\"allowedIps\":[\"fe80::1%eth0\"]}");
        create("allowedIps empty string", "{\"name\":\"x\",\"allowedIps\":[\"\"]}");
        create("allowedIps 11 ranges", "{\"name\":\"x\",\"allowedIps\":[" + String.join(",", Collections.nCopies(11, "\"10.0.0.1\"")) + "]}");
        create("allowedIps 5,000 ranges", "{\"name\":\"x\",\"allowedIps\":[" + String.join(",", Collections.nCopies(5000, "\"10.0.0.1\"")) + "]}");
        tooLarge("allowedIps 20,000 ranges", "{\"name\":\"x\",\"allowedIps\":[" + String.join(",", Collections.nCopies(20000, "\"10.0.0.1\"")) + "]}");
        // unknown fields
        create("unknown field (typo of expirationDuration)", "{\"name\":\"x\",\"expiration\":30}");
        tooLarge("unknown field with a deep value", "{\"name\":\"x\",\"extra\":" + repeat("[", 100_000) + repeat("]", 100_000) + "}");
        create("unknown field with a value 21 deep", "{\"name\":\"x\",\"extra\":" + repeat("[", 21) + repeat("]", 21) + "}");
        create("unknown field with a value 19 deep (20 with the body)", "{\"name\":\"x\",\"extra\":" + repeat("[", 19) + repeat("]", 19) + "}");
        create("unknown field rawToken", "{\"name\":\"x\",\"rawToken\":\"jpat_x\"}");
        tooLarge("top level nested 1,000,000 deep", repeat("[", 1_000_000) + repeat("]", 1_000_000));
        create("top level nested 21 deep", repeat("[", 21) + repeat("]", 21));
        create("top level objects nested 21 deep", repeat("{\"a\":", 21) + "1" + repeat("}", 21));
        tooLarge("array of 500,000 numbers", "[" + String.join(",", Collections.nCopies(500_000, "1")) + "]");
        create("array of 30,000 numbers", "[" + String.join(",", Collections.nCopies(30_000, "1")) + "]");
        // one JSON value, then something else: the second value must not be ignored
        create("a second object after the body (would have made an eternal token)", "{\"name\":\"ci\"} {\"expirationDuration\":30}");
        create("a second object straight after the body", "{\"name\":\"ci\",\"expirationDuration\":30}{}");
        create("a comma and more after the body", "{\"name\":\"ci\",\"expirationDuration\":30},");
        create("a stray brace after the body", "{\"name\":\"ci\",\"expirationDuration\":30}}");
        create("text after the body", "{\"name\":\"ci\",\"expirationDuration\":30}\nx");
        create("a NUL after the body", "{\"name\":\"ci\",\"expirationDuration\":30}\u0000");
        create("a no-break space after the body (not JSON whitespace)", "{\"name\":\"ci\",\"expirationDuration\":30}\u00a0");
        for (String[] endpoint : BODY_ENDPOINTS) {
            String valid = endpoint[3];
            json(endpoint[0] + " " + endpoint[1] + " with its body twice", endpoint[0], endpoint[1], endpoint[2],
                    valid + " " + valid, 400, ILLEGAL);
            json(endpoint[0] + " " + endpoint[1] + " with trailing garbage", endpoint[0], endpoint[1], endpoint[2],
                    valid + "\r\n\t garbage", 400, ILLEGAL);
            json(endpoint[0] + " " + endpoint[1] + " with a trailing null", endpoint[0], endpoint[1], endpoint[2],
                    valid + " null", 400, ILLEGAL);
            json(endpoint[0] + " " + endpoint[1] + " nested 21 deep", endpoint[0], endpoint[1], endpoint[2],
                    repeat("[", 21) + repeat("]", 21), 400, ILLEGAL);
            json(endpoint[0] + " " + endpoint[1] + " larger than 64 KiB", endpoint[0], endpoint[1], endpoint[2],
                    valid + repeat(" ", 65_536), 413, WEB);
            add(endpoint[0] + " " + endpoint[1] + " in UTF-16", endpoint[0], endpoint[1], endpoint[2], JSON,
                    valid.getBytes(StandardCharsets.UTF_16LE), false, 400, ILLEGAL);
            add(endpoint[0] + " " + endpoint[1] + " with charset=ISO-8859-1", endpoint[0], endpoint[1], endpoint[2],
                    JSON + ";charset=ISO-8859-1", utf8(valid), false, 400, ILLEGAL);
        }
        // numbers no parser should choke on
        create("duration 201 digits", "{\"name\":\"x\",\"expirationDuration\":" + DIGITS_201 + "}");
        create("duration -201 digits", "{\"name\":\"x\",\"expirationDuration\":-" + DIGITS_201 + "}");
        create("duration 201 digits with a fraction", "{\"name\":\"x\",\"expirationDuration\":" + DIGITS_201 + ".5}");
        create("duration 1e999999999", "{\"name\":\"x\",\"expirationDuration\":1e999999999}");
        create("duration 60,000 digits", "{\"name\":\"x\",\"expirationDuration\":" + repeat("9", 60_000) + "}");
        create("unknown field of 201 digits", "{\"name\":\"x\",\"count\":" + DIGITS_201 + "}");
        create("duration -", "{\"name\":\"x\",\"expirationDuration\":-}");
        create("duration +30", "{\"name\":\"x\",\"expirationDuration\":+30}");
        create("duration .5", "{\"name\":\"x\",\"expirationDuration\":.5}");
        create("duration 30.", "{\"name\":\"x\",\"expirationDuration\":30.}");
        create("duration 1e", "{\"name\":\"x\",\"expirationDuration\":1e}");
        create("duration Infinity", "{\"name\":\"x\",\"expirationDuration\":Infinity}");
        create("duration -Infinity", "{\"name\":\"x\",\"expirationDuration\":-Infinity}");
        json("search page 201 digits", "POST", "/tokens/search", "admin", "{\"page\":" + DIGITS_201 + "}", 400, ILLEGAL);
        json("search limit 201 digits", "POST", "/tokens/search", "admin", "{\"limit\":-" + DIGITS_201 + "}", 400, ILLEGAL);
        json("settings number 201 digits", "PUT", "/admin/settings", "admin", "{\"maxTokensPerUser\":" + DIGITS_201 + "}", 400, ILLEGAL);
        json("bulk revoke of a 201-digit id", "DELETE", "/admin/tokens", "admin", "[{id}," + DIGITS_201 + "]", 400, ILLEGAL);
        json("service token duration 201 digits", "POST", "/admin/tokens", "admin",
                "{\"username\":\"bob\",\"name\":\"svc\",\"expirationDuration\":" + DIGITS_201 + "}", 400, ILLEGAL);
        // a field twice in one object: which one would count is a guess, so neither does
        create("name twice", "{\"name\":\"a\",\"name\":\"b\",\"expirationDuration\":30}");
        create("duration twice, null then 30", "{\"name\":\"a\",\"expirationDuration\":null,\"expirationDuration\":30}");
        create("duration twice, 30 then null (would have made an eternal token)", "{\"name\":\"a\",\"expirationDuration\":30,\"expirationDuration\":null}");
        create("scope twice", "{\"name\":\"a\",\"expirationDuration\":30,\"scope\":\"read\",\"scope\":\"write\"}");
        create("name twice, once escaped", "{\"name\":\"a\",\"n\\u0061me\":\"b\",\"expirationDuration\":30}");
        create("unknown field twice", "{\"name\":\"a\",\"expirationDuration\":30,\"x\":1,\"x\":2}");
        create("a field twice in a nested object", "{\"name\":\"a\",\"x\":{\"y\":1,\"y\":1}}");
        json("service token username twice", "POST", "/admin/tokens", "admin",
                "{\"username\":\"bob\",\"name\":\"svc\",\"username\":\"alice\",\"expirationDuration\":30}", 400, ILLEGAL);
        json("settings key twice", "PUT", "/admin/settings", "admin", "{\"maxTokensPerUser\":5,\"maxTokensPerUser\":null}", 400, ILLEGAL);
        json("settings boolean twice", "PUT", "/admin/settings", "admin", "{\"enabled\":true,\"enabled\":false}", 400, ILLEGAL);
        json("search name twice", "POST", "/tokens/search", "admin", "{\"name\":\"a\",\"name\":\"b\"}", 400, ILLEGAL);
        json("search limit twice", "POST", "/tokens/search", "admin", "{\"limit\":1,\"page\":0,\"limit\":2}", 400, ILLEGAL);
        // encodings
        add("invalid UTF-8 in the name", "POST", "/tokens", "alice", JSON,
                new byte[] {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}, false, 400, ILLEGAL);
        add("Latin-1 bytes declared as Latin-1", "POST", "/tokens", "alice", JSON + ";charset=ISO-8859-1",
                new byte[] {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xE9, '"', '}'}, false, 400, ILLEGAL);
        add("overlong UTF-8 encoding of NUL", "POST", "/tokens", "alice", JSON,
                new byte[] {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', 'a', (byte) 0xC0, (byte) 0x80, '"', '}'}, false, 400, ILLEGAL);
        add("UTF-16 surrogate encoded as UTF-8 (CESU)", "POST", "/tokens", "alice", JSON,
                new byte[] {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'}, false, 400, ILLEGAL);
        // Jackson 1 decoded overlong forms leniently: C0 AF in a name was stored as "/".
        createBytes("overlong two-byte slash C0 AF", nameOf(0xC0, 0xAF));
        createBytes("overlong two-byte C1 BF", nameOf(0xC1, 0xBF));
        createBytes("overlong three-byte slash E0 80 AF", nameOf(0xE0, 0x80, 0xAF));
        createBytes("overlong four-byte slash F0 80 80 AF", nameOf(0xF0, 0x80, 0x80, 0xAF));
        createBytes("overlong quote C0 A2 (would end the string)", nameOf(0xC0, 0xA2));
        createBytes("overlong structure: C0 BA as the colon", concat(utf8("{\"name\""), concat(new byte[] {(byte) 0xC0, (byte) 0xBA}, utf8("\"x\"}"))));
        createBytes("high surrogate U+D800 in UTF-8 (CESU) mid-name", nameOf(0xED, 0xA0, 0x80));
        createBytes("low surrogate U+DFFF in UTF-8", nameOf(0xED, 0xBF, 0xBF));
        createBytes("surrogate pair in CESU-8 (U+1F600 as two 3-byte halves)", nameOf(0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80));
        createBytes("beyond U+10FFFF: F4 90 80 80", nameOf(0xF4, 0x90, 0x80, 0x80));
        createBytes("truncated two-byte sequence C3", nameOf(0xC3));
        createBytes("truncated three-byte sequence E2 82", nameOf(0xE2, 0x82));
        createBytes("truncated four-byte sequence F0 9F 98", nameOf(0xF0, 0x9F, 0x98));
        createBytes("truncated sequence at the very end of the body", concat(utf8("{\"name\":\"x\"} "), new byte[] {(byte) 0xE2, (byte) 0x82}));
        createBytes("lone continuation byte 80", nameOf(0x80));
        createBytes("lone continuation byte BF", nameOf(0xBF));
        for (int b = 0xF5; b <= 0xFF; b++) {
            createBytes("byte " + Integer.toHexString(b).toUpperCase() + " (never in UTF-8)", nameOf(b, 0x80, 0x80, 0x80));
        }
        createBytes("invalid UTF-8 after a UTF-8 byte order mark", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, nameOf(0xC0, 0xAF)));
        createBytes("two UTF-8 byte order marks", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, (byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                utf8("{\"name\":\"x\"}")));
        // UTF-16 and UTF-32, by byte order mark or by their NUL bytes; the JSON inside would be fine
        String fine = "{\"name\":\"x\",\"expirationDuration\":30}";
        createBytes("UTF-8 body in UTF-32BE", fine.getBytes(Charset.forName("UTF-32BE")));
        createBytes("UTF-8 body in UTF-32LE", fine.getBytes(Charset.forName("UTF-32LE")));
        createBytes("UTF-32BE with a byte order mark", concat(new byte[] {0, 0, (byte) 0xFE, (byte) 0xFF}, fine.getBytes(Charset.forName("UTF-32BE"))));
        createBytes("UTF-32LE with a byte order mark", concat(new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0}, fine.getBytes(Charset.forName("UTF-32LE"))));
        createBytes("UTF-16BE", fine.getBytes(StandardCharsets.UTF_16BE));
        createBytes("UTF-16LE", fine.getBytes(StandardCharsets.UTF_16LE));
        createBytes("UTF-16 with a byte order mark (big endian)", fine.getBytes(StandardCharsets.UTF_16));
        createBytes("UTF-16LE with a byte order mark", concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, fine.getBytes(StandardCharsets.UTF_16LE)));
        createBytes("UTF-16LE after leading whitespace", (" " + fine).getBytes(StandardCharsets.UTF_16LE));
        createBytes("a lone NUL byte", new byte[] {0});
        add("UTF-16 declared as charset=UTF-16", "POST", "/tokens", "alice", JSON + ";charset=UTF-16",
                fine.getBytes(StandardCharsets.UTF_16), false, 400, ILLEGAL);
        add("UTF-32 declared as charset=UTF-32", "POST", "/tokens", "alice", JSON + "; charset=utf-32",
                fine.getBytes(Charset.forName("UTF-32")), false, 400, ILLEGAL);
        add("ASCII declared as charset=US-ASCII", "POST", "/tokens", "alice", JSON + "; charset=US-ASCII", utf8(fine), false, 400, ILLEGAL);
        add("charset quoted and not UTF-8", "POST", "/tokens", "alice", JSON + "; charset=\"windows-1252\"", utf8(fine), false, 400, ILLEGAL);
        add("charset twice, the second not UTF-8", "POST", "/tokens", "alice", JSON + "; charset=UTF-8; charset=UTF-16", utf8(fine), false, 400, ILLEGAL);
        // content types and the XSRF rule
        add("text/plain without the XSRF header", "POST", "/tokens", "alice", "text/plain", utf8("{\"name\":\"x\"}"), false, 403, HOST_XSRF);
        add("form post without the XSRF header", "POST", "/tokens", "alice", "application/x-www-form-urlencoded", utf8("name=x"), false, 403, HOST_XSRF);
        add("multipart without the XSRF header", "POST", "/tokens", "alice", "multipart/form-data; boundary=b", utf8("--b--"), false, 403, HOST_XSRF);
        add("no content type without the XSRF header", "POST", "/tokens", "alice", null, utf8("{\"name\":\"x\"}"), false, 403, HOST_XSRF);
        add("text/plain with the XSRF header", "POST", "/tokens", "alice", "text/plain", utf8("{\"name\":\"x\"}"), true, 415, WEB);
        add("form post with the XSRF header", "POST", "/tokens", "alice", "application/x-www-form-urlencoded", utf8("name=x"), true, 415, WEB);
        add("XML", "POST", "/tokens", "alice", "application/xml", utf8("<name>x</name>"), true, 415, WEB);
        add("no content type with the XSRF header", "POST", "/tokens", "alice", null, utf8("{\"name\":\"x\"}"), true, 415, WEB);
        add("settings as text/plain", "PUT", "/admin/settings", "admin", "text/plain", utf8("{\"maxTokensPerUser\":1}"), false, 415, WEB);
        add("bulk revoke as text/plain", "DELETE", "/admin/tokens", "admin", "text/plain", utf8("[{id}]"), false, 415, WEB);
        add("Accept: application/xml", "GET", "/tokens", "alice", null, null, false, 406, WEB);
        // methods
        json("PUT /tokens", "PUT", "/tokens", "alice", "{\"name\":\"x\"}", 405, WEB);
        json("PATCH /tokens/{id}", "PATCH", "/tokens/{id}", "alice", "{\"name\":\"x\"}", 405, WEB);
        json("POST /tokens/{id}", "POST", "/tokens/{id}", "alice", "{\"name\":\"x\"}", 405, WEB);
        json("DELETE /tokens", "DELETE", "/tokens", "alice", "[]", 405, WEB);
        json("GET /tokens/{id}/rotate", "GET", "/tokens/{id}/rotate", "alice", "", 405, WEB);
        json("GET /tokens/search", "GET", "/tokens/search", "admin", "", 405, WEB);
        json("GET /admin/tokens", "GET", "/admin/tokens", "admin", "", 405, WEB);
        json("DELETE /admin/settings", "DELETE", "/admin/settings", "admin", "", 405, WEB);
        json("POST /admin/settings", "POST", "/admin/settings", "admin", "{\"maxTokensPerUser\":1}", 405, WEB);
        // paths and ids
        json("id not a number", "GET", "/tokens/abc", "alice", "", 404, WEB);
        json("id negative", "GET", "/tokens/-1", "alice", "", 404, WEB);
        json("id zero", "DELETE", "/tokens/0", "alice", "", 404, WEB);
        json("id decimal", "GET", "/tokens/1.5", "alice", "", 404, WEB);
        json("id beyond 64 bits", "DELETE", "/tokens/99999999999999999999", "alice", "", 404, WEB);
        json("id with a plus sign", "GET", "/tokens/+1", "alice", "", 404, WEB);
        json("rotate of a non-number", "POST", "/tokens/abc/rotate", "alice", "{}", 404, WEB);
        json("unknown path", "GET", "/nope", "alice", "", 404, WEB);
        json("unknown path under /admin", "GET", "/admin/nope", "admin", "", 404, WEB);
        // admin search
        json("search without a body", "POST", "/tokens/search", "admin", "", 400, ILLEGAL);
        json("search body an array", "POST", "/tokens/search", "admin", "[]", 400, ILLEGAL);
        json("search sortBy unknown", "POST", "/tokens/search", "admin", "{\"sortBy\":\"owner\"}", 400, ILLEGAL);
        json("search orderBy unknown", "POST", "/tokens/search", "admin", "{\"orderBy\":\"up\"}", 400, ILLEGAL);
        json("search date not a date", "POST", "/tokens/search", "admin", "{\"tokenCreatedDateFrom\":\"yesterday\"}", 400, ILLEGAL);
        json("search date month 13", "POST", "/tokens/search", "admin", "{\"tokenExpiryDateTo\":\"2024-13-01T00:00:00Z\"}", 400, ILLEGAL);
        json("search date only a day", "POST", "/tokens/search", "admin", "{\"tokenExpiryDateFrom\":\"2024-01-01\"}", 400, ILLEGAL);
        json("search date a number", "POST", "/tokens/search", "admin", "{\"lastAuthenticatedDateFrom\":12345}", 400, ILLEGAL);
        // Dates outside years 1 to 9999: the largest year java.time reads overflowed Date.from (a 500); years above
        // 9999 do not fit Oracle, MySQL or SQL Server timestamps.
        for (String field : new String[] {"tokenCreatedDateFrom", "tokenCreatedDateTo", "tokenExpiryDateFrom",
                "tokenExpiryDateTo", "lastAuthenticatedDateFrom", "lastAuthenticatedDateTo"}) {
            json("search " + field + " year +999999999", "POST", "/tokens/search", "admin",
                    "{\"" + field + "\":\"+999999999-12-31T00:00:00Z\"}", 400, ILLEGAL);
        }
        json("search date year -999999999", "POST", "/tokens/search", "admin", "{\"tokenCreatedDateFrom\":\"-999999999-01-01T00:00:00Z\"}", 400, ILLEGAL);
        json("search date year -1", "POST", "/tokens/search", "admin", "{\"tokenExpiryDateTo\":\"-0001-06-01T00:00:00Z\"}", 400, ILLEGAL);
        json("search date year 0", "POST", "/tokens/search", "admin", "{\"lastAuthenticatedDateTo\":\"0000-12-31T23:59:59.999Z\"}", 400, ILLEGAL);
        json("search date year 10000", "POST", "/tokens/search", "admin", "{\"tokenExpiryDateFrom\":\"+10000-01-01T00:00:00Z\"}", 400, ILLEGAL);
        json("search date year 10000 without an offset", "POST", "/tokens/search", "admin", "{\"tokenCreatedDateTo\":\"+10000-01-01T00:00:00\"}", 400, ILLEGAL);
        json("search date 9999-12-31 whose offset makes it year 10000", "POST", "/tokens/search", "admin",
                "{\"tokenExpiryDateTo\":\"9999-12-31T23:59:59-01:00\"}", 400, ILLEGAL);
        json("search date 0001-01-01 whose offset makes it year 0", "POST", "/tokens/search", "admin",
                "{\"tokenCreatedDateFrom\":\"0001-01-01T00:00:00+01:00\"}", 400, ILLEGAL);
        json("search page -1", "POST", "/tokens/search", "admin", "{\"page\":-1}", 400, ILLEGAL);
        json("search page overflowing the offset", "POST", "/tokens/search", "admin", "{\"page\":2147483647}", 400, ILLEGAL);
        json("search limit 0", "POST", "/tokens/search", "admin", "{\"limit\":0}", 400, ILLEGAL);
        json("search limit a string", "POST", "/tokens/search", "admin", "{\"limit\":\"10\"}", 400, ILLEGAL);
        json("search isUsed a string", "POST", "/tokens/search", "admin", "{\"isUsed\":\"yes\"}", 400, ILLEGAL);
        json("search userKeys a string", "POST", "/tokens/search", "admin", "{\"userKeys\":\"JIRAUSER10100\"}", 400, ILLEGAL);
        json("search unknown field", "POST", "/tokens/search", "admin", "{\"owner\":\"alice\"}", 400, ILLEGAL);
        json("search status unknown", "POST", "/tokens/search", "admin", "{\"status\":\"revoked\"}", 400, ILLEGAL);
        json("search status in another case", "POST", "/tokens/search", "admin", "{\"status\":\"EXPIRED\"}", 400, ILLEGAL);
        json("search status a number", "POST", "/tokens/search", "admin", "{\"status\":2}", 400, ILLEGAL);
        json("search status a list", "POST", "/tokens/search", "admin", "{\"status\":[\"active\"]}", 400, ILLEGAL);
        json("user picker limit 0", "GET", "/tokens/search/user?contains=alice&limit=0", "admin", "", 400, ILLEGAL);
        json("user picker limit not a number", "GET", "/tokens/search/user?contains=alice&limit=ten", "admin", "", 400, ILLEGAL);
        json("user picker limit huge", "GET", "/tokens/search/user?contains=alice&limit=99999999999", "admin", "", 400, ILLEGAL);
        // bulk revoke
        json("bulk revoke without a body", "DELETE", "/admin/tokens", "admin", "", 400, ILLEGAL);
        json("bulk revoke of an object", "DELETE", "/admin/tokens", "admin", "{\"ids\":[{id}]}", 400, ILLEGAL);
        json("bulk revoke of a string id", "DELETE", "/admin/tokens", "admin", "[\"{id}\"]", 400, ILLEGAL);
        json("bulk revoke of a decimal id", "DELETE", "/admin/tokens", "admin", "[{id}.0]", 400, ILLEGAL);
        json("bulk revoke with a null", "DELETE", "/admin/tokens", "admin", "[{id},null]", 400, ILLEGAL);
        json("bulk revoke of a boolean", "DELETE", "/admin/tokens", "admin", "[{id},true]", 400, ILLEGAL);
        json("bulk revoke nested", "DELETE", "/admin/tokens", "admin", "[[{id}]]", 400, ILLEGAL);
        json("bulk revoke id beyond 64 bits", "DELETE", "/admin/tokens", "admin", "[{id},99999999999999999999]", 400, ILLEGAL);
        json("bulk revoke of 1,001 ids", "DELETE", "/admin/tokens", "admin",
                "[{id}," + String.join(",", Collections.nCopies(1000, "7")) + "]", 400, ILLEGAL);
        // service tokens
        json("service token without username", "POST", "/admin/tokens", "admin", "{\"name\":\"svc\"}", 400, ILLEGAL);
        json("service token unknown user", "POST", "/admin/tokens", "admin", "{\"username\":\"nobody\",\"name\":\"svc\"}", 400, ILLEGAL);
        json("service token inactive user", "POST", "/admin/tokens", "admin", "{\"username\":\"carol\",\"name\":\"svc\"}", 400, ILLEGAL);
        json("service token username a number", "POST", "/admin/tokens", "admin", "{\"username\":5,\"name\":\"svc\"}", 400, ILLEGAL);
        json("service token without a name", "POST", "/admin/tokens", "admin", "{\"username\":\"bob\"}", 400, ILLEGAL);
        json("service token duration too long", "POST", "/admin/tokens", "admin",
                "{\"username\":\"bob\",\"name\":\"svc\",\"expirationDuration\":400}", 400, ILLEGAL);
        // settings
        json("settings without a body", "PUT", "/admin/settings", "admin", "", 400, ILLEGAL);
        json("settings an array", "PUT", "/admin/settings", "admin", "[]", 400, ILLEGAL);
        json("settings number 0 below the minimum", "PUT", "/admin/settings", "admin", "{\"maxTokensPerUser\":0}", 400, ILLEGAL);
        json("settings number above the maximum", "PUT", "/admin/settings", "admin", "{\"maxTokensPerUser\":1001}", 400, ILLEGAL);
        json("settings number as a string", "PUT", "/admin/settings", "admin", "{\"maxTokensPerUser\":\"5\"}", 400, ILLEGAL);
        json("settings number as a decimal", "PUT", "/admin/settings", "admin", "{\"maxTokensPerUser\":5.5}", 400, ILLEGAL);
        json("settings nameMaxLength above 100 (the lower case would outgrow the name columns)", "PUT", "/admin/settings",
                "admin", "{\"nameMaxLength\":101}", 400, ILLEGAL);
        json("settings nameMaxLength 255", "PUT", "/admin/settings", "admin", "{\"nameMaxLength\":255}", 400, ILLEGAL);
        json("settings number negative", "PUT", "/admin/settings", "admin", "{\"expiryWarningDays\":-1}", 400, ILLEGAL);
        json("settings boolean as a string", "PUT", "/admin/settings", "admin", "{\"enabled\":\"false\"}", 400, ILLEGAL);
        json("settings boolean as a number", "PUT", "/admin/settings", "admin", "{\"enabled\":0}", 400, ILLEGAL);
        json("settings unknown key", "PUT", "/admin/settings", "admin", "{\"bogus\":true}", 400, ILLEGAL);
        json("settings one good one unknown", "PUT", "/admin/settings", "admin", "{\"maxTokensPerUser\":5,\"bogus\":1}", 400, ILLEGAL);
        json("settings one good one bad", "PUT", "/admin/settings", "admin", "{\"nameMaxLength\":20,\"maxExpiryDays\":0}", 400, ILLEGAL);
    }

    @Parameterized.Parameters(name = "{index}: {0}")
    public static List<Object[]> corpus() {
        return CORPUS;
    }

    @BeforeClass
    public static void someTokensAndASetting() {
        api = new Api(HOST.host(), Api.LATEST);
        alicesToken = api.createId("alice", "existing");
        api.createId("bob", "existing too");
        api.put("/admin/settings", "admin", "{\"pruningDelayDays\":12}");
    }

    @Test
    public void badRequestWhenSentThenDocumented4xxAndNothingChanges() {
        List<String> before = api.state();
        String path = request.path.replace("{id}", Long.toString(alicesToken));
        byte[] body = request.body == null ? null
                : new String(request.body, StandardCharsets.ISO_8859_1).replace("{id}", Long.toString(alicesToken))
                        .getBytes(StandardCharsets.ISO_8859_1);
        List<String> headers = new ArrayList<>();
        if (request.xsrfHeader) {
            headers.add("X-Atlassian-Token");
            headers.add("no-check");
        }
        if (description.startsWith("Accept: ")) {
            headers.add("Accept");
            headers.add(description.substring(8));
        }
        HttpCall.Response r = api.raw(request.method, path, request.user, request.contentType, body, headers.toArray(new String[0]));

        assertTrue("never a 5xx: " + r, r.status < 500);
        if (HOST_XSRF.equals(request.exception)) {
            assertEquals(r.toString(), request.status, r.status);
        } else {
            Api.assertError(r, request.status, request.exception);
        }
        assertEquals("the database changed", before, api.state());
    }
}
