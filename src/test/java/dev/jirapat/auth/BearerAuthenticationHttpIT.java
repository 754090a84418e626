package dev.jirapat.auth;

import dev.jirapat.devhost.DevHost;
import dev.jirapat.devhost.DevHostRule;
import dev.jirapat.devhost.HttpCall;
import dev.jirapat.token.AccessToken;
import dev.jirapat.token.Actor;
import dev.jirapat.token.IssuedToken;
import dev.jirapat.token.Scope;
import dev.jirapat.token.TokenMint;
import dev.jirapat.token.TokenService;
import dev.jirapat.token.TokenStore;
import org.junit.After;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import static dev.jirapat.auth.BearerHttp.ALICE;
import static dev.jirapat.auth.BearerHttp.BOB;
import static dev.jirapat.auth.BearerHttp.assertAnonymousToJira;
import static dev.jirapat.auth.BearerHttp.assertInvalidToken;
import static dev.jirapat.auth.BearerHttp.assertRefused;
import static dev.jirapat.auth.BearerHttp.assertServedAs;
import static dev.jirapat.auth.BearerHttp.json;
import static dev.jirapat.auth.BearerHttp.mint;
import static dev.jirapat.auth.BearerHttp.myself;
import static dev.jirapat.auth.BearerHttp.policy;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

/**
 * The Bearer filter end to end over real HTTP against the dev host: every case asserts the
 * status, the challenge, the body, and whom {@code GET /rest/api/2/myself} serves. The class rule fails the
 * class if any log line of the run holds a full token.
 */
public class BearerAuthenticationHttpIT {
    @ClassRule
    public static final DevHostRule HOST = new DevHostRule(() -> DevHost.Config.forTest().lastUseFlushSeconds(1));

    @ClassRule
    public static final TokenLogScan LOG = new TokenLogScan();

    private static DevHost host;

    @BeforeClass
    public static void startHost() {
        host = HOST.host();
        policy(host);
    }


    @After
    public void resetPolicyAndUsers() {
        policy(host);
        host.users().setActive("bob", true);
    }

    private static HttpCall.Response withHeader(String path, String authorization) {
        return HttpCall.to(host).get(path).header("Authorization", authorization).send();
    }

    private static TokenService service() {
        return host.bean(TokenService.class);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String brokenChecksum(String token) {
        char last = token.charAt(token.length() - 1);
        return token.substring(0, token.length() - 1) + (last == 'a' ? 'b' : 'a');
    }

    // ---- valid tokens

    @Test
    public void bearerTokenIsServedAsItsOwner() {
        String token = mint(host, ALICE);
        assertServedAs(myself(host, token), "alice");
        assertServedAs(myself(host, token), "alice"); // and again, from the cache
    }

    @Test
    public void schemeIsMatchedCaseInsensitively() {
        String token = mint(host, BOB);
        for (String scheme : new String[] {"bearer", "BEARER", "bEaReR"}) {
            assertServedAs(withHeader("/rest/api/2/myself", scheme + " " + token), "bob");
        }
    }

    @Test
    public void readTokenCanReadAnIssue() {
        String token = mint(host, ALICE, Scope.READ, 30).rawToken();
        HttpCall.Response r = HttpCall.to(host).get("/rest/api/2/issue/DEMO-1").bearer(token).send();
        assertEquals(r.toString(), 200, r.status);
        assertEquals("DEMO-1", json(r).path("key").getTextValue());
        assertEquals(200, HttpCall.to(host).method("HEAD", "/rest/api/2/myself").bearer(token).send().status);
        assertServedAs(myself(host, token), "alice");
    }

    @Test
    public void readTokenCannotPostACommentAndNothingIsWritten() {
        String token = mint(host, ALICE, Scope.READ, 30).rawToken();
        int before = comments("DEMO-2");
        HttpCall.Response r = HttpCall.to(host).post("/rest/api/2/issue/DEMO-2/comment").bearer(token)
                .json("{\"body\":\"from a read token\"}").send();
        assertRefused(host, r, 403, "insufficient_scope", AuthFailure.READ_ONLY, ", scope=\"write\"", token);
        assertEquals("no comment was added", before, comments("DEMO-2"));
        assertServedAs(myself(host, token), "alice"); // the token itself is fine for reading
    }

    @Test
    public void readTokenOutsideTheRestApiIsRefusedEvenForGet() {
        String token = mint(host, ALICE, Scope.READ, 30).rawToken();
        HttpCall.Response r = HttpCall.to(host).get("/secure/ViewProfile.jspa").bearer(token).send();
        assertRefused(host, r, 403, "insufficient_scope", AuthFailure.READ_ONLY, ", scope=\"write\"", token);
        String writeToken = mint(host, ALICE);
        assertEquals("a write token may use the web UI", 200,
                HttpCall.to(host).get("/secure/ViewProfile.jspa").bearer(writeToken).send().status);
    }

    @Test
    public void writeTokenCanPostAComment() {
        String token = mint(host, BOB);
        HttpCall.Response r = HttpCall.to(host).post("/rest/api/2/issue/DEMO-3/comment").bearer(token)
                .json("{\"body\":\"from a write token\"}").send();
        assertEquals(r.toString(), 201, r.status);
        assertEquals("bob", json(r).path("author").path("name").getTextValue());
        assertServedAs(myself(host, token), "bob");
    }

    private static int comments(String issue) {
        HttpCall.Response r = HttpCall.to(host).get("/rest/api/2/issue/" + issue).basic("alice", "alice").send();
        return json(r).path("fields").path("comment").path("total").getIntValue();
    }

    // ---- not ours: untouched

    @Test
    public void requestWithoutAuthorizationIsLeftToJira() {
        assertAnonymousToJira(HttpCall.to(host).get("/rest/api/2/myself").send());
        assertEquals(200, HttpCall.to(host).get("/rest/api/2/serverInfo").send().status);
    }

    @Test
    public void otherSchemesAndOtherIssuersTokensPassUntouched() {
        String ours = mint(host, ALICE);
        String[] notOurs = {
                "Negotiate YIIGhgYGKwYBBQUCoIIGejCCBnagMDAuBgkqhkiG",
                "Bearer NjM0NzE2OTk3MDk2OvcQ9Xi8NNZ4kaKO5JDzbbLbVmDk", // Jira's own PAT
                "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl", // an OAuth 2.0 access token
                "Bearer " + Base64.getEncoder().encodeToString(ours.getBytes(StandardCharsets.US_ASCII)),
                "Token " + ours,
        };
        for (String header : notOurs) {
            assertAnonymousToJira(withHeader("/rest/api/2/myself", header));
            HttpCall.Response info = withHeader("/rest/api/2/serverInfo", header);
            assertEquals(header, 200, info.status);
            assertNull(info.header("WWW-Authenticate"));
        }
    }

    // ---- ours and bad: refused, never anonymous

    @Test
    public void tokenWithABrokenChecksumIsRefusedAsMalformed() {
        String bad = brokenChecksum(mint(host, ALICE));
        assertInvalidToken(host, myself(host, bad), AuthFailure.MALFORMED, bad);
        // also on an endpoint anonymous callers may use: a bad token is never served anonymously
        assertInvalidToken(host, HttpCall.to(host).get("/rest/api/2/serverInfo").bearer(bad).send(),
                AuthFailure.MALFORMED, bad);
    }

    @Test
    public void wellFormedUnknownTokenIsRefused() {
        String token = mint(host, ALICE);
        service().revokeAllOf(Actor.user(ALICE), ALICE); // gone before it was ever used
        assertInvalidToken(host, myself(host, token), AuthFailure.INVALID, token);
    }

    @Test
    public void revokedTokenFailsOnTheVeryNextRequest() {
        IssuedToken issued = mint(host, ALICE, Scope.WRITE, 30);
        String token = issued.rawToken();
        assertServedAs(myself(host, token), "alice");
        assertServedAs(myself(host, token), "alice"); // certainly cached now
        assertFalse(service().revoke(Actor.user(ALICE), issued.token().id()).isRejected());
        assertInvalidToken(host, myself(host, token), AuthFailure.INVALID, token);
    }

    @Test
    public void rotatedTokenStopsAtOnceAndItsSuccessorWorks() {
        IssuedToken issued = mint(host, BOB, Scope.WRITE, 30);
        assertServedAs(myself(host, issued.rawToken()), "bob");
        IssuedToken successor = service().rotate(Actor.user(BOB), issued.token().id()).value();
        assertInvalidToken(host, myself(host, issued.rawToken()), AuthFailure.INVALID, issued.rawToken());
        assertServedAs(myself(host, successor.rawToken()), "bob");
    }

    @Test
    public void expiredTokenIsRefusedAndSaysExpired() {
        IssuedToken issued = mint(host, ALICE, Scope.WRITE, 30);
        assertServedAs(myself(host, issued.rawToken()), "alice");
        Instant past = Instant.now().minus(Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        replace(issued.token(), issued.token().toBuilder().id(0).createdAt(past.minus(Duration.ofDays(1))).expiresAt(past).build());
        assertInvalidToken(host, myself(host, issued.rawToken()), AuthFailure.EXPIRED, issued.rawToken());
    }

    @Test
    public void tokenOfAnInactiveOwnerIsRefused() {
        String token = mint(host, BOB);
        assertServedAs(myself(host, token), "bob");
        host.users().setActive("bob", false);
        assertInvalidToken(host, myself(host, token), AuthFailure.INVALID, token);
        host.users().setActive("bob", true);
        assertServedAs(myself(host, token), "bob");
    }

    @Test
    public void tokenOfADeletedOwnerIsRefused() {
        IssuedToken issued = mint(host, ALICE, Scope.WRITE, 30);
        AccessToken orphan = replace(issued.token(),
                issued.token().toBuilder().id(0).ownerKey("JIRAUSER99999").createdBy("JIRAUSER99999").build());
        try {
            assertInvalidToken(host, myself(host, issued.rawToken()), AuthFailure.INVALID, issued.rawToken());
        } finally {
            TokenStore store = host.bean(TokenStore.class);
            store.inTransaction(() -> store.delete(orphan.id())); // it still holds one of alice's places
        }
    }

    /** Swaps a stored token's row for another with the same hash (how expiry or a vanished owner is staged). */
    private static AccessToken replace(AccessToken old, AccessToken replacement) {
        TokenStore store = host.bean(TokenStore.class);
        return store.inTransaction(() -> store.replace(old.id(), replacement)).get();
    }

    @Test
    public void twoAuthorizationHeadersAreABadRequest() {
        String token = mint(host, ALICE);
        HttpCall.Response r = HttpCall.to(host).get("/rest/api/2/myself").bearer(token).basic("alice", "alice").send();
        assertRefused(host, r, 400, "invalid_request", "The request has more than one Authorization header", "", token);
    }

    @Test
    public void emptyBearerValueIsABadRequest() {
        HttpCall.Response r = withHeader("/rest/api/2/myself", "Bearer ");
        assertRefused(host, r, 400, "invalid_request", "The Bearer credentials are empty", "", null);
    }

    @Test
    public void bearerValueWithTwoWordsIsABadRequest() {
        String token = mint(host, ALICE);
        HttpCall.Response r = withHeader("/rest/api/2/myself", "Bearer " + token + " " + token);
        assertRefused(host, r, 400, "invalid_request", "The Bearer credentials are not a single token", "", token);
    }

    @Test
    public void tokensAreRefusedWhileTheFeatureIsTurnedOff() {
        String token = mint(host, ALICE);
        policy(host, "enabled", "false");
        assertInvalidToken(host, myself(host, token), AuthFailure.DISABLED, token);
        policy(host);
        assertServedAs(myself(host, token), "alice");
    }

    // ---- IP allowlists (IPv4 here; IPv6 in BearerIpv6HttpIT)

    @Test
    public void ipv4AllowlistAdmitsTheClientInsideAndRefusesOutside() {
        String inside = mint(host, ALICE, Scope.WRITE, 30, "127.0.0.0/8").rawToken();
        String single = mint(host, ALICE, Scope.WRITE, 30, "127.0.0.1").rawToken();
        String outside = mint(host, ALICE, Scope.WRITE, 30, "10.0.0.0/8", "192.168.1.1").rawToken();
        assertServedAs(myself(host, inside), "alice");
        assertServedAs(myself(host, single), "alice");
        assertInvalidToken(host, myself(host, outside), AuthFailure.INVALID, outside);
    }

    @Test
    public void ipv6OnlyAllowlistRefusesAnIpv4Client() {
        String token = mint(host, ALICE, Scope.WRITE, 30, "::1", "2001:db8::/32").rawToken();
        assertInvalidToken(host, myself(host, token), AuthFailure.INVALID, token);
    }

    // ---- Basic with a token as the password

    @Test
    public void basicWithATokenIsJustAWrongPasswordWhileBasicIsOff() {
        String token = mint(host, ALICE);
        HttpCall.Response r = withHeader("/rest/api/2/myself", basic("alice", token));
        assertEquals(r.toString(), 401, r.status);
        assertEquals("the host's Basic challenge, not ours", "Basic realm=\"protected-area\"", r.header("WWW-Authenticate"));
        assertFalse(r.body.contains("\"name\":\"alice\""));
        assertFalse(r.body.contains(token));
    }

    @Test
    public void basicWithItsOwnersNameAndTokenAuthenticatesWhileBasicIsOn() {
        String token = mint(host, ALICE);
        policy(host, "allowBasicAuth", "true");
        assertServedAs(withHeader("/rest/api/2/myself", basic("alice", token)), "alice");
        assertServedAs(withHeader("/rest/api/2/myself", basic("ALICE", token)), "alice"); // Jira names ignore case
    }

    @Test
    public void basicWithAnotherUsersNameIsRefusedWhileBasicIsOn() {
        String token = mint(host, ALICE);
        policy(host, "allowBasicAuth", "true");
        assertInvalidToken(host, withHeader("/rest/api/2/myself", basic("bob", token)), AuthFailure.INVALID, token);
        assertInvalidToken(host, withHeader("/rest/api/2/myself", basic("", token)), AuthFailure.INVALID, token);
    }

    @Test
    public void basicWithABrokenTokenIsRefusedWhileBasicIsOn() {
        String bad = brokenChecksum(mint(host, ALICE));
        policy(host, "allowBasicAuth", "true");
        assertInvalidToken(host, withHeader("/rest/api/2/myself", basic("alice", bad)), AuthFailure.MALFORMED, bad);
    }

    @Test
    public void basicWithAPasswordStillWorksWhileBasicIsOn() {
        policy(host, "allowBasicAuth", "true");
        assertServedAs(HttpCall.to(host).get("/rest/api/2/myself").basic("alice", "alice").send(), "alice");
    }

    // ---- sessions

    @Test
    public void sessionOfOneUserWithATokenOfAnotherIsServedAsTheTokenOwnerAndTheSessionIsLeftAlone() throws Exception {
        HttpClient browser = HttpCall.browser();
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(host.baseUri() + "/login.jsp"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("os_username=alice&os_password=alice&os_destination=/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(login.toString(), 302, login.statusCode());
        assertServedAs(HttpCall.with(host, browser).get("/rest/api/2/myself").send(), "alice");

        String bobs = mint(host, BOB);
        assertServedAs(HttpCall.with(host, browser).get("/rest/api/2/myself").bearer(bobs).send(), "bob");
        // The token's login lived in a session private to that request: alice's session never saw bob.
        assertServedAs(HttpCall.with(host, browser).get("/rest/api/2/myself").send(), "alice");
    }

    @Test
    public void tokenRequestSetsNoCookieSoNothingCanBeReplayed() {
        String token = mint(host, ALICE);
        HttpClient browser = HttpCall.browser();
        HttpCall.Response r = HttpCall.with(host, browser).get("/rest/api/2/myself").bearer(token).send();
        assertServedAs(r, "alice");
        assertNull("a token request must not create a session: " + r, r.header("Set-Cookie"));
        // Whatever the client kept from that response, without the token it is anonymous.
        assertAnonymousToJira(HttpCall.with(host, browser).get("/rest/api/2/myself").send());
    }

    @Test
    public void replayedCookieStaysLoggedInWhenTheAdminTurnsSessionInvalidationOff() {
        policy(host, "invalidateSession", "false");
        String token = mint(host, ALICE);
        HttpCall.Response r = myself(host, token);
        assertServedAs(r, "alice");
        assertServedAs(HttpCall.to(host).get("/rest/api/2/myself").header("Cookie", sessionCookie(r)).send(), "alice");
    }

    @Test
    public void withSessionInvalidationOffABrowserSessionNeverChangesUser() throws Exception {
        policy(host, "invalidateSession", "false");
        HttpClient browser = HttpCall.browser();
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(host.baseUri() + "/login.jsp"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("os_username=alice&os_password=alice&os_destination=/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(login.toString(), 302, login.statusCode());
        assertServedAs(HttpCall.with(host, browser).get("/rest/api/2/myself").bearer(mint(host, BOB)).send(), "bob");
        assertServedAs(HttpCall.with(host, browser).get("/rest/api/2/myself").send(), "alice");
    }

    private static String sessionCookie(HttpCall.Response r) {
        String setCookie = r.header("Set-Cookie");
        assertNotNull("a token request gets a session (SAL's listener creates it): " + r, setCookie);
        assertTrue(setCookie, setCookie.startsWith("JSESSIONID="));
        return setCookie.split(";", 2)[0];
    }

    // ---- last use, logging

    @Test
    public void lastUseIsWrittenByTheBatchFlush() throws Exception {
        IssuedToken issued = mint(host, BOB, Scope.WRITE, 30);
        Instant before = Instant.now().minusMillis(5);
        assertServedAs(myself(host, issued.rawToken()), "bob");
        Instant after = Instant.now().plusMillis(5);
        Optional<AccessToken> stored = Optional.empty();
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            stored = service().get(Actor.user(BOB), issued.token().id());
            if (stored.isPresent() && stored.get().lastUsedAt().isPresent()) {
                break;
            }
            Thread.sleep(100);
        }
        assertTrue("the flush (every 1 s in this test) never wrote the use", stored.isPresent() && stored.get().lastUsedAt().isPresent());
        Instant at = stored.get().lastUsedAt().get();
        assertTrue(at + " not within the request", !at.isBefore(before) && !at.isAfter(after));
        assertEquals(Optional.of("127.0.0.1"), stored.get().lastUsedIp());
    }

    @Test
    public void eachRefusalLogsOneInfoLineWithTheReasonAndHintAndSuccessLogsNothingAboveDebug() {
        // From an address of its own: refusals are logged once per reason per client per minute.
        String client = "127.0.0.71";
        IssuedToken issued = mint(host, ALICE, Scope.READ, 30);
        int mark = LOG.snapshot().size();
        assertServedAs(HttpCall.to(host).get("/rest/api/2/myself").bearer(issued.rawToken()).from(client).sendVerbatim(), "alice");
        HttpCall.to(host).post("/rest/api/2/issue/DEMO-1/comment").bearer(issued.rawToken()).json("{\"body\":\"x\"}")
                .from(client).sendVerbatim();
        String unknown = brokenChecksum(issued.rawToken());
        HttpCall.to(host).get("/rest/api/2/myself").bearer(unknown).from(client).sendVerbatim();
        List<String> lines = LOG.snapshot().subList(mark, LOG.snapshot().size());
        List<String> filterLines = new java.util.ArrayList<>();
        for (String line : lines) {
            if (line.contains(BearerAuthenticationFilter.class.getName())) {
                filterLines.add(line);
            }
        }
        long info = filterLines.stream().filter(l -> l.contains(" INFO ")).count();
        assertEquals("one INFO line per refusal: " + filterLines, 2, info);
        assertTrue(filterLines.toString(), filterLines.stream().anyMatch(l -> l.contains(" INFO ")
                && l.contains("INSUFFICIENT_SCOPE") && l.contains(issued.token().hint())));
        assertTrue(filterLines.toString(), filterLines.stream().anyMatch(l -> l.contains(" INFO ")
                && l.contains("MALFORMED") && !l.contains("jpat_")));
        assertTrue("the success is logged at DEBUG only: " + filterLines,
                filterLines.stream().anyMatch(l -> l.contains(" DEBUG ") && l.contains(issued.token().hint())));
        assertTrue(filterLines.stream().noneMatch(l -> l.contains(" WARN ") || l.contains(" ERROR ")));
    }

    @Test
    public void floodOfMadeUpTokensFromOneClientLogsOneLineNotOnePerRequest() {
        policy(host, "failedChecksPerMinute", "0");
        String client = "127.0.0.72";
        int mark = LOG.snapshot().size();
        for (int i = 0; i < 300; i++) {
            HttpCall.Response r = HttpCall.to(host).get("/rest/api/2/myself").bearer(madeUp()).from(client).sendVerbatim();
            assertEquals(r.toString(), 401, r.status);
        }
        long lines = LOG.snapshot().subList(mark, LOG.snapshot().size()).stream()
                .filter(l -> l.contains(" INFO ") && l.contains("Refused a token from " + client)).count();
        assertEquals("300 refusals of one reason from one client within a minute", 1, lines);
    }

    @Test
    public void floodOfMadeUpTokensBeyondTheLimitGets429WhileOtherClientsAreServed() {
        policy(host, "failedChecksPerMinute", "10");
        String client = "127.0.0.73";
        for (int i = 0; i < 10; i++) {
            assertEquals(401, HttpCall.to(host).get("/rest/api/2/myself").bearer(madeUp()).from(client).sendVerbatim().status);
        }
        HttpCall.Response throttled = HttpCall.to(host).get("/rest/api/2/myself").bearer(madeUp()).from(client).sendVerbatim();
        assertEquals(throttled.toString(), 429, throttled.status);
        int retryAfter = Integer.parseInt(throttled.header("Retry-After"));
        assertTrue("one failure drains in 6 s: " + retryAfter, retryAfter >= 1 && retryAfter <= 6);
        assertEquals("too_many_requests", json(throttled).path("errorCode").getTextValue());
        assertEquals(AuthFailure.THROTTLED, json(throttled).path("error").getTextValue());
        assertNull(throttled.header("WWW-Authenticate"));
        assertServedAs(HttpCall.to(host).get("/rest/api/2/myself").bearer(mint(host, ALICE)).from("127.0.0.74").sendVerbatim(),
                "alice");
    }

    @Test
    public void failedChecksPerMinuteIsAnAdminSettingShownByTheApi() {
        policy(host, "failedChecksPerMinute", "25");
        HttpCall.Response r = HttpCall.to(host).get("/rest/pat/latest/admin/settings").basic("admin", "admin").send();
        assertEquals(25, json(r).path("failedChecksPerMinute").getIntValue());
    }

    private static String madeUp() {
        return new TokenMint(new java.security.SecureRandom()).mint().reveal();
    }
}
