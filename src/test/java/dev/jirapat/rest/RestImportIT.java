package dev.jirapat.rest;

import dev.jirapat.devhost.DevHostRule;
import dev.jirapat.devhost.HttpCall;
import dev.jirapat.token.AccessToken;
import dev.jirapat.token.BuiltinFixtures;
import dev.jirapat.token.TokenOrigin;
import dev.jirapat.token.TokenStore;
import org.codehaus.jackson.JsonNode;
import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/**
 * {@code POST /rest/pat/latest/admin/import/builtin} over HTTP: who may call it, every refusal of a file (nothing
 * imported then), row errors in the answer, dry run and JSON. 100,000 rows: {@link RestImportLargeIT}.
 */
public class RestImportIT {
    @ClassRule
    public static final DevHostRule HOST = new DevHostRule();

    static final String PATH = "/admin/import/builtin";
    static final String HEADER = "ID,NAME,USER_KEY,CREATED_AT,LAST_ACCESSED_AT,HASHED_TOKEN,TOKEN_ID,EXPIRING_AT,NOTIFICATION_STATE\n";

    private Api api;

    @Before
    public void cleanSlate() {
        api = new Api(HOST.host(), Api.LATEST);
        api.reset();
    }

    private static String row(String tokenId, String owner, String name) {
        return "1,\"" + name.replace("\"", "\"\"") + "\"," + owner + ",2026-01-31 09:15:00.123,," + BuiltinFixtures.someHash()
                + "," + tokenId + ",2027-01-31 09:15:00,NOT_SENT\n";
    }

    private HttpCall.Response send(String query, String user, String contentType, byte[] body) {
        return api.raw("POST", PATH + query, user, contentType, body);
    }

    private HttpCall.Response csv(String query, String user, String text) {
        return send(query, user, "text/csv", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    public void importWhenCallerIsNotASystemAdminThenRefusedAndNothingImported() {
        String file = HEADER + row("123456789012", Api.ALICE_KEY, "ci");
        Api.assertError(csv("", null, file), 401, ApiException.AUTHORISATION);
        Api.assertError(csv("", "alice", file), 403, ApiException.AUTHORISATION);
        Api.assertError(csv("", "bob", file), 403, ApiException.AUTHORISATION);
        assertTrue(api.tokens().isEmpty());
        assertEquals(200, csv("", "admin", file).status);
        assertEquals(1, api.tokens().size());
    }

    @Test
    public void importWhenRowsGoodAndBadThenGoodImportedAndBadListedByLineForAPerson() {
        String file = "\uFEFF" + HEADER.replace("\n", "\r\n")
                + row("000000000001", Api.ALICE_KEY, "=cmd|' /C calc'!A0")
                + row("000000000002", "JIRAUSER99999", "gone")
                + row("000000000001", Api.BOB_KEY, "again")
                + row("12345", Api.BOB_KEY, "short id")
                + "1,x," + Api.BOB_KEY + ",yesterday,,{PKCS5S2}x,000000000003,2027-01-01 00:00:00,\n";

        HttpCall.Response r = csv("", "admin", file);

        assertEquals(r.toString(), 200, r.status);
        Api.assertJsonUtf8(r);
        JsonNode body = Api.json(r);
        assertEquals(1, body.path("imported").getIntValue());
        assertEquals(0, body.path("skipped").getIntValue());
        assertEquals(4, body.path("failed").getIntValue());
        assertFalse(body.path("dryRun").getBooleanValue());
        JsonNode errors = body.path("errors");
        assertEquals(3, errors.path(0).path("line").getIntValue());
        assertEquals("USER_KEY names no user of this Jira (deleted since?). The row was not imported.",
                errors.path(0).path("reason").getTextValue());
        assertEquals(4, errors.path(1).path("line").getIntValue());
        assertEquals("The same TOKEN_ID is on line 2 already. Only that row was imported.", errors.path(1).path("reason").getTextValue());
        assertTrue(errors.path(2).path("reason").getTextValue().startsWith("TOKEN_ID is not 12 digits."));
        assertTrue(errors.path(3).path("reason").getTextValue().startsWith("HASHED_TOKEN is not a PKCS5S2 hash"));
        assertFalse("no hash echoed: " + r.body, java.util.regex.Pattern.compile("\\{PKCS5S2\\}[A-Za-z0-9+/]{8}").matcher(r.body).find());
        List<AccessToken> stored = api.tokens();
        assertEquals("a formula is stored as typed, never evaluated", "=cmd|' /C calc'!A0", stored.get(0).name());
        assertEquals(TokenOrigin.BUILTIN, stored.get(0).origin());
    }

    @Test
    public void importWhenDryRunThenReportedAndNothingWritten() {
        String file = HEADER + row("000000000011", Api.ALICE_KEY, "a") + row("000000000012", Api.BOB_KEY, "b");
        List<String> before = api.state();

        JsonNode body = Api.json(csv("?dryRun=true", "admin", file));

        assertEquals(2, body.path("imported").getIntValue());
        assertTrue(body.path("dryRun").getBooleanValue());
        assertEquals(before, api.state());
        Api.assertError(csv("?dryRun=maybe", "admin", file), 400, ApiException.ILLEGAL_ARGUMENT);
    }

    @Test
    public void importWhenDatesWithoutOffsetAndATimeZoneThenReadInThatZone() {
        JsonNode body = Api.json(csv("?timeZone=Europe/Berlin", "admin", HEADER + row("000000000021", Api.ALICE_KEY, "a")));
        assertEquals(1, body.path("imported").getIntValue());
        assertEquals("2026-01-31T08:15:00.123Z", api.tokens().get(0).createdAt().toString());
        Api.assertError(csv("?timeZone=Mars/Olympus", "admin", HEADER), 400, ApiException.ILLEGAL_ARGUMENT);
    }

    @Test
    public void importWhenJsonArrayOfRowsThenImportedLikeCsv() {
        String json = "[{\"token_id\":\"000000000031\",\"user_key\":\"" + Api.ALICE_KEY + "\",\"name\":\"json\","
                + "\"hashed_token\":\"" + BuiltinFixtures.someHash() + "\",\"created_at\":\"2026-01-31T09:15:00.000+00:00\","
                + "\"expiring_at\":\"9999-12-31T00:00:00.000+00:00\",\"last_accessed_at\":null,\"id\":5}]";
        JsonNode body = Api.json(send("", "admin", "application/json", json.getBytes(StandardCharsets.UTF_8)));
        assertEquals(body.toString(), 1, body.path("imported").getIntValue());
        assertFalse(api.tokens().get(0).expiresAt().isPresent());
    }

    @Test
    public void importWhenTheFileIsNotAnExportThenRefusedWithAReasonAndNothingImported() {
        String good = row("000000000041", Api.ALICE_KEY, "a");
        assertEquals("a browser form's type: the XSRF rule refuses it first", 403,
                send("", "admin", "text/plain", (HEADER + good).getBytes(StandardCharsets.UTF_8)).status);
        Api.assertError(api.raw("POST", PATH, "admin", "text/plain", (HEADER + good).getBytes(StandardCharsets.UTF_8),
                "X-Atlassian-Token", "no-check"), 415, ApiException.WEB_APPLICATION);
        Api.assertError(send("", "admin", "application/xml", (HEADER + good).getBytes(StandardCharsets.UTF_8)), 415,
                ApiException.WEB_APPLICATION);
        Api.assertError(csv("", "admin", ""), 400, ApiException.ILLEGAL_ARGUMENT);
        JsonNode missing = Api.assertError(csv("", "admin", "TOKEN_ID,USER_KEY,NAME\n" + good), 400, ApiException.ILLEGAL_ARGUMENT);
        assertEquals("The file's header lacks these columns of the built-in app's table: HASHED_TOKEN, CREATED_AT, EXPIRING_AT.",
                missing.path("error").getTextValue());
        Api.assertError(csv("", "admin", HEADER + good + "1,\"unterminated\n"), 400, ApiException.ILLEGAL_ARGUMENT);
        byte[] latin1 = (HEADER + row("000000000042", Api.ALICE_KEY, "Caf\u00e9")).getBytes(StandardCharsets.ISO_8859_1);
        JsonNode wrongEncoding = Api.assertError(send("", "admin", "text/csv", latin1), 400, ApiException.ILLEGAL_ARGUMENT);
        assertTrue(wrongEncoding.path("error").getTextValue(), wrongEncoding.path("error").getTextValue().contains("not valid UTF-8 at byte"));
        byte[] utf16 = (HEADER + good).getBytes(StandardCharsets.UTF_16);
        Api.assertError(send("", "admin", "text/csv", utf16), 400, ApiException.ILLEGAL_ARGUMENT);
        byte[] binary = new byte[4096];
        new java.util.Random(1).nextBytes(binary);
        Api.assertError(send("", "admin", "text/csv", binary), 400, ApiException.ILLEGAL_ARGUMENT);
        Api.assertError(send("", "admin", "text/csv; charset=ISO-8859-1", (HEADER + good).getBytes(StandardCharsets.UTF_8)), 400,
                ApiException.ILLEGAL_ARGUMENT);
        Api.assertError(send("", "admin", "application/json", "{\"TOKEN_ID\":1}".getBytes(StandardCharsets.UTF_8)), 400,
                ApiException.ILLEGAL_ARGUMENT);
        assertTrue(api.tokens().isEmpty());
    }

    @Test
    public void importWhenLargerThanTheLimitThen413AndNothingImported() {
        byte[] small = (HEADER + row("000000000051", Api.ALICE_KEY, "a")).getBytes(StandardCharsets.UTF_8);
        Api.assertError(api.raw("POST", PATH, "admin", "text/csv", small, "Content-Length",
                Long.toString(ImportResource.MAX_BYTES + 1L)), 413, ApiException.WEB_APPLICATION);

        byte[] huge = new byte[ImportResource.MAX_BYTES + 1];
        byte[] filler = "1,x,y,z,,h,i,e,\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(small, 0, huge, 0, small.length);
        for (int at = small.length; at < huge.length; at += filler.length) {
            System.arraycopy(filler, 0, huge, at, Math.min(filler.length, huge.length - at));
        }
        HttpCall.Response chunked = api.call("POST", PATH, "admin").body("text/csv", huge).chunked().send();
        Api.assertError(chunked, 413, ApiException.WEB_APPLICATION);
        byte[] json = new byte[ImportResource.MAX_JSON_BYTES + 1];
        java.util.Arrays.fill(json, (byte) ' ');
        json[0] = '[';
        json[json.length - 1] = ']';
        // Declared too large: refused before reading (a client sending 8 MiB after that meets Tomcat closing the
        // connection once it swallowed 2 MiB, as on Jira); streamed without a length: refused at the limit.
        Api.assertError(api.raw("POST", PATH, "admin", "application/json", new byte[] {'[', ']'}, "Content-Length",
                Long.toString(ImportResource.MAX_JSON_BYTES + 1L)), 413, ApiException.WEB_APPLICATION);
        Api.assertError(api.call("POST", PATH, "admin").body("application/json", json).chunked().send(), 413,
                ApiException.WEB_APPLICATION);
        assertTrue(api.tokens().isEmpty());
    }
}
