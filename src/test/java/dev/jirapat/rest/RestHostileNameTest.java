package dev.jirapat.rest;

import dev.jirapat.devhost.DevHostRule;
import dev.jirapat.devhost.HttpCall;
import dev.jirapat.token.AccessToken;
import org.codehaus.jackson.JsonNode;
import org.codehaus.jackson.map.ObjectMapper;
import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * Token names are text: HTML, SQL, template syntax and 4-byte characters are stored and returned byte for byte
 * (escaping is the job of whoever renders them), in Unicode NFC; control characters, line breaks, text-direction
 * controls and broken surrogates are refused, and so is a name that shows nothing.
 */
public class RestHostileNameTest {
    private static final String[] HOSTILE = {
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "'; DROP TABLE AO_2BCA9F_TOKEN; --",
            "Robert'); DELETE FROM x;--",
            "\" OR \"1\"=\"1",
            "%' OR 1=1 --",
            "${jndi:ldap://x/a} {{7*7}} #{1}",
            "&lt;b&gt; &amp; \\u0041 \\\\ / \\",
            "\uD83D\uDD11 token \uD834\uDD1E \u65E5\u672C\u8A9E \uD83D\uDE00",
            "\u00e9 zero\u200Bwidth \uFEFF inside",
            "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67 family",
    };

    @ClassRule
    public static final DevHostRule HOST = new DevHostRule();

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private Api api;

    @Before
    public void cleanSlate() {
        api = new Api(HOST.host(), Api.LATEST);
        api.reset();
        api.put("/admin/settings", "admin", "{\"maxTokensPerUser\":100}");
    }

    @Test
    public void nameWhenHtmlSqlOrFourByteUnicodeThenRoundTripsByteForByte() throws IOException {
        for (String name : HOSTILE) {
            String sent = MAPPER.writeValueAsString(name);
            HttpCall.Response created = api.post("/tokens", "alice", "{\"name\":" + sent + ",\"expirationDuration\":1}");
            assertEquals(name + ": " + created, 201, created.status);
            assertEquals("create echoes " + sent, name, Api.json(created).path("name").getTextValue());
            long id = Api.json(created).path("id").getLongValue();

            HttpCall.Response got = api.get("/tokens/" + id, "alice");
            JsonNode token = Api.json(got);
            assertEquals(name, token.path("name").getTextValue());
            // Byte for byte: the response carries the same UTF-8 bytes as Jackson's own encoding of the name
            // (non-ASCII unescaped, nothing HTML-escaped).
            String onWire = "\"name\":" + sent + ",";
            assertTrue("raw bytes of " + sent + " in " + got.body, contains(got.body.getBytes(StandardCharsets.UTF_8),
                    onWire.getBytes(StandardCharsets.UTF_8)));

            AccessToken stored = api.service().get(dev.jirapat.token.Actor.user(Api.ALICE_KEY), id).get();
            assertEquals("stored as sent", name, stored.name());
        }
    }

    @Test
    public void nameWhenFortyFourByteCharactersThenAcceptedBecauseTheLimitCountsCharacters() {
        String name = "\uD83D\uDE00".repeat(40);
        JsonNode token = api.create("alice", "{\"name\":\"" + name + "\",\"expirationDuration\":1}");
        assertEquals(name, token.path("name").getTextValue());
        assertEquals(160, token.path("name").getTextValue().getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    public void nameWhenAtTheLargestNameMaxLengthInCharactersThatGrowThenCreatedAndRoundTrips() {
        api.put("/admin/settings", "admin", "{\"nameMaxLength\":100}");
        // U+0130 doubles in lower case (200 UTF-16 units); an emoji is two UTF-16 units (200 in all).
        for (String name : new String[] {"\u0130".repeat(100), "\uD83D\uDE00".repeat(100)}) {
            HttpCall.Response created = api.post("/tokens", "alice", "{\"name\":\"" + name + "\",\"expirationDuration\":1}");
            assertEquals(created.toString(), 201, created.status);
            long id = Api.json(created).path("id").getLongValue();
            assertEquals(name, Api.json(api.get("/tokens/" + id, "alice")).path("name").getTextValue());
            JsonNode found = Api.json(api.post("/tokens/search", "admin", "{\"name\":\"" + name + "\"}"));
            assertEquals(found.toString(), 1, found.path("values").size());
            assertEquals(name, found.path("values").get(0).path("name").getTextValue());
        }
    }

    @Test
    public void nameWhenItHoldsControlCharactersThen400AndNothingStored() {
        List<String> before = api.state();
        for (String escaped : new String[] {"\\u0000", "\\n", "\\r", "\\t", "\\u001b", "\\u007f", "\\u009b", "\\u2028", "\\ud800"}) {
            HttpCall.Response r = api.post("/tokens", "alice", "{\"name\":\"a" + escaped + "b\"}");
            JsonNode error = Api.assertError(r, 400, "java.lang.IllegalArgumentException");
            assertEquals(escaped, "A token name cannot contain control characters, line breaks or text-direction controls.",
                    error.path("error").getTextValue());
        }
        assertEquals(before, api.state());
    }

    @Test
    public void nameWhenItHoldsATextDirectionControlThen400AndNothingStored() {
        List<String> before = api.state();
        for (String escaped : new String[] {"\\u202e", "\\u202a", "\\u202b", "\\u202c", "\\u202d", "\\u2066",
                "\\u2067", "\\u2068", "\\u2069", "\\u200e", "\\u200f", "\\u061c"}) {
            HttpCall.Response r = api.post("/tokens", "alice", "{\"name\":\"invoice" + escaped + "fdp.exe\",\"expirationDuration\":1}");
            JsonNode error = Api.assertError(r, 400, "java.lang.IllegalArgumentException");
            assertEquals(escaped, "A token name cannot contain control characters, line breaks or text-direction controls.",
                    error.path("error").getTextValue());
        }
        assertEquals(before, api.state());
    }

    @Test
    public void nameWhenItShowsNothingThen400AsBlankAndNothingStored() {
        List<String> before = api.state();
        for (String escaped : new String[] {"\\u200b", "\\u200b\\u200d\\u200c", "\\ufeff", "\\u2060", "\\u180e",
                "\\u3164", "\\u115f\\u1160", "\\u00a0\\u200b \\u3000", "\\ufe0f", "\\u00ad", "\\u2800"}) {
            HttpCall.Response r = api.post("/tokens", "alice", "{\"name\":\"" + escaped + "\",\"expirationDuration\":1}");
            JsonNode error = Api.assertError(r, 400, "java.lang.IllegalArgumentException");
            assertEquals(escaped, "Give the token a name with at least one visible character.", error.path("error").getTextValue());
        }
        HttpCall.Response service = api.post("/admin/tokens", "admin", "{\"username\":\"bob\",\"name\":\"\\u200b\",\"expirationDuration\":1}");
        Api.assertError(service, 400, "java.lang.IllegalArgumentException");
        assertEquals(before, api.state());
    }

    @Test
    public void nameWhenDecomposedThenStoredAndAnsweredInNfcAndCountedAsComposed() {
        JsonNode created = api.create("alice", "{\"name\":\"Cafe\\u0301 \\u212b\",\"expirationDuration\":1}");
        assertEquals("Caf\u00e9 \u00c5", created.path("name").getTextValue());
        long id = created.path("id").getLongValue();
        assertEquals("Caf\u00e9 \u00c5", Api.json(api.get("/tokens/" + id, "alice")).path("name").getTextValue());
        assertEquals("Caf\u00e9 \u00c5", api.service().get(dev.jirapat.token.Actor.user(Api.ALICE_KEY), id).get().name());

        api.put("/admin/settings", "admin", "{\"nameMaxLength\":5}");
        // Ten code points as sent, five characters once composed.
        assertEquals("\u00e9".repeat(5), api.create("alice", "{\"name\":\"" + "e\\u0301".repeat(5)
                + "\",\"expirationDuration\":1}").path("name").getTextValue());
        Api.assertError(api.post("/tokens", "alice", "{\"name\":\"" + "e\\u0301".repeat(6) + "\",\"expirationDuration\":1}"),
                400, "java.lang.IllegalArgumentException");
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
