package dev.jirapat.auth;

import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.sal.api.auth.AuthenticationListener;
import com.atlassian.sal.api.message.I18nResolver;
import dev.jirapat.devhost.DevUsers;
import dev.jirapat.jira.JiraUsers;
import dev.jirapat.testing.ForwardingUsers;
import dev.jirapat.testing.InMemoryTokenStore;
import dev.jirapat.testing.MutableClock;
import dev.jirapat.token.AccessToken;
import dev.jirapat.token.Actor;
import dev.jirapat.token.ForwardingTokenStore;
import dev.jirapat.token.IssuedToken;
import dev.jirapat.token.Scope;
import dev.jirapat.token.TokenChecker;
import dev.jirapat.token.TokenMint;
import dev.jirapat.token.TokenPolicy;
import dev.jirapat.token.TokenRequest;
import dev.jirapat.token.TokenService;
import dev.jirapat.token.TokenServices;
import dev.jirapat.token.InMemoryPolicy;
import dev.jirapat.token.TokenStore;
import dev.jirapat.token.UserAccount;
import dev.jirapat.token.Users;
import org.junit.Test;

import javax.servlet.FilterChain;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

/**
 * The filter at servlet level, for what real HTTP on this machine cannot show: clients at routable IPv6 addresses
 * (the HTTP tests can only come from loopback), what the filter leaves on the request for the REST layer, how
 * often it looks things up, and failures of the store and of the user adapter.
 */
public class BearerAuthenticationFilterTest {
    private static final String ALICE = DevUsers.ALICE_KEY;

    private final DevUsers directory = DevUsers.fixture();
    private final AtomicInteger lookups = new AtomicInteger();
    private final AtomicInteger ownerLookups = new AtomicInteger();
    private volatile boolean storeDown;
    private volatile boolean ownersWithoutHostUser;
    private final TokenStore store = new ForwardingTokenStore(new InMemoryTokenStore()) {
        @Override
        public Optional<AccessToken> findByHash(String hash) {
            if (storeDown) {
                throw new IllegalStateException("database unreachable");
            }
            lookups.incrementAndGet();
            return super.findByHash(hash);
        }
    };
    /** Counts owner look-ups; can also drop the host's user object, as a broken user adapter would. */
    private final Users users = new ForwardingUsers(new JiraUsers(directory, directory, directory)) {
        @Override
        public Optional<UserAccount> byKey(String key) {
            ownerLookups.incrementAndGet();
            Optional<UserAccount> found = super.byKey(key);
            return ownersWithoutHostUser ? found.map(u -> new UserAccount(u.key(), u.username(), u.displayName(),
                    u.email(), u.active())) : found;
        }
    };
    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T10:00:00Z"));
    private final Map<String, String> overrides = new HashMap<>();
    private final InMemoryPolicy policy = new InMemoryPolicy(overrides);
    private final TokenService service = TokenServices.of(store, users, policy, clock);
    private final Map<String, Object> loggedIn = new HashMap<>();
    private final AuthenticationListener listener = (result, req, resp) -> loggedIn.put("principal", result.getPrincipal());
    private final I18nResolver i18n = new I18nResolver() {
        @Override
        public String getText(String key, java.io.Serializable... arguments) {
            return key;
        }

        @Override
        public com.atlassian.sal.api.message.Message createMessage(String key, java.io.Serializable... arguments) {
            return null;
        }
    };
    private final LastUsedRecorder lastUsed = new LastUsedRecorder(store, 60);
    private final BearerAuthenticationFilter filter = new BearerAuthenticationFilter(new TokenChecker(store, users),
            policy, new RequestLogin(listener, i18n), new AuthFailureResponder(mode -> "https://jira.example.com"),
            lastUsed, clock);

    private IssuedToken mint(String... allowedIps) {
        return service.create(Actor.user(ALICE), new TokenRequest("t", 30, Scope.WRITE, Arrays.asList(allowedIps))).value();
    }

    /** Runs the filter; returns what the chain saw, or null when the filter answered itself. */
    private Map<String, Object> run(FakeRequest request, FakeResponse response) throws Exception {
        Map<String, Object> seen = new HashMap<>();
        FilterChain chain = (req, resp) -> {
            seen.put("token", AuthenticatedToken.of(req));
            HttpSession passedDown = ((HttpServletRequest) req).getSession(false);
            seen.put("userId", passedDown == null ? null : passedDown.getAttribute(RequestLogin.LOGGED_IN_USER_ID_KEY));
            seen.put("accessTokenRequest", req.getAttribute(RequestLogin.ACCESS_TOKEN_REQUEST));
            seen.put("alreadyFiltered", req.getAttribute(RequestLogin.ALREADY_FILTERED));
        };
        filter.doFilter(request, response, chain);
        return seen.isEmpty() ? null : seen;
    }

    private Map<String, Object> run(String token, String remoteAddr, FakeResponse response) throws Exception {
        return run(FakeRequest.myself().bearer(token).from(remoteAddr), response);
    }

    @Test
    public void routableIpv6ClientInsideTheAllowlistIsLoggedInAndTheRequestNamesItsToken() throws Exception {
        IssuedToken issued = mint("2001:db8::/32");
        FakeRequest request = FakeRequest.myself().bearer(issued.rawToken()).from("2001:db8:0:0:0:0:0:5");
        FakeResponse response = new FakeResponse();
        Map<String, Object> seen = run(request, response);
        assertTrue("the chain ran", seen != null);
        assertEquals(200, response.getStatus());
        assertEquals("alice", ((ApplicationUser) loggedIn.get("principal")).getName());
        assertEquals("alice", seen.get("userId"));
        assertEquals(Boolean.TRUE, seen.get("accessTokenRequest"));
        assertEquals(Boolean.TRUE, seen.get("alreadyFiltered"));
        assertEquals(Optional.of(issued.token().id()), ((Optional<?>) seen.get("token")).map(t -> ((AccessToken) t).id()));
        assertNull("the login never touches the container's session", request.containerSession());
        assertEquals(0, request.sessionsCreated());
    }

    @Test
    public void bracketedIpv6AsJettyReportsItMatchesToo() throws Exception {
        IssuedToken issued = mint("2001:db8::/32");
        assertTrue(run(issued.rawToken(), "[2001:db8::5]", new FakeResponse()) != null);
    }

    @Test
    public void routableIpv6ClientOutsideTheAllowlistIsRefusedWithoutReachingTheChain() throws Exception {
        IssuedToken issued = mint("2001:db8::/32", "10.0.0.0/8");
        FakeResponse response = new FakeResponse();
        assertNull(run(issued.rawToken(), "2001:db9::5", response));
        assertEquals(401, response.getStatus());
        assertEquals("Bearer realm=\"https://jira.example.com\", error=\"invalid_token\", "
                + "error_description=\"The access token is invalid\"", response.getHeader("WWW-Authenticate"));
        assertFalse(response.body().contains(issued.rawToken()));
        assertTrue("nobody was logged in", loggedIn.isEmpty());
        assertEquals("a refused request records no use", 0, lastUsed.flush());
    }

    @Test
    public void ipv4MappedIpv6ClientMatchesAnIpv4Range() throws Exception {
        IssuedToken issued = mint("192.0.2.0/24");
        assertTrue(run(issued.rawToken(), "::ffff:192.0.2.7", new FakeResponse()) != null);
    }

    @Test
    public void acceptedRequestLooksTheOwnerUpOnceAndLogsInTheAccountTheCheckSaw() throws Exception {
        IssuedToken issued = mint();
        ownerLookups.set(0);
        assertNotNull(run(issued.rawToken(), "192.0.2.1", new FakeResponse()));
        assertEquals("one owner look-up per request", 1, ownerLookups.get());
        assertEquals(1, lookups.get());
    }

    @Test
    public void basicWithTheOwnersNameInAnyCaseIsLoggedInAndWithAnotherNameRefused() throws Exception {
        overrides.put(TokenPolicy.Setting.ALLOW_BASIC_AUTH.key(), "true");
        IssuedToken issued = mint();
        assertNotNull(run(FakeRequest.myself().header("Authorization", basic("ALICE", issued.rawToken())), new FakeResponse()));
        FakeResponse bob = new FakeResponse();
        assertNull(run(FakeRequest.myself().header("Authorization", basic("bob", issued.rawToken())), bob));
        assertEquals(401, bob.getStatus());
        assertEquals(AuthFailureResponderTest.body("invalid_token", AuthFailure.INVALID), bob.body());
    }

    @Test
    public void basicWithATokenWhileBasicIsOffIsLeftToJiraUnchecked() throws Exception {
        IssuedToken issued = mint();
        FakeRequest request = FakeRequest.myself().header("Authorization", basic("alice", issued.rawToken()));
        Map<String, Object> seen = run(request, new FakeResponse());
        assertNotNull("passed on", seen);
        assertEquals(Optional.empty(), seen.get("token"));
        assertEquals("no look-up", 0, lookups.get());
    }

    @Test
    public void storeFailureIs503AndNeverAnonymous() throws Exception {
        IssuedToken issued = mint();
        storeDown = true;
        FakeResponse response = new FakeResponse();
        assertNull("the chain never runs", run(issued.rawToken(), "192.0.2.1", response));
        assertEquals(503, response.getStatus());
        assertEquals("30", response.getHeader("Retry-After"));
        assertNull(response.getHeader("WWW-Authenticate"));
        assertTrue(loggedIn.isEmpty());
    }

    @Test
    public void userAdapterWithoutAHostUserToLogInIs503AndNeverAnonymous() throws Exception {
        IssuedToken issued = mint();
        ownersWithoutHostUser = true;
        FakeResponse response = new FakeResponse();
        assertNull(run(issued.rawToken(), "192.0.2.1", response));
        assertEquals(503, response.getStatus());
        assertEquals("a request that was not served records no use", 0, lastUsed.flush());
    }

    @Test
    public void sessionStartedByATokenIsThatTokensUntilItIsRevoked() throws Exception {
        overrides.put(TokenPolicy.Setting.INVALIDATE_SESSION.key(), "false");
        IssuedToken issued = mint();
        FakeRequest first = FakeRequest.myself().bearer(issued.rawToken());
        assertNotNull(run(first, new FakeResponse()));
        FakeSession session = first.containerSession();
        assertNotNull("with invalidation off the login goes into the container session", session);

        Map<String, Object> onCookie = run(FakeRequest.myself().onSession(session), new FakeResponse());
        assertNotNull("a later request on its cookie is served", onCookie);
        assertEquals(Optional.of(issued.token().id()), ((Optional<?>) onCookie.get("token")).map(t -> ((AccessToken) t).id()));

        service.revoke(Actor.user(ALICE), issued.token().id());
        FakeResponse refused = new FakeResponse();
        assertNull(run(FakeRequest.myself().onSession(session), refused));
        assertEquals(401, refused.getStatus());
        assertTrue("the session ends with its token", session.isInvalidated());
    }

    // ---- failed checks from one client: throttled before any look-up, other clients untouched

    private void limitFailedChecksTo(int perMinute) {
        overrides.put(TokenPolicy.Setting.FAILED_CHECKS_PER_MINUTE.key(), Integer.toString(perMinute));
    }

    private static String basic(String username, String token) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + token).getBytes(StandardCharsets.UTF_8));
    }

    /** A well-formed token nobody was issued (its checksum is valid, so it costs a look-up). */
    private static String madeUp() {
        return new TokenMint(new SecureRandom()).mint().reveal();
    }

    @Test
    public void checkWhenAClientExceedsTheFailedCheckRateThen429WithRetryAfterAndNoLookup() throws Exception {
        limitFailedChecksTo(5);
        for (int i = 0; i < 5; i++) {
            FakeResponse refused = new FakeResponse();
            assertNull(run(madeUp(), "203.0.113.9", refused));
            assertEquals(401, refused.getStatus());
        }
        assertEquals("each made-up token with a valid checksum was looked up", 5, lookups.get());
        FakeResponse throttled = new FakeResponse();
        assertNull(run(madeUp(), "203.0.113.9", throttled));
        assertEquals(429, throttled.getStatus());
        assertEquals("12", throttled.getHeader("Retry-After")); // one failure drains in 60 s / 5
        assertNull("a wait, not a challenge", throttled.getHeader("WWW-Authenticate"));
        assertTrue(throttled.body(), throttled.body().contains("\"errorCode\":\"too_many_requests\""));
        assertEquals("no look-up while throttled", 5, lookups.get());
    }

    @Test
    public void checkWhenOneClientIsThrottledThenAValidTokenFromAnotherClientStillWorks() throws Exception {
        limitFailedChecksTo(3);
        for (int i = 0; i < 4; i++) {
            run(madeUp(), "198.51.100.1", new FakeResponse());
        }
        IssuedToken issued = mint();
        FakeResponse fromThere = new FakeResponse();
        assertNull("the throttled client waits even with a valid token", run(issued.rawToken(), "198.51.100.1", fromThere));
        assertEquals(429, fromThere.getStatus());
        assertTrue(run(issued.rawToken(), "198.51.100.2", new FakeResponse()) != null);
    }

    @Test
    public void checkWhenTheRateDrainsThenTheClientMayTryAgain() throws Exception {
        limitFailedChecksTo(2);
        for (int i = 0; i < 2; i++) {
            run(madeUp(), "192.0.2.1", new FakeResponse());
        }
        IssuedToken issued = mint();
        assertNull(run(issued.rawToken(), "192.0.2.1", new FakeResponse()));
        clock.advance(java.time.Duration.ofSeconds(30));
        assertTrue("one failure drained after 30 s", run(issued.rawToken(), "192.0.2.1", new FakeResponse()) != null);
    }

    @Test
    public void checkWhenIpv6ClientsShareA64ThenTheyAreCountedTogether() throws Exception {
        limitFailedChecksTo(2);
        run(madeUp(), "2001:db8:1:2::1", new FakeResponse());
        run(madeUp(), "2001:db8:1:2::ffff", new FakeResponse());
        FakeResponse third = new FakeResponse();
        run(madeUp(), "2001:db8:1:2:abcd::7", third);
        assertEquals(429, third.getStatus());
        FakeResponse otherNetwork = new FakeResponse();
        run(madeUp(), "2001:db8:1:3::1", otherNetwork);
        assertEquals(401, otherNetwork.getStatus());
    }

    @Test
    public void checkWhenTheLimitIsOffThenEveryMadeUpTokenIsLookedUp() throws Exception {
        limitFailedChecksTo(0);
        for (int i = 0; i < 200; i++) {
            FakeResponse refused = new FakeResponse();
            run(madeUp(), "203.0.113.50", refused);
            assertEquals(401, refused.getStatus());
        }
        assertEquals(200, lookups.get());
    }
}
