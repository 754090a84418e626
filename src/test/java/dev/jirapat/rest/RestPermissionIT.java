package dev.jirapat.rest;

import dev.jirapat.devhost.DevHostRule;
import dev.jirapat.devhost.HttpCall;
import dev.jirapat.token.RequestFacts;
import dev.jirapat.token.TokenChecker;
import dev.jirapat.token.TokenPolicy;
import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * Who may do what (the README's "API"): every endpoint × anonymous, the token's owner (alice), another user (bob)
 * and a system administrator. Every endpoint needs a login (401); admin endpoints are 403 to other users; another user's
 * token is a 404 with an empty body, exactly like an unknown id. A refused request changes nothing.
 */
public class RestPermissionIT {
    private static final int UNCHANGED = -1;
    @ClassRule
    public static final DevHostRule HOST = new DevHostRule();

    private Api api;

    /** One endpoint: how to call it on alice's token {@code {id}}, and the status per caller. */
    private static final class Row {
        final String method;
        final String path;
        final String body;
        final int[] expected; // anonymous, owner (alice), other (bob), admin

        Row(String method, String path, String body, int anonymous, int owner, int other, int admin) {
            this.method = method;
            this.path = path;
            this.body = body;
            this.expected = new int[] {anonymous, owner, other, admin};
        }
    }

    private static final String[] CALLERS = {null, "alice", "bob", "admin"};

    private static final Row[] MATRIX = {
            new Row("GET", "/tokens", null, 401, 200, 200, 200),
            new Row("POST", "/tokens", "{\"name\":\"new\"}", 401, 201, 201, 201),
            new Row("GET", "/tokens/{id}", null, 401, 200, 404, 200),
            new Row("DELETE", "/tokens/{id}", null, 401, 204, 404, 204),
            new Row("POST", "/tokens/{id}/rotate", "", 401, 201, 404, 404),
            new Row("GET", "/tokens/current", null, 401, 404, 404, 404),
            new Row("POST", "/tokens/search", "{}", 401, 403, 403, 200),
            new Row("GET", "/tokens/search/user?contains=alice", null, 401, 403, 403, 200),
            new Row("DELETE", "/admin/tokens", "[{id}]", 401, 403, 403, 204),
            new Row("POST", "/admin/tokens", "{\"username\":\"alice\",\"name\":\"svc\"}", 401, 403, 403, 201),
            new Row("GET", "/admin/settings", null, 401, 403, 403, 200),
            new Row("PUT", "/admin/settings", "{\"maxTokensPerUser\":9}", 401, 403, 403, 200),
            new Row("POST", "/admin/import/builtin", "[]", 401, 403, 403, 200),
    };

    @Before
    public void cleanSlate() {
        api = new Api(HOST.host(), Api.LATEST);
        api.reset();
    }

    @Test
    public void everyEndpointWhenCalledByEachKindOfCallerThenTheDocumentedStatus() {
        List<String> wrong = new ArrayList<>();
        for (Row row : MATRIX) {
            for (int c = 0; c < CALLERS.length; c++) {
                api.reset();
                long alicesToken = api.createId("alice", "alices");
                api.createId("bob", "bobs");
                List<String> before = api.state();
                String path = row.path.replace("{id}", Long.toString(alicesToken));
                String body = row.body == null ? null : row.body.replace("{id}", Long.toString(alicesToken));
                HttpCall.Response r = call(row.method, path, CALLERS[c], body);
                String cell = row.method + " " + row.path + " as " + (CALLERS[c] == null ? "anonymous" : CALLERS[c]);
                int expected = row.expected[c];
                if (r.status != expected) {
                    wrong.add(cell + ": expected " + expected + ", got " + r);
                    continue;
                }
                checkBody(cell, r, row.path, wrong);
                if (r.status >= 400 && !api.state().equals(before)) {
                    wrong.add(cell + ": refused with " + r.status + " but changed the database");
                }
            }
        }
        assertTrue(wrong.size() + " cells wrong:\n" + String.join("\n", wrong), wrong.isEmpty());
    }

    @Test
    public void inactiveUserWhenBasicThenRefusedByTheHostAndNothingChanges() {
        List<String> before = api.state();
        HttpCall.Response r = api.post("/tokens", "carol", "{\"name\":\"x\"}");
        assertEquals(r.toString(), 401, r.status);
        assertEquals(before, api.state());
    }

    @Test
    public void foreignTokenWhenBobDeletesThenAlicesTokenStillWorks() {
        String raw = api.create("alice", "{\"name\":\"mine\",\"expirationDuration\":5}").path("rawToken").getTextValue();
        long id = api.tokensOf(Api.ALICE_KEY).get(0).id();
        Api.assertEmpty404(api.delete("/tokens/" + id, "bob"));
        Api.assertEmpty404(api.get("/tokens/" + id, "bob"));
        assertEquals("a foreign id looks exactly like an unknown one", api.get("/tokens/" + (id + 1000), "bob").body,
                api.get("/tokens/" + id, "bob").body);
        assertTrue(HOST.host().bean(TokenChecker.class).check(raw, RequestFacts.restApi("GET", "127.0.0.1"),
                TokenPolicy.defaults(), java.time.Instant.now()).isAccepted());
    }

    @Test
    public void adminWhenGettingOrRevokingAnotherUsersTokenThenAllowed() {
        long id = api.createId("alice", "mine");
        HttpCall.Response get = api.get("/tokens/" + id, "admin");
        assertEquals(get.toString(), 200, get.status);
        assertEquals("mine", Api.json(get).path("name").getTextValue());
        assertEquals(204, api.delete("/tokens/" + id, "admin").status);
        assertTrue(api.tokensOf(Api.ALICE_KEY).isEmpty());
    }

    private HttpCall.Response call(String method, String path, String user, String body) {
        if (body == null) {
            return Api.send(api.call(method, path, user));
        }
        if (body.isEmpty()) {
            return Api.send(api.call(method, path, user).header("X-Atlassian-Token", "no-check"));
        }
        return Api.send(api.call(method, path, user).json(body));
    }

    private static void checkBody(String cell, HttpCall.Response r, String path, List<String> wrong) {
        try {
            if (r.status == 401 || r.status == 403) {
                Api.assertError(r, r.status, "com.atlassian.sal.api.permission.AuthorisationException");
            } else if (r.status == 404 && path.contains("{id}")) {
                Api.assertEmpty404(r);
            } else if (r.status == 404) {
                Api.assertError(r, 404, "javax.ws.rs.WebApplicationException");
            }
        } catch (AssertionError e) {
            wrong.add(cell + ": " + e.getMessage());
        }
    }
}
