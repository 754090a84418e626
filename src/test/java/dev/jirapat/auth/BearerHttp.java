package dev.jirapat.auth;

import dev.jirapat.devhost.DevHost;
import dev.jirapat.devhost.DevUsers;
import dev.jirapat.devhost.HttpCall;
import dev.jirapat.token.Actor;
import dev.jirapat.token.IssuedToken;
import dev.jirapat.token.Outcome;
import dev.jirapat.token.Scope;
import dev.jirapat.token.PolicyStore;
import dev.jirapat.token.TokenRequest;
import dev.jirapat.token.TokenService;
import org.codehaus.jackson.JsonNode;
import org.codehaus.jackson.map.ObjectMapper;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

/** What the Bearer HTTP tests share: minting tokens through the plugin's service, policy switches, assertions. */
final class BearerHttp {
    static final String ADMIN = DevUsers.ADMIN_KEY;
    static final String ALICE = DevUsers.ALICE_KEY;
    static final String BOB = DevUsers.BOB_KEY;
    static final String NOT_AUTHENTICATED = "You are not authenticated. Authentication required to perform this operation.";

    private static final ObjectMapper JSON = new ObjectMapper();

    private BearerHttp() {
    }

    static IssuedToken mint(DevHost host, String userKey, Scope scope, Integer days, String... allowedIps) {
        Outcome<IssuedToken> out = host.bean(TokenService.class).create(Actor.user(userKey),
                new TokenRequest("http-test-" + System.nanoTime(), days, scope, Arrays.asList(allowedIps)));
        assertFalse("could not mint a token: " + out, out.isRejected());
        return out.value();
    }

    static String mint(DevHost host, String userKey) {
        return mint(host, userKey, Scope.WRITE, 30).rawToken();
    }

    /** Sets the admin's stored policy overrides (what the admin page writes); limits opened up for the suite. */
    static void policy(DevHost host, String... keyValues) {
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("maxTokensPerUser", "1000");
        overrides.put("failedChecksPerMinute", "0"); // suites refuse many tokens from 127.0.0.1 on purpose
        for (int i = 0; i < keyValues.length; i += 2) {
            overrides.put(keyValues[i], keyValues[i + 1]);
        }
        PolicyStore store = host.bean(PolicyStore.class);
        Set<String> reset = new HashSet<>(store.overrides().keySet());
        reset.removeAll(overrides.keySet());
        store.apply(overrides, reset);
    }

    static JsonNode json(HttpCall.Response r) {
        try {
            return JSON.readTree(r.body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + r, e);
        }
    }

    /** GET /rest/api/2/myself answered for {@code username}, with no challenge. */
    static void assertServedAs(HttpCall.Response r, String username) {
        assertEquals(r.toString(), 200, r.status);
        assertNull("no challenge on success: " + r, r.header("WWW-Authenticate"));
        assertEquals(r.toString(), username, json(r).path("name").getTextValue());
    }

    /** GET /rest/api/2/myself answered by Jira for an anonymous caller: the filter let the request pass. */
    static void assertAnonymousToJira(HttpCall.Response r) {
        assertEquals(r.toString(), 401, r.status);
        assertNull("Jira's own 401 here has no challenge, and we added none: " + r, r.header("WWW-Authenticate"));
        assertEquals(r.toString(), NOT_AUTHENTICATED, json(r).path("errorMessages").path(0).getTextValue());
        assertTrue("no RFC 6750 code: the filter did not answer: " + r, json(r).path("errorCode").isMissingNode()
                && json(r).path("error").isMissingNode());
    }

    /** Refused by the filter: exact status, challenge and body; nothing of the token echoed. */
    static void assertRefused(DevHost host, HttpCall.Response r, int status, String error, String description,
                              String extra, String presented) {
        assertEquals(r.toString(), status, r.status);
        assertEquals("Bearer realm=\"" + host.baseUri() + "\", error=\"" + error + "\", error_description=\""
                + description + "\"" + extra, r.header("WWW-Authenticate"));
        assertEquals("application/json;charset=utf-8", String.valueOf(r.header("Content-Type")).toLowerCase());
        assertEquals(AuthFailureResponderTest.body(error, description), r.body);
        assertNull("a refused request gets no session: " + r, r.header("Set-Cookie"));
        if (presented != null && presented.length() > 8) {
            assertFalse("the body echoes the token", r.body.contains(presented));
            assertFalse("a header echoes the token", r.headers.map().toString().contains(presented));
        }
    }

    static void assertInvalidToken(DevHost host, HttpCall.Response r, String description, String presented) {
        assertRefused(host, r, 401, "invalid_token", description, "", presented);
    }

    static HttpCall.Response myself(DevHost host, String token) {
        return HttpCall.to(host).get("/rest/api/2/myself").bearer(token).send();
    }
}
