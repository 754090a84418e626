package dev.jirapat.rest;

import dev.jirapat.devhost.DevHostRule;
import dev.jirapat.devhost.HttpCall;
import org.codehaus.jackson.JsonNode;
import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/**
 * The REST API called with {@code Authorization: Bearer <token>}: the Bearer filter logs the token's owner in and
 * records the authenticating token on the request, which the API reads to answer {@code /tokens/current} and to keep
 * a token from minting one that can do more.
 */
public class RestViaBearerTest {
    @ClassRule
    public static final DevHostRule HOST = new DevHostRule();

    private Api api;

    @Before
    public void cleanSlate() {
        api = new Api(HOST.host(), Api.LATEST);
        api.reset();
    }

    @Test
    public void currentWhenBearerThenTheTokenThatAuthenticatedTheRequest() {
        api.createId("alice", "other");
        JsonNode mine = api.create("alice", "{\"name\":\"this one\",\"expirationDuration\":10}");
        HttpCall.Response r = bearer("GET", "/tokens/current", mine.path("rawToken").getTextValue(), null);
        assertEquals(r.toString(), 200, r.status);
        JsonNode current = Api.json(r);
        assertEquals(mine.path("id"), current.path("id"));
        assertEquals("this one", current.path("name").getTextValue());
        assertEquals("active", current.path("status").getTextValue());
        assertFalse(current.path("neverExpires").getBooleanValue());
        assertFalse("never the raw token again: " + r.body, current.has("rawToken"));
    }

    @Test
    public void listWhenBearerThenTheOwnersTokens() {
        String raw = api.create("bob", "{\"name\":\"bobs\",\"expirationDuration\":10}").path("rawToken").getTextValue();
        api.createId("alice", "alices");
        HttpCall.Response r = bearer("GET", "/tokens", raw, null);
        assertEquals(r.toString(), 200, r.status);
        JsonNode list = Api.json(r);
        assertEquals(1, list.size());
        assertEquals("bobs", list.get(0).path("name").getTextValue());
    }

    @Test
    public void createWhenBearerThenTheNewTokenMayNotOutliveTheCallingOne() {
        JsonNode caller = api.create("alice", "{\"name\":\"caller\",\"expirationDuration\":10}");
        String raw = caller.path("rawToken").getTextValue();

        JsonNode longer = Api.assertError(bearer("POST", "/tokens", raw, "{\"name\":\"longer\",\"expirationDuration\":30}"),
                400, "java.lang.IllegalArgumentException");
        assertTrue(longer.path("error").getTextValue(), longer.path("error").getTextValue()
                .startsWith("A token created or rotated with a token cannot expire after the calling token"));
        Api.assertError(bearer("POST", "/tokens", raw, "{\"name\":\"eternal\"}"), 400, "java.lang.IllegalArgumentException");
        assertEquals("nothing was created", 1, api.tokensOf(Api.ALICE_KEY).size());

        HttpCall.Response shorter = bearer("POST", "/tokens", raw, "{\"name\":\"shorter\",\"expirationDuration\":5}");
        assertEquals(shorter.toString(), 201, shorter.status);
        Instant callerExpiry = OffsetDateTime.parse(caller.path("expiringAt").getTextValue()).toInstant();
        Instant newExpiry = OffsetDateTime.parse(Api.json(shorter).path("expiringAt").getTextValue()).toInstant();
        assertTrue(newExpiry.isBefore(callerExpiry.minus(Duration.ofDays(4))));
    }

    @Test
    public void rotateWhenBearerOfAnotherTokenThenAllowedWithinTheCallersLifetime() {
        String raw = api.create("alice", "{\"name\":\"caller\",\"expirationDuration\":20}").path("rawToken").getTextValue();
        long shortLived = api.create("alice", "{\"name\":\"short\",\"expirationDuration\":3}").path("id").getLongValue();
        HttpCall.Response r = bearer("POST", "/tokens/" + shortLived + "/rotate", raw, "");
        assertEquals(r.toString(), 201, r.status);
    }

    private HttpCall.Response bearer(String method, String path, String raw, String json) {
        HttpCall call = HttpCall.to(HOST.host()).method(method, Api.LATEST + path).bearer(raw);
        if (json != null && !json.isEmpty()) {
            call.json(json);
        } else if (json != null) {
            call.header("X-Atlassian-Token", "no-check");
        }
        return Api.send(call);
    }
}
