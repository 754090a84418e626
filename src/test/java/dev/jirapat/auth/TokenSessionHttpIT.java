package dev.jirapat.auth;

import dev.jirapat.devhost.DevHost;
import dev.jirapat.devhost.DevHostRule;
import dev.jirapat.devhost.HttpCall;
import dev.jirapat.token.AccessToken;
import dev.jirapat.token.Actor;
import dev.jirapat.token.IssuedToken;
import dev.jirapat.token.Scope;
import dev.jirapat.token.TokenService;
import dev.jirapat.token.TokenStore;
import org.junit.After;
import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static dev.jirapat.auth.BearerHttp.ALICE;
import static dev.jirapat.auth.BearerHttp.assertAnonymousToJira;
import static dev.jirapat.auth.BearerHttp.assertInvalidToken;
import static dev.jirapat.auth.BearerHttp.assertRefused;
import static dev.jirapat.auth.BearerHttp.assertServedAs;
import static dev.jirapat.auth.BearerHttp.json;
import static dev.jirapat.auth.BearerHttp.mint;
import static dev.jirapat.auth.BearerHttp.myself;
import static dev.jirapat.auth.BearerHttp.policy;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

/**
 * With session invalidation off, a token request's login stays in a container session, and that session stays
 * the token's: its cookie carries the token's scope, allowlist and minting limits, and stops working the moment
 * the token is revoked, rotated or expires.
 */
public class TokenSessionHttpIT {
    @ClassRule
    public static final DevHostRule HOST = new DevHostRule();

    @Before
    public void keepSessions() {
        policy(host(), "invalidateSession", "false");
    }

    @After
    public void resetPolicy() {
        policy(host());
        host().users().setActive("alice", true);
    }

    private static DevHost host() {
        return HOST.host();
    }

    /** The cookie of the session a token request started. */
    private static String cookieOf(IssuedToken token) {
        HttpCall.Response r = myself(host(), token.rawToken());
        assertServedAs(r, "alice");
        String setCookie = r.header("Set-Cookie");
        assertNotNull("with invalidation off a token request keeps its session: " + r, setCookie);
        return setCookie.split(";", 2)[0];
    }

    private static HttpCall.Response myselfWith(String cookie) {
        return HttpCall.to(host()).get("/rest/api/2/myself").header("Cookie", cookie).send();
    }

    private static int tokenCount() {
        return host().bean(TokenService.class).list(Actor.user(ALICE)).size();
    }

    @Test
    public void cookieWhenTokenStillValidThenServedAsItsOwner() {
        String cookie = cookieOf(mint(host(), ALICE, Scope.WRITE, 30));
        assertServedAs(myselfWith(cookie), "alice");
        assertServedAs(myselfWith(cookie), "alice");
    }

    @Test
    public void cookieOfA30DayTokenWhenMintingAnEternalTokenThenRefusedAndNothingCreated() {
        String cookie = cookieOf(mint(host(), ALICE, Scope.WRITE, 30));
        int before = tokenCount();
        HttpCall.Response r = HttpCall.to(host()).post("/rest/pat/latest/tokens").header("Cookie", cookie)
                .json("{\"name\":\"eternal\"}").send();
        assertEquals(r.toString(), 400, r.status);
        assertTrue(r.toString(), json(r).path("error").getTextValue().contains("cannot expire after the calling token"));
        HttpCall.Response longer = HttpCall.to(host()).post("/rest/pat/latest/tokens").header("Cookie", cookie)
                .json("{\"name\":\"longer\",\"expirationDuration\":90}").send();
        assertEquals(longer.toString(), 400, longer.status);
        assertEquals("nothing was created", before, tokenCount());
    }

    @Test
    public void cookieOfAReadTokenWhenWritingOrLeavingTheRestApiThenInsufficientScope() {
        IssuedToken read = mint(host(), ALICE, Scope.READ, 30);
        String cookie = cookieOf(read);
        assertServedAs(myselfWith(cookie), "alice");
        HttpCall.Response post = HttpCall.to(host()).post("/rest/api/2/issue/DEMO-1/comment").header("Cookie", cookie)
                .json("{\"body\":\"x\"}").send();
        assertRefused(host(), post, 403, "insufficient_scope", AuthFailure.READ_ONLY, ", scope=\"write\"", null);
        HttpCall.Response page = HttpCall.to(host()).get("/secure/ViewProfile.jspa").header("Cookie", cookie).send();
        assertRefused(host(), page, 403, "insufficient_scope", AuthFailure.READ_ONLY, ", scope=\"write\"", null);
        // A use beyond the scope does not end the session: the token still works for what it may do.
        assertServedAs(myselfWith(cookie), "alice");
    }

    @Test
    public void cookieOfAnAllowlistedTokenWhenUsedFromAnotherAddressThenRefused() {
        String cookie = cookieOf(mint(host(), ALICE, Scope.WRITE, 30, "127.0.0.1/32"));
        HttpCall.Response elsewhere = HttpCall.to(host()).get("/rest/api/2/myself").header("Cookie", cookie)
                .from("127.0.0.2").sendVerbatim();
        assertInvalidToken(host(), elsewhere, AuthFailure.INVALID, null);
    }

    @Test
    public void cookieWhenTokenRevokedThenRefusedAndTheSessionEnds() {
        IssuedToken token = mint(host(), ALICE, Scope.WRITE, 30);
        String cookie = cookieOf(token);
        host().bean(TokenService.class).revoke(Actor.user(ALICE), token.token().id());
        assertInvalidToken(host(), myselfWith(cookie), AuthFailure.INVALID, null);
        assertAnonymousToJira(myselfWith(cookie)); // the session is gone, not merely refused once
    }

    @Test
    public void cookieWhenTokenRotatedThenRefused() {
        IssuedToken token = mint(host(), ALICE, Scope.WRITE, 30);
        String cookie = cookieOf(token);
        assertTrue(!host().bean(TokenService.class).rotate(Actor.user(ALICE), token.token().id()).isRejected());
        assertInvalidToken(host(), myselfWith(cookie), AuthFailure.INVALID, null);
    }

    @Test
    public void cookieWhenTokenExpiredThenRefusedAsExpired() {
        IssuedToken token = mint(host(), ALICE, Scope.WRITE, 30);
        String cookie = cookieOf(token);
        Instant past = Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MILLIS);
        TokenStore store = host().bean(TokenStore.class);
        AccessToken expired = token.token().toBuilder().id(0).createdAt(past.minus(Duration.ofDays(1))).expiresAt(past).build();
        store.inTransaction(() -> store.replace(token.token().id(), expired));
        assertInvalidToken(host(), myselfWith(cookie), AuthFailure.EXPIRED, null);
    }

    @Test
    public void cookieWhenOwnerDeactivatedThenRefused() {
        String cookie = cookieOf(mint(host(), ALICE, Scope.WRITE, 30));
        host().users().setActive("alice", false);
        assertInvalidToken(host(), myselfWith(cookie), AuthFailure.INVALID, null);
    }

    @Test
    public void cookieWhenTokensAreTurnedOffThenRefusedAndTheSessionEnds() {
        String cookie = cookieOf(mint(host(), ALICE, Scope.WRITE, 30));
        policy(host(), "invalidateSession", "false", "enabled", "false");
        assertInvalidToken(host(), myselfWith(cookie), AuthFailure.DISABLED, null);
        policy(host(), "invalidateSession", "false");
        assertAnonymousToJira(myselfWith(cookie));
    }
}
