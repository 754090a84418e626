package dev.jirapat.rest;

import dev.jirapat.devhost.DevHostRule;
import dev.jirapat.devhost.HttpCall;
import dev.jirapat.token.PolicySource;
import dev.jirapat.token.RequestFacts;
import dev.jirapat.token.TokenChecker;
import dev.jirapat.token.TokenRefusal;
import org.codehaus.jackson.JsonNode;
import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

/**
 * {@code POST /tokens/{id}/rotate}: a new secret, the old one dead at once. Whether a secret works is proven through
 * {@link TokenChecker#check}, the check the Bearer filter runs.
 */
public class RestRotateIT {
    @ClassRule
    public static final DevHostRule HOST = new DevHostRule();

    private Api api;

    @Before
    public void cleanSlate() {
        api = new Api(HOST.host(), Api.LATEST);
        api.reset();
    }

    @Test
    public void rotateWhenOwnerThenOldSecretStopsAndNewOneWorksUnderTheSameRules() {
        JsonNode old = api.create("alice", "{\"name\":\"deploy\",\"expirationDuration\":30,\"scope\":\"read\","
                + "\"allowedIps\":[\"10.0.0.0/8\"]}");
        String oldRaw = old.path("rawToken").getTextValue();
        assertEquals(Optional.empty(), check(oldRaw, "GET", "10.1.1.1"));

        JsonNode rotated = Api.json(rotate(old.path("id").getLongValue(), "alice", 201));
        String newRaw = rotated.path("rawToken").getTextValue();
        assertNotEquals(oldRaw, newRaw);

        assertEquals("the old secret is dead at once", Optional.of(TokenRefusal.UNKNOWN), check(oldRaw, "GET", "10.1.1.1"));
        assertEquals(Optional.empty(), check(newRaw, "GET", "10.1.1.1"));
        assertEquals("the same token keeps its id", old.path("id"), rotated.path("id"));
        assertEquals("same allowlist", Optional.of(TokenRefusal.IP_NOT_ALLOWED), check(newRaw, "GET", "192.0.2.1"));
        assertEquals("same scope", Optional.of(TokenRefusal.INSUFFICIENT_SCOPE), check(newRaw, "POST", "10.1.1.1"));
        HttpCall.Response listed = api.get("/tokens/" + rotated.path("id").getLongValue(), "alice");
        assertEquals(listed.toString(), 200, listed.status);
        assertEquals("deploy", Api.json(listed).path("name").getTextValue());
    }

    @Test
    public void revokeWhenTheIdWasRotatedThenTheRotatedSecretGets401() {
        JsonNode old = api.create("alice", "{\"name\":\"deploy\",\"expirationDuration\":30}");
        long id = old.path("id").getLongValue();
        String rotated = Api.json(rotate(id, "alice", 201)).path("rawToken").getTextValue();
        assertEquals("the rotated secret works, and is cached now", 200, myself(rotated).status);

        assertEquals(204, api.delete("/tokens/" + id, "alice").status);

        HttpCall.Response refused = myself(rotated);
        assertEquals(refused.toString(), 401, refused.status);
        assertEquals(401, myself(old.path("rawToken").getTextValue()).status);
        assertTrue(api.tokensOf(Api.ALICE_KEY).isEmpty());
    }

    @Test
    public void rotateWhenTheTokenIsSomeoneElsesThen404AndItKeepsWorking() {
        JsonNode alices = api.create("alice", "{\"name\":\"mine\",\"expirationDuration\":30}");
        long id = alices.path("id").getLongValue();
        List<String> before = api.state();
        Api.assertEmpty404(rotate(id, "bob", 404));
        Api.assertEmpty404(rotate(id, "admin", 404));
        assertEquals(before, api.state());
        assertEquals(Optional.empty(), check(alices.path("rawToken").getTextValue(), "GET", "127.0.0.1"));
    }

    @Test
    public void rotateWhenIdUnknownThen404WithAnEmptyBody() {
        Api.assertEmpty404(rotate(123456, "alice", 404));
    }

    @Test
    public void rotateWhenTheLifetimeExceedsTheMaximumNowThen400AndTheOldSecretStillWorks() {
        JsonNode old = api.create("alice", "{\"name\":\"long\",\"expirationDuration\":300}");
        assertEquals(200, api.put("/admin/settings", "admin", "{\"maxExpiryDays\":90}").status);
        List<String> before = api.state();
        HttpCall.Response r = rotate(old.path("id").getLongValue(), "alice", 400);
        JsonNode error = Api.assertError(r, 400, "java.lang.IllegalArgumentException");
        assertEquals("Expiry can be at most 90 days.", error.path("error").getTextValue());
        assertEquals(before, api.state());
        assertEquals(Optional.empty(), check(old.path("rawToken").getTextValue(), "GET", "127.0.0.1"));
    }

    @Test
    public void rotateWhenBearerOfAnAllowlistedTokenThenTheSiblingGetsTheCallersAllowlistAsCreateWould() {
        String caller = api.create("alice", "{\"name\":\"caller\",\"expirationDuration\":30,"
                + "\"allowedIps\":[\"127.0.0.0/8\"]}").path("rawToken").getTextValue();
        long open = api.create("alice", "{\"name\":\"open\",\"expirationDuration\":10}").path("id").getLongValue();

        HttpCall.Response r = bearerRotate(open, caller);

        assertEquals(r.toString(), 201, r.status);
        JsonNode rotated = Api.json(r);
        assertEquals("[\"127.0.0.0/8\"]", rotated.path("allowedIps").toString());
        String raw = rotated.path("rawToken").getTextValue();
        assertEquals(Optional.empty(), check(raw, "GET", "127.0.0.1"));
        assertEquals("the rotated token does not work from any address", Optional.of(TokenRefusal.IP_NOT_ALLOWED),
                check(raw, "GET", "192.0.2.1"));
        JsonNode created = Api.json(bearer("POST", "/tokens", caller, "{\"name\":\"created\",\"expirationDuration\":10}"));
        assertEquals("the same rule as create", created.path("allowedIps"), rotated.path("allowedIps"));
    }

    @Test
    public void rotateWhenBearerOfAnAllowlistedTokenAndTheSiblingAllowsOtherAddressesThen400AndNothingChanges() {
        String caller = api.create("alice", "{\"name\":\"caller\",\"expirationDuration\":30,"
                + "\"allowedIps\":[\"127.0.0.0/8\"]}").path("rawToken").getTextValue();
        JsonNode elsewhere = api.create("alice", "{\"name\":\"elsewhere\",\"expirationDuration\":10,"
                + "\"allowedIps\":[\"192.168.0.0/16\"]}");
        List<String> before = api.state();

        JsonNode error = Api.assertError(bearerRotate(elsewhere.path("id").getLongValue(), caller), 400,
                "java.lang.IllegalArgumentException");

        assertTrue(error.toString(), error.path("error").getTextValue()
                .startsWith("A token created or rotated with a token cannot do more than the calling token"));
        assertEquals(before, api.state());
        assertEquals(Optional.empty(), check(elsewhere.path("rawToken").getTextValue(), "GET", "192.168.1.1"));
    }

    @Test
    public void rotateWhenBearerOfAReadTokenThenRefusedBeforeTheResourceAndNothingChanges() {
        // The Bearer filter lets a read token only GET, so a read token never reaches rotate over HTTP; the
        // service refuses it too (TokenUseCasesTest), for callers that are not HTTP requests.
        String reader = api.create("alice", "{\"name\":\"reader\",\"expirationDuration\":30,\"scope\":\"read\"}")
                .path("rawToken").getTextValue();
        long writer = api.createId("alice", "writer");
        List<String> before = api.state();
        assertEquals(403, bearerRotate(writer, reader).status);
        assertEquals(before, api.state());
    }

    @Test
    public void rotateWhenTokenExpiredThen400ForTheOwner404ForOthers401AnonymousAndNothingChanges() {
        JsonNode issued = api.create("alice", "{\"name\":\"old\",\"expirationDuration\":30}");
        long id = api.expire(issued.path("id").getLongValue());
        List<String> before = api.state();

        JsonNode error = Api.assertError(rotate(id, "alice", 400), 400, "java.lang.IllegalArgumentException");
        assertEquals("This token has expired and cannot be rotated. Create a new token instead.",
                error.path("error").getTextValue());
        Api.assertEmpty404(rotate(id, "bob", 404));
        Api.assertEmpty404(rotate(id, "admin", 404));
        Api.assertError(rotate(id, null, 401), 401, "com.atlassian.sal.api.permission.AuthorisationException");

        assertEquals("nothing changed", before, api.state());
        assertEquals(Optional.of(TokenRefusal.EXPIRED), check(issued.path("rawToken").getTextValue(), "GET", "127.0.0.1"));
    }

    @Test
    public void rotateWhenSentAsJsonWithoutTheXsrfHeaderThenAllowed() {
        long id = api.createId("alice", "script");
        HttpCall.Response r = Api.send(api.call("POST", "/tokens/" + id + "/rotate", "alice").json(""));
        assertEquals(r.toString(), 201, r.status);
    }

    private HttpCall.Response rotate(long id, String user, int expected) {
        HttpCall.Response r = Api.send(api.call("POST", "/tokens/" + id + "/rotate", user).header("X-Atlassian-Token", "no-check"));
        assertEquals(r.toString(), expected, r.status);
        return r;
    }

    private HttpCall.Response myself(String raw) {
        return Api.send(HttpCall.to(HOST.host()).get("/rest/api/2/myself").bearer(raw));
    }

    private HttpCall.Response bearerRotate(long id, String raw) {
        return bearer("POST", "/tokens/" + id + "/rotate", raw, null);
    }

    private HttpCall.Response bearer(String method, String path, String raw, String json) {
        HttpCall call = HttpCall.to(HOST.host()).method(method, Api.LATEST + path).bearer(raw);
        return Api.send(json == null ? call.header("X-Atlassian-Token", "no-check") : call.json(json));
    }

    /** Empty when the token is accepted, else why it is refused. */
    private Optional<TokenRefusal> check(String raw, String method, String ip) {
        return HOST.host().bean(TokenChecker.class).check(raw, RequestFacts.restApi(method, ip),
                HOST.host().bean(PolicySource.class).policy(), Instant.now()).refusal();
    }
}
