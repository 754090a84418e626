package dev.jirapat.rest;

import dev.jirapat.token.AccessToken;
import dev.jirapat.token.IpRange;
import dev.jirapat.token.Scope;
import dev.jirapat.token.TokenPolicy;
import dev.jirapat.token.TokenServices;
import dev.jirapat.token.TokenStatus;
import dev.jirapat.token.UserAccount;
import org.codehaus.jackson.jaxrs.JacksonJsonProvider;
import org.junit.Test;

import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/**
 * The exact bytes of every response shape, written out by hand: property order, omitted nulls, numbers and
 * booleans, and both string escapings ({@link JsonWriter#value(String)}, {@link JsonWriter#userText(String)}) over
 * hostile text. {@code JsonWriterProperties} shows the same bytes are what the host's Jackson 1 wrote.
 */
public class JsonWriterTest {
    private static final Instant CREATED = Instant.parse("2026-01-02T03:04:05.678Z");
    private static final AccessToken PLAIN = AccessToken.builder().id(7).ownerKey("JIRAUSER10100").name("ci")
            .createdAt(CREATED).createdBy("JIRAUSER10100").hash("h", "SHA-256").hint("jpat_x").build();
    private static final String PLAIN_JSON = "{\"id\":7,\"name\":\"ci\",\"createdAt\":\"2026-01-02T03:04:05.678+00:00\","
            + "\"expiringAt\":\"9999-12-31T00:00:00.000+00:00\",\"scope\":\"write\",\"createdBy\":\"alice\","
            + "\"status\":\"active\",\"neverExpires\":true}";
    private static final String CONTROLS;

    static {
        StringBuilder controls = new StringBuilder();
        for (char c = 0; c < 0x20; c++) {
            controls.append(c);
        }
        CONTROLS = controls.toString();
    }

    private static String json(JsonWritable value) {
        return new String(JsonWriter.bytes(value), StandardCharsets.UTF_8);
    }

    private static String value(String text) {
        return new String(new JsonWriter().value(text).toBytes(), StandardCharsets.UTF_8);
    }

    private static String userText(String text) {
        return new String(new JsonWriter().userText(text).toBytes(), StandardCharsets.UTF_8);
    }

    // --- strings ----------------------------------------------------------------------------------------------

    @Test
    public void valueWhenControlCharactersThenShortEscapesWhereJsonHasThemElseUppercaseUnicodeEscapes() {
        assertEquals("\"\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007\\b\\t\\n\\u000B\\f\\r\\u000E\\u000F"
                + "\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017\\u0018\\u0019\\u001A\\u001B\\u001C\\u001D"
                + "\\u001E\\u001F\"", value(CONTROLS));
    }

    @Test
    public void valueWhenQuoteAndBackslashThenEscapedAndSlashDeleAndHtmlAsTheyAre() {
        assertEquals("\"a\\\"b\\\\c/d\u007F</script><b>&amp;'\"", value("a\"b\\c/d\u007F</script><b>&amp;'"));
    }

    @Test
    public void valueWhenNonAsciiWithoutSurrogatesThenRawUtf8IncludingLineSeparatorsAndBidiControls() {
        String text = "\u00E9t\u00E9 \u2028\u2029\u202E\u200F\uFEFF\uFFFF";
        assertEquals("\"" + text + "\"", value(text));
        assertArrayEquals(new byte[] {'"', (byte) 0xC3, (byte) 0xA9, '"'}, new JsonWriter().value("\u00E9").toBytes());
        assertArrayEquals(new byte[] {'"', (byte) 0xE2, (byte) 0x80, (byte) 0xA8, '"'},
                new JsonWriter().value("\u2028").toBytes());
    }

    @Test
    public void valueWhenSurrogatesThenEachEscapedPairedOrNot() {
        assertEquals("\"x\\uD83D\\uDE00y\\uD800z\\uDFFF\"", value("x\uD83D\uDE00y\uD800z\uDFFF"));
    }

    @Test
    public void valueWhenNullThenJsonNull() {
        assertEquals("null", value(null));
    }

    @Test
    public void userTextWhenNoSurrogatesThenAsValue() {
        assertEquals(value(CONTROLS + "\"\\\u00E9\u2028"), userText(CONTROLS + "\"\\\u00E9\u2028"));
    }

    @Test
    public void userTextWhenEmojiThenRawFourByteUtf8() {
        assertArrayEquals(new byte[] {'"', 'a', (byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x80, '"'},
                new JsonWriter().userText("a\uD83D\uDE00").toBytes());
    }

    @Test
    public void userTextWhenSurrogatesThenControlsAndLoneSurrogatesAsUnicodeEscapesWithoutShortForms() {
        String text = "\u0000\b\t\n\f\r\u001F\"\\" + "\uD83D\uDE00" + "\uD800" + "x" + "\uDC00" + "\u2028";
        assertEquals("\"\\u0000\\u0008\\u0009\\u000A\\u000C\\u000D\\u001F\\\"\\\\" + "\uD83D\uDE00"
                + "\\uD800x\\uDC00" + "\u2028\"", userText(text));
    }

    // --- beans ------------------------------------------------------------------------------------------------

    @Test
    public void tokenWhenNeverUsedNeverExpiresNoAllowlistOursThenOptionalFieldsOmitted() {
        assertEquals(PLAIN_JSON, json(new TokenBean(PLAIN, "alice", TokenStatus.ACTIVE)));
    }

    @Test
    public void tokenWhenEveryFieldThenWireOrder() {
        AccessToken token = PLAIN.toBuilder().id(Long.MAX_VALUE).name("n\u00E9\"\uD83D\uDE00")
                .expiresAt(Instant.parse("2026-02-01T00:00:00Z")).lastUsed(Instant.parse("2026-01-03T00:00:00.001Z"), "10.1.2.3")
                .scope(Scope.READ).allowedIps(Arrays.asList(IpRange.parse("10.0.0.0/8").get(), IpRange.parse("2001:db8::/32").get()))
                .builtinId("12").build();
        assertEquals("{\"id\":9223372036854775807,\"name\":\"n\u00E9\\\"\uD83D\uDE00\","
                + "\"createdAt\":\"2026-01-02T03:04:05.678+00:00\",\"expiringAt\":\"2026-02-01T00:00:00.000+00:00\","
                + "\"lastAccessedAt\":\"2026-01-03T00:00:00.001+00:00\",\"lastAccessedIp\":\"10.1.2.3\",\"scope\":\"read\","
                + "\"allowedIps\":[\"10.0.0.0/8\",\"2001:db8:0:0:0:0:0:0/32\"],\"createdBy\":\"b\\nob\",\"status\":\"expiresSoon\","
                + "\"neverExpires\":false,\"origin\":\"builtin\"}", json(new TokenBean(token, "b\nob", TokenStatus.EXPIRES_SOON)));
    }

    @Test
    public void tokenListWhenTwoThenArrayAndWhenNoneThenEmptyArray() {
        TokenBean plain = new TokenBean(PLAIN, "alice", TokenStatus.ACTIVE);
        assertEquals("[" + PLAIN_JSON + "," + PLAIN_JSON + "]",
                new String(JsonWriter.bytes(Arrays.asList(plain, plain)), StandardCharsets.UTF_8));
        assertEquals("[]", new String(JsonWriter.bytes(Collections.<TokenBean>emptyList()), StandardCharsets.UTF_8));
    }

    @Test
    public void createdTokenWhenIssuedThenRawTokenLast() {
        String secret = "a".repeat(43);
        CreatedTokenBean created = new CreatedTokenBean(TokenServices.issued(PLAIN, secret), "alice", TokenStatus.ACTIVE);
        String raw = TokenServices.issued(PLAIN, secret).rawToken();
        assertEquals(PLAIN_JSON.substring(0, PLAIN_JSON.length() - 1) + ",\"rawToken\":\"" + raw + "\"}", json(created));
        assertTrue(raw, raw.startsWith("jpat_" + secret));
    }

    @Test
    public void adminTokenWhenKnownAndUnknownOwnerThenUserProfileResourceAndOwnerActiveLast() {
        UserBean known = new UserBean(new UserAccount("JIRAUSER10100", "\u00E9l\uD83D\uDE00", "Al \"Ice\"", "a@example.com", true));
        String head = PLAIN_JSON.substring(0, PLAIN_JSON.length() - 1);
        assertEquals(head + ",\"userProfileResource\":{\"userKey\":\"JIRAUSER10100\",\"username\":\"\u00E9l\uD83D\uDE00\","
                        + "\"fullName\":\"Al \\\"Ice\\\"\",\"email\":\"a@example.com\"},\"ownerActive\":true}",
                json(new AdminTokenBean(PLAIN, "alice", TokenStatus.ACTIVE, known, true)));
        assertEquals(head + ",\"userProfileResource\":{\"userKey\":\"gone\",\"username\":null,\"fullName\":null,"
                        + "\"email\":null},\"ownerActive\":false}",
                json(new AdminTokenBean(PLAIN, "alice", TokenStatus.ACTIVE, new UserBean("gone"), false)));
    }

    @Test
    public void pageWhenExactThenNoTotalPagesAtLeastAndWhenCountStoppedEarlyThenTrue() {
        AdminTokenBean one = new AdminTokenBean(PLAIN, "alice", TokenStatus.ACTIVE, new UserBean("k"), true);
        String oneJson = json(one);
        assertEquals("{\"values\":[" + oneJson + "],\"page\":0,\"size\":1,\"isLastPage\":true,\"totalPages\":1}",
                json(new TokenPageBean(Collections.singletonList(one), 0, 1, true, 1, true)));
        assertEquals("{\"values\":[],\"page\":3,\"size\":0,\"isLastPage\":false,\"totalPages\":20,\"totalPagesAtLeast\":true}",
                json(new TokenPageBean(Collections.<AdminTokenBean>emptyList(), 3, 0, false, 20, false)));
    }

    @Test
    public void usersWhenListedThenArrayOfObjectsAndUnknownUsersFieldsNull() {
        List<UserBean> users = Arrays.asList(new UserBean(new UserAccount("k1", "u1", "U One", "", true)),
                new UserBean("k2"));
        assertEquals("[{\"userKey\":\"k1\",\"username\":\"u1\",\"fullName\":\"U One\",\"email\":\"\"},"
                + "{\"userKey\":\"k2\",\"username\":null,\"fullName\":null,\"email\":null}]",
                new String(JsonWriter.bytes(users), StandardCharsets.UTF_8));
    }

    @Test
    public void errorWhenNoFieldThenTwoPropertiesAndWhenFieldThenErrorsMap() {
        assertEquals("{\"exception\":\"java.lang.IllegalArgumentException\",\"error\":\"No \\\"x\\\"\\n\\uD83D\\uDE00\"}",
                json(new ErrorBean("java.lang.IllegalArgumentException", "No \"x\"\n\uD83D\uDE00", null)));
        assertEquals("{\"exception\":\"e\",\"error\":\"m\",\"errors\":{\"name\":\"m\"}}", json(new ErrorBean("e", "m", "name")));
    }

    @Test
    public void importReportWhenRowsRefusedThenErrorsWithLineAndReason() {
        ImportReportBean report = new ImportReportBean(2, 1, 2, true, Arrays.asList(
                new ImportReportBean.RowError(3, "Name \"\uD83D\uDE00\n\" taken"), new ImportReportBean.RowError(4, "bad\tdate")));
        assertEquals("{\"imported\":2,\"skipped\":1,\"failed\":2,\"dryRun\":true,\"errors\":["
                + "{\"line\":3,\"reason\":\"Name \\\"\uD83D\uDE00\\u000A\\\" taken\"},{\"line\":4,\"reason\":\"bad\\tdate\"}]}",
                json(report));
        assertEquals("{\"imported\":0,\"skipped\":0,\"failed\":0,\"dryRun\":false,\"errors\":[]}",
                json(new ImportReportBean(0, 0, 0, false, Collections.<ImportReportBean.RowError>emptyList())));
    }

    @Test
    public void policyWhenDefaultsAndNoticeDaysThenEverySettingInOrderWithItsJsonType() {
        TokenPolicy policy = TokenPolicy.defaults().withOverrides(Collections.singletonMap("expiryNoticeDays", "30,7,1"), w -> { });
        String written = json(new PolicyBean(policy));
        assertTrue(written, written.startsWith("{\"enabled\":true,\"maxExpiryDays\":365,\"eternalTokensAllowed\":true,"));
        assertTrue(written, written.contains(",\"allowBasicAuth\":false,"));
        assertTrue(written, written.contains(",\"expiryNoticeDays\":[30,7,1],"));
        StringBuilder keys = new StringBuilder();
        for (TokenPolicy.Setting setting : TokenPolicy.Setting.values()) {
            keys.append(keys.length() == 0 ? "" : ",").append(setting.key());
        }
        assertEquals(keys.toString(), written.replaceAll("\"(\\w+)\":(?:true|false|\\d+|\\[[\\d,]*\\])", "$1")
                .replaceAll("[{}]", ""));
    }

    // --- responses --------------------------------------------------------------------------------------------

    @Test
    public void okWhenBeanThenByteArrayEntityAsApplicationJsonWithoutCharset() {
        Response r = JsonResponse.ok(new TokenBean(PLAIN, "alice", TokenStatus.ACTIVE));
        assertEquals(200, r.getStatus());
        assertEquals(MediaType.valueOf("application/json"), r.getMetadata().getFirst("Content-Type"));
        assertArrayEquals(PLAIN_JSON.getBytes(StandardCharsets.UTF_8), (byte[]) r.getEntity());
    }

    /**
     * Why a {@code byte[]} entity: a host JSON provider that claimed one would win over the runtime's own writer
     * (application providers come first) and write it as a base64 string. Jackson 1's provider, as REST v1 registers
     * it, leaves {@code byte[]} alone (Jackson 2's lists it among its untouchables too; see docs/host-api.md).
     */
    @Test
    public void hostJackson1ProviderWhenEntityIsByteArrayThenNotClaimed() {
        JacksonJsonProvider provider = new JacksonJsonProvider();
        assertFalse(provider.isWriteable(byte[].class, byte[].class, new Annotation[0], MediaType.APPLICATION_JSON_TYPE));
        assertTrue(provider.isWriteable(TokenBean.class, TokenBean.class, new Annotation[0], MediaType.APPLICATION_JSON_TYPE));
    }

    @Test
    public void createdWhenRawTokenThenNeverCached() {
        Response r = JsonResponse.created(new CreatedTokenBean(TokenServices.issued(PLAIN, "b".repeat(43)), "alice", TokenStatus.ACTIVE));
        assertEquals(201, r.getStatus());
        assertEquals(MediaType.valueOf("application/json"), r.getMetadata().getFirst("Content-Type"));
        assertEquals("no-store", r.getMetadata().getFirst("Cache-Control"));
        assertEquals("no-cache", r.getMetadata().getFirst("Pragma"));
        assertTrue(r.getEntity() instanceof byte[]);
    }

    @Test
    public void errorWhenBuiltThenByteArrayEntityAsApplicationJsonWithCharset() {
        Response r = Errors.response(403, "e", "m", null);
        assertEquals(403, r.getStatus());
        assertEquals(MediaType.valueOf("application/json;charset=UTF-8"), r.getMetadata().getFirst("Content-Type"));
        assertArrayEquals("{\"exception\":\"e\",\"error\":\"m\"}".getBytes(StandardCharsets.UTF_8), (byte[]) r.getEntity());
    }
}
