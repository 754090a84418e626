package dev.jirapat.rest;

import dev.jirapat.token.AccessToken;
import dev.jirapat.token.IpRange;
import dev.jirapat.token.Scope;
import dev.jirapat.token.TokenPolicy;
import dev.jirapat.token.TokenServices;
import dev.jirapat.token.TokenStatus;
import dev.jirapat.token.UserAccount;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.codehaus.jackson.JsonNode;
import org.codehaus.jackson.map.ObjectMapper;
import org.codehaus.jackson.type.TypeReference;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

/**
 * {@link JsonWriter} over generated beans and hostile text (every control character, quote, backslash, lone and
 * paired surrogates, U+2028/U+2029, bidi controls, HTML): the bytes are exactly what the host's Jackson 1 wrote for
 * the same data before the plugin wrote its own JSON ({@link Jackson1Beans}), and a real JSON parser (Jackson 1)
 * as well as our own reader ({@link JsonText}) read back the very values written.
 */
class JsonWriterProperties {
    private static final ObjectMapper PARSER = new ObjectMapper();
    private static final String SECRET = "0123456789abcdefghijABCDEFGHIJ0123456789x";

    // --- byte for byte what the host's Jackson 1 wrote --------------------------------------------------------

    @Property(tries = 1000)
    void tokenWhenAnyDataThenTheBytesJackson1Wrote(@ForAll("tokens") AccessToken token, @ForAll("texts") String createdBy,
                                                   @ForAll TokenStatus status) {
        assertSame(Jackson1Beans.write(new Jackson1Beans.TokenBean(token, createdBy, status)),
                JsonWriter.bytes(new TokenBean(token, createdBy, status)));
    }

    @Property(tries = 300)
    void tokenListWhenAnyDataThenTheBytesJackson1Wrote(@ForAll @Size(max = 4) List<@From("tokens") AccessToken> tokens,
                                                       @ForAll("texts") String createdBy) {
        List<Jackson1Beans.TokenBean> before = new ArrayList<>();
        List<TokenBean> now = new ArrayList<>();
        for (AccessToken token : tokens) {
            before.add(new Jackson1Beans.TokenBean(token, createdBy, TokenStatus.ACTIVE));
            now.add(new TokenBean(token, createdBy, TokenStatus.ACTIVE));
        }
        assertSame(Jackson1Beans.write(before, new TypeReference<List<Jackson1Beans.TokenBean>>() { }.getType()),
                JsonWriter.bytes(now));
    }

    @Property(tries = 300)
    void createdTokenWhenAnyDataThenTheBytesJackson1Wrote(@ForAll("tokens") AccessToken token, @ForAll("texts") String createdBy) {
        assertSame(Jackson1Beans.write(new Jackson1Beans.CreatedTokenBean(TokenServices.issued(token, SECRET), createdBy, TokenStatus.EXPIRED)),
                JsonWriter.bytes(new CreatedTokenBean(TokenServices.issued(token, SECRET), createdBy, TokenStatus.EXPIRED)));
    }

    @Property(tries = 300)
    void pageWhenAnyDataThenTheBytesJackson1Wrote(@ForAll @Size(max = 3) List<@From("tokens") AccessToken> tokens,
                                                  @ForAll("users") UserAccount owner, @ForAll boolean known,
                                                  @ForAll @IntRange(min = 0, max = 100000) int page, @ForAll boolean lastPage,
                                                  @ForAll boolean exact) {
        List<Jackson1Beans.AdminTokenBean> before = new ArrayList<>();
        List<AdminTokenBean> now = new ArrayList<>();
        for (AccessToken token : tokens) {
            before.add(new Jackson1Beans.AdminTokenBean(token, owner.username(), TokenStatus.EXPIRES_SOON,
                    known ? new Jackson1Beans.UserBean(owner) : new Jackson1Beans.UserBean(owner.key()), owner.active()));
            now.add(new AdminTokenBean(token, owner.username(), TokenStatus.EXPIRES_SOON,
                    known ? new UserBean(owner) : new UserBean(owner.key()), owner.active()));
        }
        assertSame(Jackson1Beans.write(new Jackson1Beans.TokenPageBean(before, page, tokens.size(), lastPage, page + 1, exact)),
                JsonWriter.bytes(new TokenPageBean(now, page, tokens.size(), lastPage, page + 1, exact)));
    }

    @Property(tries = 500)
    void usersWhenAnyDataThenTheBytesJackson1Wrote(@ForAll @Size(max = 4) List<@From("users") UserAccount> users) {
        List<Jackson1Beans.UserBean> before = new ArrayList<>();
        List<UserBean> now = new ArrayList<>();
        for (UserAccount user : users) {
            before.add(new Jackson1Beans.UserBean(user));
            now.add(new UserBean(user));
        }
        assertSame(Jackson1Beans.write(before, new TypeReference<List<Jackson1Beans.UserBean>>() { }.getType()),
                JsonWriter.bytes(now));
    }

    @Property(tries = 1000)
    void errorWhenAnyTextThenTheBytesJackson1Wrote(@ForAll("texts") String exception, @ForAll("texts") String message,
                                                   @ForAll("fields") String field) {
        assertSame(Jackson1Beans.write(new Jackson1Beans.ErrorBean(exception, message, field)),
                JsonWriter.bytes(new ErrorBean(exception, message, field)));
    }

    @Property(tries = 500)
    void importReportWhenAnyDataThenTheBytesJackson1Wrote(@ForAll @Size(max = 4) List<@From("texts") String> reasons,
                                                          @ForAll @IntRange(min = 0) int imported, @ForAll boolean dryRun) {
        List<Jackson1Beans.ImportReportBean.RowError> before = new ArrayList<>();
        List<ImportReportBean.RowError> now = new ArrayList<>();
        long line = 2;
        for (String reason : reasons) {
            before.add(new Jackson1Beans.ImportReportBean.RowError(line, reason));
            now.add(new ImportReportBean.RowError(line, reason));
            line += 1000000007L;
        }
        assertSame(Jackson1Beans.write(new Jackson1Beans.ImportReportBean(imported, 7, reasons.size(), dryRun, before)),
                JsonWriter.bytes(new ImportReportBean(imported, 7, reasons.size(), dryRun, now)));
    }

    @Property(tries = 300)
    void policyWhenAnySettingsThenTheBytesJackson1Wrote(@ForAll("policies") TokenPolicy policy) {
        assertSame(Jackson1Beans.write(new Jackson1Beans.PolicyBean(policy)), JsonWriter.bytes(new PolicyBean(policy)));
    }

    // --- a JSON parser reads back what was written ------------------------------------------------------------

    @Property(tries = 3000)
    void valueWhenAnyTextThenJackson1AndOurReaderReadTheSameText(@ForAll("texts") String text, @ForAll boolean userText) {
        JsonWriter writer = new JsonWriter().beginArray();
        if (userText) {
            writer.userText(text);
        } else {
            writer.value(text);
        }
        byte[] written = writer.endArray().toBytes();
        assertEquals(text, read(written).get(0).getTextValue());
        assertEquals(JsonInput.string(text), ours(written).elements().get(0));
    }

    @Property(tries = 500)
    void tokenWhenAnyDataThenAParserReadsEachPropertyBack(@ForAll("tokens") AccessToken token, @ForAll("texts") String createdBy) {
        JsonNode read = read(JsonWriter.bytes(new TokenBean(token, createdBy, TokenStatus.ACTIVE)));
        Map<String, String> fields = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = read.getFields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            fields.put(field.getKey(), field.getValue().isArray() ? field.getValue().toString() : field.getValue().asText());
        }
        assertEquals(Long.toString(token.id()), fields.get("id"));
        assertEquals(token.name(), fields.get("name"));
        assertEquals(createdBy, fields.get("createdBy"));
        assertEquals(token.lastUsedAt().isPresent() ? token.lastUsedIp().orElse(null) : null, fields.get("lastAccessedIp"));
        assertEquals(Boolean.toString(!token.expiresAt().isPresent()), fields.get("neverExpires"));
        assertEquals(token.allowedIps().isEmpty(), !fields.containsKey("allowedIps"));
        assertFalse(fields.containsValue(null));
    }

    private static void assertSame(byte[] jackson1, byte[] ours) {
        assertArrayEquals(new String(jackson1, StandardCharsets.UTF_8) + "\n" + new String(ours, StandardCharsets.UTF_8),
                jackson1, ours);
    }

    private static JsonNode read(byte[] json) {
        try {
            return PARSER.readTree(json);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + new String(json, StandardCharsets.UTF_8), e);
        }
    }

    private static JsonInput ours(byte[] json) {
        try {
            return JsonText.parse(new String(json, StandardCharsets.UTF_8));
        } catch (JsonRefusal e) {
            throw new AssertionError("not JSON: " + new String(json, StandardCharsets.UTF_8), e);
        }
    }

    // --- data -------------------------------------------------------------------------------------------------

    /** Hostile text: pieces of the characters JSON and browsers treat specially, and anything at all. */
    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> hostile = Arbitraries.of("\"", "\\", "/", "\u0000", "\u0001", "\b", "\t", "\n", "\u000B", "\f",
                "\r", "\u001B", "\u001F", " ", "\u007F", "\u0080", "\u00E9", "\u2028", "\u2029", "\u202E", "\u200F",
                "\u2066", "\uFEFF", "\uFFFF", "\uD83D", "\uDE00", "\uD83D\uDE00", "\uD83C\uDDEB\uD83C\uDDF7",
                "\uDBFF\uDFFF", "</script>", "<b onmouseover=x>", "&amp;", "'", "a", "Z", "9");
        Arbitrary<String> piece = Arbitraries.frequencyOf(
                Tuple.of(4, hostile),
                Tuple.of(1, Arbitraries.strings().all().ofMaxLength(4)),
                Tuple.of(1, Arbitraries.strings().alpha().ofMaxLength(8)));
        return piece.list().ofMaxSize(10).map(pieces -> String.join("", pieces));
    }

    /** Field names of the errors map: absent, a wire name, or hostile text. */
    @Provide
    Arbitrary<String> fields() {
        return Arbitraries.oneOf(Arbitraries.of("name", "expirationDuration", "allowedIps", "limit"), texts()).injectNull(0.3);
    }

    @Provide
    Arbitrary<UserAccount> users() {
        return Combinators.combine(texts(), texts(), texts(), texts(), Arbitraries.of(true, false))
                .as(UserAccount::new);
    }

    @Provide
    Arbitrary<AccessToken> tokens() {
        Arbitrary<Instant> instants = Arbitraries.longs().between(0, 253402300799999L).map(Instant::ofEpochMilli);
        List<IpRange> ranges = Arrays.asList(IpRange.parse("10.0.0.0/8").get(), IpRange.parse("192.168.1.7/32").get(),
                IpRange.parse("2001:db8::/32").get(), IpRange.parse("::1/128").get());
        return Builders.withBuilder(() -> AccessToken.builder().ownerKey("JIRAUSER10100").createdBy("JIRAUSER10100")
                        .hash("h", "SHA-256").hint("jpat_x"))
                .use(Arbitraries.longs().between(0, Long.MAX_VALUE)).in(AccessToken.Builder::id)
                .use(texts()).in(AccessToken.Builder::name)
                .use(instants).in(AccessToken.Builder::createdAt)
                .use(instants.injectNull(0.3)).in(AccessToken.Builder::expiresAt)
                .use(Combinators.combine(instants.injectNull(0.4), texts().injectNull(0.2)).as(Arrays::<Object>asList))
                .in((b, used) -> b.lastUsed((Instant) used.get(0), (String) used.get(1)))
                .use(Arbitraries.of(Scope.class)).in(AccessToken.Builder::scope)
                .use(Arbitraries.subsetOf(ranges).map(ArrayList::new)).in(AccessToken.Builder::allowedIps)
                .use(Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(6).injectNull(0.5)).in(AccessToken.Builder::builtinId)
                .build(AccessToken.Builder::build);
    }

    @Provide
    Arbitrary<TokenPolicy> policies() {
        Arbitrary<Map<String, String>> overrides = Combinators.combine(
                Arbitraries.of("true", "false"), Arbitraries.integers().between(1, 36500),
                Arbitraries.integers().between(1, 1000), Arbitraries.of("5", "30,7,1", "1", "90,60,30,14,7,3,1"))
                .as((bool, days, tokens, notices) -> {
                    Map<String, String> map = new LinkedHashMap<>();
                    map.put(TokenPolicy.Setting.ENABLED.key(), bool);
                    map.put(TokenPolicy.Setting.ALLOW_BASIC_AUTH.key(), bool);
                    map.put(TokenPolicy.Setting.MAX_EXPIRY_DAYS.key(), Integer.toString(days));
                    map.put(TokenPolicy.Setting.MAX_TOKENS_PER_USER.key(), Integer.toString(tokens));
                    map.put(TokenPolicy.Setting.EXPIRY_NOTICE_DAYS.key(), notices);
                    return map;
                });
        return overrides.map(map -> TokenPolicy.defaults().withOverrides(map, warning -> {
            throw new AssertionError(warning);
        }));
    }
}
