package dev.jirapat.rest;

import dev.jirapat.devhost.DevHostRule;
import dev.jirapat.devhost.HttpCall;
import dev.jirapat.token.AccessToken;
import dev.jirapat.token.TokenStore;
import org.codehaus.jackson.JsonNode;
import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

/**
 * The wire contract of the README's "API", field by field, on both base paths ({@code /rest/pat/1.0} and
 * {@code /rest/pat/latest}): what a script written for Jira DC's built-in API reads, and this app's extensions.
 */
@RunWith(Parameterized.class)
public class RestContractIT {
    private static final Set<String> TOKEN_FIELDS = new TreeSet<>(List.of("id", "name", "createdAt", "expiringAt", "scope", "createdBy",
            "status", "neverExpires"));
    private static final String ILLEGAL = "java.lang.IllegalArgumentException";

    @ClassRule
    public static final DevHostRule HOST = new DevHostRule();

    @Parameterized.Parameter
    public String base;

    private Api api;

    @Parameterized.Parameters(name = "{0}")
    public static List<Object[]> bases() {
        return Arrays.asList(new Object[] {Api.V1}, new Object[] {Api.LATEST});
    }

    @Before
    public void cleanSlate() {
        api = new Api(HOST.host(), base);
        api.reset();
    }

    @Test
    public void createWhenNameAndDurationThen201WithTheNativeFieldsAndTheRawTokenOnce() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        HttpCall.Response r = api.post("/tokens", "alice", "{\"name\":\"ci\",\"expirationDuration\":90}");
        Instant after = Instant.now();

        assertEquals(r.toString(), 201, r.status);
        assertTrue("Content-Type of " + r, r.header("Content-Type").startsWith("application/json"));
        assertEquals("the raw token must not be cached: " + r, "no-store", r.header("Cache-Control"));
        JsonNode token = Api.json(r);
        Set<String> expected = new TreeSet<>(TOKEN_FIELDS);
        expected.add("rawToken");
        assertEquals("fields of the 201 body " + r.body, expected, Api.fields(token));
        assertTrue("id is a JSON number: " + r.body, token.path("id").isIntegralNumber());
        assertEquals("ci", token.path("name").getTextValue());
        assertTrue("rawToken " + token.path("rawToken"), Api.RAW_TOKEN.matcher(token.path("rawToken").getTextValue()).matches());
        assertEquals("write", token.path("scope").getTextValue());
        assertEquals("alice", token.path("createdBy").getTextValue());
        assertStatus(token, "active", false);

        Instant created = date(token, "createdAt");
        assertFalse("createdAt " + created + " before the request", created.isBefore(before));
        assertFalse("createdAt " + created + " after the request", created.isAfter(after));
        assertEquals("expiringAt = createdAt + 90 x 24 h (same time of day)", created.plus(Duration.ofDays(90)),
                date(token, "expiringAt"));
    }

    @Test
    public void createWhenNoDurationThenNeverExpiresAsTheNativeSentinel() {
        JsonNode token = api.create("alice", "{\"name\":\"forever\"}");
        assertEquals(Api.NEVER, token.path("expiringAt").getTextValue());
        assertStatus(token, "active", true);

        JsonNode again = api.create("alice", "{\"name\":\"forever too\",\"expirationDuration\":null}");
        assertEquals("null is the same as absent", Api.NEVER, again.path("expiringAt").getTextValue());
    }

    @Test
    public void listWhenTokensExistThenOnlyTheCallersNewestFirstWithoutRawTokens() {
        long first = api.createId("alice", "first");
        long second = api.createId("alice", "second");
        api.createId("bob", "bobs");

        HttpCall.Response r = api.get("/tokens", "alice");
        assertEquals(r.toString(), 200, r.status);
        JsonNode list = Api.json(r);
        assertTrue("a JSON array: " + r.body, list.isArray());
        assertEquals(r.body, 2, list.size());
        assertEquals("newest first", second, list.get(0).path("id").getLongValue());
        assertEquals(first, list.get(1).path("id").getLongValue());
        for (JsonNode token : list) {
            assertEquals("fields in the list " + r.body, TOKEN_FIELDS, Api.fields(token));
            assertTrue(Api.DATE.matcher(token.path("createdAt").getTextValue()).matches());
            assertTrue(Api.DATE.matcher(token.path("expiringAt").getTextValue()).matches());
        }
        assertFalse("no raw token outside the 201: " + r.body, r.body.contains("jpat_"));
        assertNull("list responses may be cached like any other: " + r, r.header("Cache-Control"));
    }

    @Test
    public void listWhenNoTokensThenEmptyArray() {
        HttpCall.Response r = api.get("/tokens", "bob");
        assertEquals(r.toString(), 200, r.status);
        assertEquals("[]", r.body);
    }

    @Test
    public void getWhenOwnTokenThenTheSameObjectAsInTheCreateResponseLessTheRawToken() {
        JsonNode created = api.create("alice", "{\"name\":\"one\",\"expirationDuration\":7}");
        HttpCall.Response r = api.get("/tokens/" + created.path("id").getLongValue(), "alice");
        assertEquals(r.toString(), 200, r.status);
        JsonNode token = Api.json(r);
        ((org.codehaus.jackson.node.ObjectNode) created).remove("rawToken");
        assertEquals(created, token);
    }

    @Test
    public void getWhenIdUnknownThen404WithAnEmptyBody() {
        Api.assertEmpty404(api.get("/tokens/987654", "alice"));
    }

    @Test
    public void deleteWhenOwnTokenThen204ThenGoneAndDeletingAgainIsStill204() {
        long id = api.createId("alice", "short-lived");
        HttpCall.Response r = api.delete("/tokens/" + id, "alice");
        assertEquals(r.toString(), 204, r.status);
        assertEquals("", r.body);
        Api.assertEmpty404(api.get("/tokens/" + id, "alice"));
        assertTrue(api.tokensOf(Api.ALICE_KEY).isEmpty());

        HttpCall.Response again = api.delete("/tokens/" + id, "alice");
        assertEquals("idempotent: " + again, 204, again.status);
    }

    @Test
    public void lastAccessedWhenTokenUsedThenShownWithTheClientAddressElseAbsent() {
        long id = api.createId("alice", "used");
        JsonNode unused = Api.json(api.get("/tokens/" + id, "alice"));
        assertFalse("lastAccessedAt is absent until first use: " + unused, unused.has("lastAccessedAt"));
        assertFalse(unused.has("lastAccessedIp"));

        Instant at = Instant.parse("2031-02-03T04:05:06.789Z");
        TokenStore store = HOST.host().bean(TokenStore.class);
        store.inTransaction(() -> {
            store.recordUse(id, at, "192.0.2.7");
            return null;
        });
        JsonNode used = Api.json(api.get("/tokens/" + id, "alice"));
        assertEquals("2031-02-03T04:05:06.789+00:00", used.path("lastAccessedAt").getTextValue());
        assertEquals("192.0.2.7", used.path("lastAccessedIp").getTextValue());
    }

    @Test
    public void createWhenScopeAndAllowlistGivenThenEchoedInCanonicalForm() {
        JsonNode token = api.create("alice", "{\"name\":\"reader\",\"expirationDuration\":1,\"scope\":\"read\","
                + "\"allowedIps\":[\"10.1.2.3/8\",\" 192.0.2.1 \",\"2001:db8::/32\"]}");
        assertEquals("read", token.path("scope").getTextValue());
        assertEquals("[\"10.0.0.0/8\",\"192.0.2.1/32\",\"2001:db8:0:0:0:0:0:0/32\"]", token.path("allowedIps").toString());
        JsonNode listed = Api.json(api.get("/tokens", "alice")).get(0);
        assertEquals(token.path("allowedIps"), listed.path("allowedIps"));
        assertEquals("read", listed.path("scope").getTextValue());
    }

    @Test
    public void errorWhenValidationFailsThen400InTheOneErrorShape() {
        JsonNode error = Api.assertError(api.post("/tokens", "alice", "{\"name\":\"\"}"), 400,
                "java.lang.IllegalArgumentException");
        assertEquals("Give the token a name with at least one visible character.", error.path("error").getTextValue());
        Api.assertError(api.get("/tokens", null), 401, "com.atlassian.sal.api.permission.AuthorisationException");
    }

    @Test
    public void searchWhenAdminThenNativePageWithTheOwnerAsUserProfileResource() {
        api.createId("alice", "alpha");
        api.createId("bob", "beta");
        HttpCall.Response r = api.post("/tokens/search", "admin", "{\"sortBy\":\"name\",\"orderBy\":\"asc\",\"page\":0,\"limit\":1}");
        assertEquals(r.toString(), 200, r.status);
        JsonNode page = Api.json(r);
        assertEquals(new TreeSet<>(List.of("values", "page", "size", "isLastPage", "totalPages")), Api.fields(page));
        assertEquals(0, page.path("page").getIntValue());
        assertEquals(1, page.path("size").getIntValue());
        assertFalse(page.path("isLastPage").getBooleanValue());
        assertEquals(2, page.path("totalPages").getIntValue());
        JsonNode value = page.path("values").get(0);
        Set<String> expected = new TreeSet<>(TOKEN_FIELDS);
        expected.add("userProfileResource");
        expected.add("ownerActive");
        assertEquals(expected, Api.fields(value));
        assertTrue(value.path("ownerActive").getBooleanValue());
        assertEquals("alpha", value.path("name").getTextValue());
        assertEquals("{\"userKey\":\"JIRAUSER10100\",\"username\":\"alice\",\"fullName\":\"Alice Example\","
                + "\"email\":\"alice@example.com\"}", value.path("userProfileResource").toString());

        JsonNode second = Api.json(api.post("/tokens/search", "admin", "{\"page\":1,\"limit\":1}"));
        assertTrue(second.path("isLastPage").getBooleanValue());
        assertEquals("beta", second.path("values").get(0).path("name").getTextValue());
    }

    @Test
    public void searchWhenFilteredByUserNameAndDatesThenOnlyMatches() {
        api.createId("alice", "deploy-a");
        api.createId("alice", "other");
        api.createId("bob", "deploy-b");
        String now = OffsetDateTime.now().toString();
        JsonNode page = Api.json(api.post("/tokens/search", "admin", "{\"userKeys\":[\"" + Api.ALICE_KEY + "\"],"
                + "\"name\":\"DEPLOY\",\"tokenCreatedDateTo\":\"" + now + "\",\"isUsed\":false}"));
        assertEquals(page.toString(), 1, page.path("values").size());
        assertEquals("deploy-a", page.path("values").get(0).path("name").getTextValue());
    }

    @Test
    public void searchWhenDatesAtTheFirstAndLastSupportedInstantThenAcceptedAndEveryTokenMatches() {
        api.createId("alice", "a");
        api.createId("bob", "b");
        String first = "\"0001-01-01T00:00:00Z\"";
        String last = "\"9999-12-31T23:59:59.999Z\"";
        HttpCall.Response r = api.post("/tokens/search", "admin", "{\"tokenCreatedDateFrom\":" + first + ",\"tokenCreatedDateTo\":" + last
                + ",\"tokenExpiryDateFrom\":" + first + ",\"tokenExpiryDateTo\":" + last + "}");
        assertEquals(r.toString(), 200, r.status);
        assertEquals(r.body, 2, Api.json(r).path("values").size());
        HttpCall.Response lastUse = api.post("/tokens/search", "admin", "{\"lastAuthenticatedDateFrom\":" + first
                + ",\"lastAuthenticatedDateTo\":" + last + "}");
        assertEquals(lastUse.toString(), 200, lastUse.status);
        assertEquals("never-used tokens have no last use", 0, Api.json(lastUse).path("values").size());
    }

    @Test
    public void userPickerWhenExactUsernameThenNativeUserShape() {
        HttpCall.Response r = api.get("/tokens/search/user?contains=bob&limit=5", "admin");
        assertEquals(r.toString(), 200, r.status);
        assertEquals("[{\"userKey\":\"JIRAUSER10101\",\"username\":\"bob\",\"fullName\":\"Bob Example\","
                + "\"email\":\"bob@example.com\"}]", r.body);
        assertEquals("[]", api.get("/tokens/search/user?contains=", "admin").body);
    }

    @Test
    public void bulkRevokeWhenAdminThen204AndListedTokensGoneOthersKept() {
        long a = api.createId("alice", "a");
        long b = api.createId("bob", "b");
        long keep = api.createId("bob", "keep");
        HttpCall.Response r = api.deleteJson("/admin/tokens", "admin", "[" + a + "," + b + ",424242]");
        assertEquals(r.toString(), 204, r.status);
        List<AccessToken> left = api.tokens();
        assertEquals(1, left.size());
        assertEquals(keep, left.get(0).id());
    }

    @Test
    public void serviceTokenWhenAdminCreatesForBobThen201OwnedByBobCreatedByAdmin() {
        HttpCall.Response r = api.post("/admin/tokens", "admin",
                "{\"username\":\"bob\",\"name\":\"jenkins\",\"expirationDuration\":30,\"scope\":\"read\"}");
        assertEquals(r.toString(), 201, r.status);
        assertEquals("no-store", r.header("Cache-Control"));
        JsonNode token = Api.json(r);
        assertTrue(Api.RAW_TOKEN.matcher(token.path("rawToken").getTextValue()).matches());
        assertEquals("admin", token.path("createdBy").getTextValue());
        assertEquals("read", token.path("scope").getTextValue());
        JsonNode bobs = Api.json(api.get("/tokens", "bob"));
        assertEquals(1, bobs.size());
        assertEquals(token.path("id"), bobs.get(0).path("id"));
        assertEquals("admin", bobs.get(0).path("createdBy").getTextValue());
        assertTrue("admin's own list is unchanged", api.tokensOf(Api.ADMIN_KEY).isEmpty());
    }

    @Test
    public void rotateWhenOwnerThen201WithANewRawTokenAndTheSameNameScopeAllowlistAndLifetime() {
        JsonNode old = api.create("alice", "{\"name\":\"rotating\",\"expirationDuration\":30,\"scope\":\"read\","
                + "\"allowedIps\":[\"10.0.0.0/8\"]}");
        HttpCall.Response r = api.send(api.call("POST", "/tokens/" + old.path("id").getLongValue() + "/rotate", "alice")
                .header("X-Atlassian-Token", "no-check"));
        assertEquals(r.toString(), 201, r.status);
        assertEquals("no-store", r.header("Cache-Control"));
        JsonNode rotated = Api.json(r);
        assertEquals(Api.fields(old), Api.fields(rotated));
        assertNotEquals(old.path("rawToken"), rotated.path("rawToken"));
        assertTrue(Api.RAW_TOKEN.matcher(rotated.path("rawToken").getTextValue()).matches());
        for (String same : new String[] {"id", "name", "scope", "allowedIps", "createdBy"}) {
            assertEquals(same, old.path(same), rotated.path(same));
        }
        assertEquals("the same lifetime, from now", date(rotated, "createdAt").plus(Duration.ofDays(30)),
                date(rotated, "expiringAt"));
        assertStatus(rotated, "active", false);
        assertEquals("one token, not two", 1, api.tokensOf(Api.ALICE_KEY).size());
    }

    @Test
    public void currentWhenNotTokenAuthenticatedThen404InTheErrorShape() {
        Api.assertError(api.get("/tokens/current", "alice"), 404, "javax.ws.rs.WebApplicationException");
    }

    @Test
    public void settingsWhenAdminThenEverySettingWithItsJsonType() {
        HttpCall.Response r = api.get("/admin/settings", "admin");
        assertEquals(r.toString(), 200, r.status);
        assertEquals("{\"enabled\":true,\"maxExpiryDays\":365,\"eternalTokensAllowed\":true,\"maxTokensPerUser\":10,"
                + "\"nameMaxLength\":40,\"expiryWarningDays\":5,\"pruningDelayDays\":30,\"invalidateSession\":true,"
                + "\"allowBasicAuth\":false,\"mailNotificationsEnabled\":true,\"failedChecksPerMinute\":60,\"expiryNoticeDays\":[5],"
                + "\"importedTokensAccepted\":true}", r.body);
    }

    @Test
    public void basePathsWhenEitherUsedThenTheyServeTheSameTokens() {
        long id = api.createId("alice", "shared");
        String other = base.equals(Api.V1) ? Api.LATEST : Api.V1;
        HttpCall.Response r = new Api(HOST.host(), other).get("/tokens/" + id, "alice");
        assertEquals(r.toString(), 200, r.status);
        assertEquals("shared", Api.json(r).path("name").getTextValue());
    }

    @Test
    public void statusWhenActiveExpiringSoonExpiredOrNeverExpiringThenEveryTokenObjectSaysSo() {
        JsonNode active = api.create("alice", "{\"name\":\"active\",\"expirationDuration\":30}");
        JsonNode soon = api.create("alice", "{\"name\":\"soon\",\"expirationDuration\":2}");
        JsonNode eternal = api.create("alice", "{\"name\":\"eternal\"}");
        long expired = api.expire(api.createId("alice", "expired"));
        assertStatus(active, "active", false);
        assertStatus(soon, "expiresSoon", false); // within the default warning window of 5 days
        assertStatus(eternal, "active", true);

        Map<String, String[]> expected = Map.of("active", new String[] {"active", "false"},
                "soon", new String[] {"expiresSoon", "false"}, "eternal", new String[] {"active", "true"},
                "expired", new String[] {"expired", "false"});
        JsonNode list = Api.json(api.get("/tokens", "alice"));
        assertEquals(list.toString(), 4, list.size());
        JsonNode page = Api.json(api.post("/tokens/search", "admin", "{}")).path("values");
        assertEquals(page.toString(), 4, page.size());
        for (JsonNode token : concat(list, page)) {
            String[] want = expected.get(token.path("name").getTextValue());
            assertStatus(token, want[0], Boolean.parseBoolean(want[1]));
            JsonNode one = Api.json(api.get("/tokens/" + token.path("id").getLongValue(), "alice"));
            assertStatus(one, want[0], Boolean.parseBoolean(want[1]));
        }
        assertStatus(Api.json(api.get("/tokens/" + expired, "admin")), "expired", false);

        // The policy's warning window decides, read by the server: with 1 day, 2 days to go is active.
        assertEquals(200, api.put("/admin/settings", "admin", "{\"expiryWarningDays\":1}").status);
        assertStatus(Api.json(api.get("/tokens/" + soon.path("id").getLongValue(), "alice")), "active", false);
        assertEquals(200, api.put("/admin/settings", "admin", "{\"expiryWarningDays\":30}").status);
        assertStatus(Api.json(api.get("/tokens/" + active.path("id").getLongValue(), "alice")), "expiresSoon", false);
        assertStatus(Api.json(api.get("/tokens/" + eternal.path("id").getLongValue(), "alice")), "active", true);
    }

    @Test
    public void searchWhenStatusGivenThenExactlyTheTokensShowingItEitherSideOfEachBoundary() {
        Instant now = Instant.now();
        Duration window = Duration.ofDays(5); // the default expiryWarningDays
        Duration margin = Duration.ofMinutes(2);
        long eternal = api.create("alice", "{\"name\":\"eternal\"}").path("id").getLongValue();
        long active = api.createId("bob", "active");
        long justActive = api.expiresAt(api.createId("alice", "just active"), now.plus(window).plus(margin));
        long justSoon = api.expiresAt(api.createId("bob", "just soon"), now.plus(window).minus(margin));
        long soonest = api.expiresAt(api.createId("alice", "soonest"), now.plus(margin));
        long justExpired = api.expiresAt(api.createId("bob", "just expired"), now.minus(margin));
        long expired = api.expire(api.createId("alice", "expired"));
        Map<String, Set<Long>> expected = Map.of("active", Set.of(eternal, active, justActive),
                "expiresSoon", Set.of(justSoon, soonest), "expired", Set.of(justExpired, expired));

        for (Map.Entry<String, Set<Long>> status : expected.entrySet()) {
            HttpCall.Response r = api.post("/tokens/search", "admin", "{\"status\":\"" + status.getKey() + "\"}");
            assertEquals(r.toString(), 200, r.status);
            JsonNode values = Api.json(r).path("values");
            Set<Long> found = new TreeSet<>();
            for (JsonNode token : values) {
                found.add(token.path("id").getLongValue());
                assertEquals("the criterion and the status shown agree: " + token, status.getKey(),
                        token.path("status").getTextValue());
            }
            assertEquals(status.getKey() + ": " + r.body, new TreeSet<>(status.getValue()), found);
        }

        JsonNode alicesActive = Api.json(api.post("/tokens/search", "admin",
                "{\"status\":\"active\",\"userKeys\":[\"" + Api.ALICE_KEY + "\"],\"sortBy\":\"expiringAt\"}"));
        assertEquals("with other criteria, sorted: " + alicesActive, List.of(justActive, eternal), ids(alicesActive.path("values")));
        JsonNode any = Api.json(api.post("/tokens/search", "admin", "{\"status\":null}"));
        assertEquals("null is no criterion: " + any, 7, any.path("values").size());
    }

    @Test
    public void searchWhenStatusIsNoStatusThen400ListingThemAndNothingFound() {
        api.createId("alice", "a");
        for (String bad : new String[] {"\"Active\"", "\"expires_soon\"", "\"soon\"", "\"expiresSoon \"", "\"\""}) {
            JsonNode error = Api.assertError(api.post("/tokens/search", "admin", "{\"status\":" + bad + "}"), 400, ILLEGAL);
            assertEquals(bad, "status must be one of: active, expiresSoon, expired.", error.path("error").getTextValue());
        }
        for (String bad : new String[] {"1", "true", "[\"active\"]", "{}"}) {
            JsonNode error = Api.assertError(api.post("/tokens/search", "admin", "{\"status\":" + bad + "}"), 400, ILLEGAL);
            assertEquals(bad, "status must be a string.", error.path("error").getTextValue());
        }
    }

    private static void assertStatus(JsonNode token, String status, boolean neverExpires) {
        assertEquals("status of " + token, status, token.path("status").getTextValue());
        assertTrue("neverExpires is a JSON boolean: " + token, token.path("neverExpires").isBoolean());
        assertEquals("neverExpires of " + token, neverExpires, token.path("neverExpires").getBooleanValue());
        assertEquals("neverExpires and the sentinel agree: " + token, neverExpires,
                Api.NEVER.equals(token.path("expiringAt").getTextValue()));
    }

    private static List<JsonNode> concat(JsonNode... arrays) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode array : arrays) {
            array.forEach(out::add);
        }
        return out;
    }

    private static List<Long> ids(JsonNode values) {
        List<Long> out = new ArrayList<>();
        values.forEach(token -> out.add(token.path("id").getLongValue()));
        return out;
    }

    private static Instant date(JsonNode token, String field) {
        String text = token.path(field).getTextValue();
        assertTrue(field + " '" + text + "' is yyyy-MM-dd'T'HH:mm:ss.SSS+00:00", text != null && Api.DATE.matcher(text).matches());
        return OffsetDateTime.parse(text).toInstant();
    }
}
