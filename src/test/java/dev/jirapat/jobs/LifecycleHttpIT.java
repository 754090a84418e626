package dev.jirapat.jobs;

import dev.jirapat.devhost.DevHost;
import dev.jirapat.devhost.DevHostRule;
import dev.jirapat.devhost.HttpCall;
import org.codehaus.jackson.JsonNode;
import org.codehaus.jackson.map.ObjectMapper;
import org.junit.ClassRule;
import org.junit.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/**
 * The dev host's clock and scheduler over real HTTP, with the plugin's real jobs: a token goes from active to
 * expires soon to expired to pruned as the clock moves and the due jobs run; the jobs register once and unregister
 * when the plugin stops.
 */
public class LifecycleHttpIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] KEYS = {"dev.jirapat.jobs.expiry-notices", "dev.jirapat.jobs.prune-expired",
            "dev.jirapat.jobs.remove-missing-owners"};

    @ClassRule
    public static final DevHostRule HOST = new DevHostRule();

    private static JsonNode json(HttpCall.Response r) throws IOException {
        return JSON.readTree(r.body);
    }

    private static HttpCall.Response advance(String json) {
        return HttpCall.to(HOST.host()).post("/devhost/clock").json(json).send();
    }

    private static List<String> runJobs() throws IOException {
        HttpCall.Response r = HttpCall.to(HOST.host()).post("/devhost/jobs/run").send();
        assertEquals(r.toString(), 200, r.status);
        List<String> ran = new ArrayList<>();
        json(r).path("ran").forEach(n -> ran.add(n.getTextValue()));
        return ran;
    }

    private static JsonNode tokensOfAlice() throws IOException {
        HttpCall.Response r = HttpCall.to(HOST.host()).get("/rest/pat/latest/tokens").basic("alice", "alice").send();
        assertEquals(r.toString(), 200, r.status);
        return json(r);
    }

    @Test
    public void clockWhenAskedThenTellsTheSharedTime() throws IOException {
        HttpCall.Response r = HttpCall.to(HOST.host()).get("/devhost/clock").send();
        assertEquals(200, r.status);
        Instant now = Instant.parse(json(r).path("now").getTextValue());
        Instant host = HOST.host().clock().instant();
        assertTrue(now + " vs " + host, Duration.between(now, host).abs().getSeconds() < 5);
    }

    @Test
    public void clockWhenAdvanceIsNotAForwardDurationThen400AndTimeStays() throws IOException {
        for (String bad : new String[] {"", "{", "[]", "{}", "{\"advance\":6}", "{\"advance\":\"6 days\"}",
                "{\"advance\":\"-P1D\"}", "{\"advance\":\"PT0S\"}", "{\"advance\":\"P999999D\"}"}) {
            Instant before = HOST.host().clock().instant();
            HttpCall.Response r = advance(bad);
            assertEquals(bad + ": " + r, 400, r.status);
            assertTrue(bad + ": " + r.body, json(r).path("error").isTextual());
            assertTrue(bad, Duration.between(before, HOST.host().clock().instant()).getSeconds() < 5);
        }
    }

    @Test
    public void tokenWhenClockMovesAndJobsRunThenActiveExpiresSoonExpiredAndPruned() throws IOException {
        HttpCall.Response created = HttpCall.to(HOST.host()).post("/rest/pat/latest/tokens").basic("alice", "alice")
                .json("{\"name\":\"lifecycle\",\"expirationDuration\":10}").send();
        assertEquals(created.toString(), 201, created.status);
        long id = json(created).path("id").getLongValue();

        assertEquals("active", statusOf(id));
        HttpCall.Response moved = advance("{\"advance\":\"P6D\"}");
        assertEquals(moved.toString(), 200, moved.status);
        assertTrue(json(moved).path("now").isTextual());
        assertEquals("expiresSoon", statusOf(id));
        assertTrue(runJobs().contains(KEYS[0]));
        assertEquals(200, advance("{\"advance\":\"P5D\"}").status);
        assertEquals("expired", statusOf(id));
        runJobs();
        assertEquals("expired", statusOf(id)); // kept pruningDelayDays (30) after expiry
        assertEquals(200, advance("{\"advance\":\"P31D\"}").status);
        List<String> ran = runJobs();
        assertTrue(ran.toString(), ran.contains(KEYS[1]));
        assertEquals(null, statusOf(id));
        assertEquals(List.of(), runJobs()); // nothing more is due until the next interval
    }

    private static String statusOf(long id) throws IOException {
        for (JsonNode token : tokensOfAlice()) {
            if (token.path("id").getLongValue() == id) {
                return token.path("status").getTextValue();
            }
        }
        return null;
    }

    @Test
    public void adminSearchWhenOwnerDeactivatedThenOwnerActiveFalseAndTheTokenIsKept() throws IOException {
        HttpCall.Response created = HttpCall.to(HOST.host()).post("/rest/pat/latest/tokens").basic("bob", "bob")
                .json("{\"name\":\"bob-inactive\"}").send();
        assertEquals(created.toString(), 201, created.status);
        long id = json(created).path("id").getLongValue();
        HOST.host().users().setActive("bob", false);
        try {
            assertEquals(Boolean.FALSE, ownerActiveOf(id));
            runJobsAfter("P2D"); // the daily jobs keep a deactivated user's tokens
            assertEquals(Boolean.FALSE, ownerActiveOf(id));
        } finally {
            HOST.host().users().setActive("bob", true);
        }
        assertEquals(Boolean.TRUE, ownerActiveOf(id));
    }

    private static void runJobsAfter(String duration) throws IOException {
        assertEquals(200, advance("{\"advance\":\"" + duration + "\"}").status);
        runJobs();
    }

    private static Boolean ownerActiveOf(long id) throws IOException {
        HttpCall.Response r = HttpCall.to(HOST.host()).post("/rest/pat/latest/tokens/search").basic("admin", "admin")
                .json("{\"limit\":100}").send();
        assertEquals(r.toString(), 200, r.status);
        for (JsonNode token : json(r).path("values")) {
            if (token.path("id").getLongValue() == id) {
                return token.path("ownerActive").getBooleanValue();
            }
        }
        return null;
    }

    @Test
    public void jobsWhenPluginStartsThenRegisteredOnceAndWhenItStopsUnregistered() {
        DevHost host = DevHost.start(DevHost.Config.forTest());
        List<String> log;
        try {
            assertEquals(List.of(KEYS), host.scheduler().registeredRunners());
        } finally {
            host.close();
        }
        log = host.scheduler().log();
        assertEquals(List.of(), host.scheduler().registeredRunners());
        for (String key : KEYS) {
            assertEquals(log.toString(), 1, log.stream().filter(e -> e.equals("register " + key)).count());
            assertEquals(log.toString(), 1, log.stream().filter(e -> e.equals("schedule " + key)).count());
            assertEquals(log.toString(), 1, log.stream().filter(e -> e.equals("unregister " + key)).count());
        }
        assertFalse(log.isEmpty());
    }
}
