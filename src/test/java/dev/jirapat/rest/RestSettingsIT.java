package dev.jirapat.rest;

import dev.jirapat.devhost.DevHostRule;
import dev.jirapat.devhost.HttpCall;
import org.codehaus.jackson.JsonNode;
import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * {@code GET/PUT /admin/settings}: the policy as settings, validated all or nothing, stored as SAL plugin settings
 * and applied from the next request.
 */
public class RestSettingsIT {
    @ClassRule
    public static final DevHostRule HOST = new DevHostRule();

    private Api api;

    @Before
    public void cleanSlate() {
        api = new Api(HOST.host(), Api.LATEST);
        api.reset();
    }

    @Test
    public void putWhenValidThenStoredAnsweredAndVisibleToTheNextGet() {
        HttpCall.Response r = api.put("/admin/settings", "admin", "{\"maxTokensPerUser\":3,\"eternalTokensAllowed\":false,\"maxExpiryDays\":90}");
        assertEquals(r.toString(), 200, r.status);
        JsonNode answer = Api.json(r);
        assertEquals(3, answer.path("maxTokensPerUser").getIntValue());
        assertEquals(false, answer.path("eternalTokensAllowed").getBooleanValue());
        assertEquals(90, answer.path("maxExpiryDays").getIntValue());
        assertEquals("unchanged settings keep their value", 40, answer.path("nameMaxLength").getIntValue());
        assertEquals(answer, Api.json(api.get("/admin/settings", "admin")));
        assertEquals(new TreeMap<>(Map.of("maxTokensPerUser", "3", "eternalTokensAllowed", "false", "maxExpiryDays", "90")),
                api.overrides());
    }

    @Test
    public void putWhenValueNullThenTheSettingGoesBackToItsDefault() {
        api.put("/admin/settings", "admin", "{\"maxTokensPerUser\":3,\"nameMaxLength\":20}");
        JsonNode answer = Api.json(api.put("/admin/settings", "admin", "{\"maxTokensPerUser\":null}"));
        assertEquals(10, answer.path("maxTokensPerUser").getIntValue());
        assertEquals(20, answer.path("nameMaxLength").getIntValue());
        assertEquals(Map.of("nameMaxLength", "20"), api.overrides());
    }

    @Test
    public void putWhenOneValueIsBadThen400NamingItAndNothingIsSaved() {
        api.put("/admin/settings", "admin", "{\"nameMaxLength\":30}");
        Map<String, String> before = api.overrides();
        JsonNode error = Api.assertError(api.put("/admin/settings", "admin",
                "{\"maxTokensPerUser\":5,\"expiryWarningDays\":366}"), 400, "java.lang.IllegalArgumentException");
        assertEquals("Expires-soon warning (days) must be a whole number from 0 to 365.", error.path("error").getTextValue());
        assertEquals(error.path("error").getTextValue(), error.path("errors").path("expiryWarningDays").getTextValue());
        assertEquals(before, api.overrides());
        assertEquals(10, Api.json(api.get("/admin/settings", "admin")).path("maxTokensPerUser").getIntValue());
    }

    @Test
    public void expiryNoticeDaysWhenSetAsTextArrayOrNumberThenCanonicalListAndNullRestoresTheDefault() {
        assertEquals("[5]", Api.json(api.get("/admin/settings", "admin")).path("expiryNoticeDays").toString());
        assertEquals("[30,7,1]", Api.json(api.put("/admin/settings", "admin", "{\"expiryNoticeDays\":\" 1, 30,7 \"}"))
                .path("expiryNoticeDays").toString());
        assertEquals("30,7,1", api.overrides().get("expiryNoticeDays"));
        assertEquals("[14,2]", Api.json(api.put("/admin/settings", "admin", "{\"expiryNoticeDays\":[2,14,2]}"))
                .path("expiryNoticeDays").toString());
        assertEquals("[3]", Api.json(api.put("/admin/settings", "admin", "{\"expiryNoticeDays\":3}"))
                .path("expiryNoticeDays").toString());
        assertEquals("[]", Api.json(api.put("/admin/settings", "admin", "{\"expiryNoticeDays\":\"\"}"))
                .path("expiryNoticeDays").toString());
        assertEquals("[5]", Api.json(api.put("/admin/settings", "admin", "{\"expiryNoticeDays\":null}"))
                .path("expiryNoticeDays").toString());
    }

    @Test
    public void expiryNoticeDaysWhenNotAListOfDaysThen400NamingItAndNothingIsSaved() {
        api.put("/admin/settings", "admin", "{\"expiryNoticeDays\":\"30,7\"}");
        Map<String, String> before = api.overrides();
        for (String bad : new String[] {"\"0\"", "\"366\"", "\"7,,1\"", "\"seven\"", "\"1;2\"", "[1,\"2\"]", "[1.5]",
                "true", "{}", "\"1,2,3,4,5,6,7,8,9,10,11\"", "-1", "[[1]]"}) {
            JsonNode error = Api.assertError(api.put("/admin/settings", "admin", "{\"maxTokensPerUser\":4,\"expiryNoticeDays\":"
                    + bad + "}"), 400, "java.lang.IllegalArgumentException");
            assertEquals(bad, "Expiry notices (days before expiry) must be a list of whole numbers of days from 1 to 365, at most "
                    + "10 of them, separated by commas (for example 30,7,1), or empty.", error.path("error").getTextValue());
            assertTrue(bad, error.path("errors").has("expiryNoticeDays"));
            assertEquals(bad, before, api.overrides());
        }
    }

    @Test
    public void putWhenFiveAdminsSaveDifferentSettingsAtOnceThenEveryChangeIsKept() throws Exception {
        ExecutorService admins = Executors.newFixedThreadPool(5);
        try {
            for (int round = 0; round < 30; round++) {
                Map<String, Integer> changes = Map.of("maxTokensPerUser", 20 + round, "nameMaxLength", 30 + round,
                        "expiryWarningDays", 1 + round, "maxExpiryDays", 100 + round, "pruningDelayDays", 40 + round);
                CyclicBarrier together = new CyclicBarrier(changes.size());
                List<Future<HttpCall.Response>> saves = new ArrayList<>();
                for (Map.Entry<String, Integer> change : changes.entrySet()) {
                    saves.add(admins.submit(() -> {
                        together.await();
                        return api.put("/admin/settings", "admin", "{\"" + change.getKey() + "\":" + change.getValue() + "}");
                    }));
                }
                for (Future<HttpCall.Response> save : saves) {
                    HttpCall.Response r = save.get(60, TimeUnit.SECONDS);
                    assertEquals(r.toString(), 200, r.status);
                }
                JsonNode now = Api.json(api.get("/admin/settings", "admin"));
                for (Map.Entry<String, Integer> change : changes.entrySet()) {
                    assertEquals("round " + round + ": " + change.getKey() + " in " + now, (int) change.getValue(),
                            now.path(change.getKey()).getIntValue());
                    assertEquals("round " + round, Integer.toString(change.getValue()), api.overrides().get(change.getKey()));
                }
            }
        } finally {
            admins.shutdownNow();
        }
    }

    @Test
    public void maxTokensPerUserWhenLoweredThenTheNextCreateAtTheLimitIs403() {
        api.createId("alice", "one");
        api.createId("alice", "two");
        assertEquals(201, api.post("/tokens", "alice", "{\"name\":\"three\",\"expirationDuration\":1}").status);
        api.reset();
        api.createId("alice", "one");
        api.createId("alice", "two");
        assertEquals(200, api.put("/admin/settings", "admin", "{\"maxTokensPerUser\":2}").status);

        JsonNode error = Api.assertError(api.post("/tokens", "alice", "{\"name\":\"three\",\"expirationDuration\":1}"),
                403, "dev.jirapat.rest.UserTokenLimitExceededException");
        assertEquals("You already have 2 tokens, the most allowed. Revoke one first.", error.path("error").getTextValue());
        assertTrue("no field to mark", error.path("errors").isMissingNode());
        assertEquals(2, api.tokensOf(Api.ALICE_KEY).size());
        assertEquals("other users have their own count", 201,
                api.post("/tokens", "bob", "{\"name\":\"one\",\"expirationDuration\":1}").status);
    }

    @Test
    public void eternalTokensAllowedWhenFalseThenATokenWithoutDurationIs400() {
        assertEquals(201, api.post("/tokens", "alice", "{\"name\":\"forever\"}").status);
        api.put("/admin/settings", "admin", "{\"eternalTokensAllowed\":false}");
        JsonNode error = Api.assertError(api.post("/tokens", "alice", "{\"name\":\"forever again\"}"), 400,
                "java.lang.IllegalArgumentException");
        assertEquals("Tokens must expire on this Jira: choose an expiry of at most 365 days.",
                error.path("error").getTextValue());
        assertEquals("the field it is about, by its wire name", error.path("error").getTextValue(),
                error.path("errors").path("expirationDuration").getTextValue());
    }

    @Test
    public void maxExpiryDaysAndNameMaxLengthWhenLoweredThenLongerValuesAre400() {
        assertEquals(201, api.post("/tokens", "alice", "{\"name\":\"twelve chars\",\"expirationDuration\":60}").status);
        api.put("/admin/settings", "admin", "{\"maxExpiryDays\":30,\"nameMaxLength\":10}");
        assertEquals("Expiry can be at most 30 days.", Api.assertError(api.post("/tokens", "alice",
                "{\"name\":\"short\",\"expirationDuration\":31}"), 400, null).path("error").getTextValue());
        assertEquals("A token name can be at most 10 characters long.", Api.assertError(api.post("/tokens", "alice",
                "{\"name\":\"twelve chars\",\"expirationDuration\":30}"), 400, null).path("error").getTextValue());
        assertEquals(201, api.post("/tokens", "alice", "{\"name\":\"ten chars!\",\"expirationDuration\":30}").status);
    }

    @Test
    public void enabledWhenFalseThenCreatingIs400ButListingAndRevokingStillWork() {
        long id = api.createId("alice", "before");
        api.put("/admin/settings", "admin", "{\"enabled\":false}");
        JsonNode error = Api.assertError(api.post("/tokens", "alice", "{\"name\":\"x\",\"expirationDuration\":1}"), 400,
                "java.lang.IllegalArgumentException");
        assertEquals("Personal access tokens are switched off on this Jira.", error.path("error").getTextValue());
        assertEquals(200, api.get("/tokens", "alice").status);
        assertEquals(204, api.delete("/tokens/" + id, "alice").status);
        assertTrue(api.tokensOf(Api.ALICE_KEY).isEmpty());
    }
}
