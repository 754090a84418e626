package dev.jirapat.auth;

import dev.jirapat.devhost.DevHost;
import dev.jirapat.devhost.DevHostRule;
import dev.jirapat.devhost.HttpCall;
import org.junit.After;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static dev.jirapat.auth.BearerHttp.ALICE;
import static dev.jirapat.auth.BearerHttp.assertServedAs;
import static dev.jirapat.auth.BearerHttp.json;
import static dev.jirapat.auth.BearerHttp.mint;
import static dev.jirapat.auth.BearerHttp.myself;
import static dev.jirapat.auth.BearerHttp.policy;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;

/** A database that cannot be reached while a token is checked: 503 with Retry-After, never anonymous, never 401. */
public class BearerDatabaseOutageHttpIT {
    @ClassRule
    public static final DevHostRule HOST = new DevHostRule(() -> DevHost.Config.forTest());

    @ClassRule
    public static final TokenLogScan LOG = new TokenLogScan();

    private static DevHost host;

    @BeforeClass
    public static void startHost() {
        host = HOST.host();
        policy(host);
    }


    @After
    public void databaseBack() {
        host.simulateDatabaseOutage(false);
        policy(host);
    }

    private static void assertUnavailable(HttpCall.Response r, String token) {
        assertEquals(r.toString(), 503, r.status);
        assertEquals("30", r.header("Retry-After"));
        assertNull("a 503 is not an authentication failure: " + r, r.header("WWW-Authenticate"));
        assertNull("no session: " + r, r.header("Set-Cookie"));
        assertEquals(AuthFailureResponderTest.body("temporarily_unavailable", AuthFailure.UNAVAILABLE), r.body);
        assertFalse(r.body.contains(token));
        assertFalse("not served as anyone", json(r).has("name"));
    }

    @Test
    public void tokenCheckedDuringAnOutageGets503AndWorksOnceTheDatabaseIsBack() {
        String token = mint(host, ALICE); // never used, so not cached: the check needs the database
        host.simulateDatabaseOutage(true);
        assertUnavailable(myself(host, token), token);
        assertUnavailable(HttpCall.to(host).get("/rest/api/2/serverInfo").bearer(token).send(), token);
        host.simulateDatabaseOutage(false);
        assertServedAs(myself(host, token), "alice");
    }

    @Test
    public void basicWithATokenDuringAnOutageGets503WhenBasicIsOn() {
        String token = mint(host, ALICE);
        policy(host, "allowBasicAuth", "true");
        host.simulateDatabaseOutage(true);
        String basic = "Basic " + Base64.getEncoder().encodeToString(("alice:" + token).getBytes(StandardCharsets.UTF_8));
        assertUnavailable(HttpCall.to(host).get("/rest/api/2/myself").header("Authorization", basic).send(), token);
    }

    @Test
    public void tokenSeenBeforeTheOutageKeepsWorkingFromTheCache() {
        String token = mint(host, ALICE);
        assertServedAs(myself(host, token), "alice");
        host.simulateDatabaseOutage(true);
        assertServedAs(myself(host, token), "alice");
    }

    @Test
    public void anonymousRequestsAreNotAffected() {
        host.simulateDatabaseOutage(true);
        assertEquals(200, HttpCall.to(host).get("/rest/api/2/serverInfo").send().status);
    }
}
