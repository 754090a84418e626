package dev.jirapat.auth;

import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.sal.api.auth.AuthenticationListener;
import com.atlassian.sal.api.message.I18nResolver;
import dev.jirapat.devhost.DevUsers;
import dev.jirapat.jira.JiraUsers;
import dev.jirapat.testing.InMemoryTokenStore;
import dev.jirapat.testing.MutableClock;
import dev.jirapat.token.ForwardingTokenStore;
import dev.jirapat.token.TokenStore;
import dev.jirapat.token.AccessToken;
import dev.jirapat.token.Actor;
import dev.jirapat.token.IssuedToken;
import dev.jirapat.token.Scope;
import dev.jirapat.token.TokenMint;
import dev.jirapat.token.TokenPolicy;
import dev.jirapat.token.TokenRequest;
import dev.jirapat.token.TokenService;
import org.junit.Test;

import javax.servlet.FilterChain;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpSession;
import java.lang.reflect.Proxy;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

/**
 * The filter at servlet level, for what real HTTP on this machine cannot show: clients at routable IPv6 addresses
 * (the HTTP tests can only come from loopback) and what the filter leaves on the request for the REST layer.
 */
public class BearerAuthenticationFilterTest {
    private static final String ALICE = "JIRAUSER10100";

    private final DevUsers directory = DevUsers.fixture();
    private final AtomicInteger lookups = new AtomicInteger();
    private final TokenStore store = new ForwardingTokenStore(new InMemoryTokenStore()) {
        @Override
        public Optional<AccessToken> findByHash(String hash) {
            lookups.incrementAndGet();
            return super.findByHash(hash);
        }
    };
    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T10:00:00Z"));
    private TokenPolicy policy = TokenPolicy.defaults();
    private final TokenService service = new TokenService(store, new JiraUsers(directory, directory), () -> policy,
            new TokenMint(new SecureRandom()), clock);
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
    private final BearerAuthenticationFilter filter = new BearerAuthenticationFilter(service, () -> policy,
            new RequestLogin(listener, i18n, directory), new AuthFailureResponder(mode -> "https://jira.example.com"),
            lastUsed, clock);

    private IssuedToken mint(String... allowedIps) {
        return service.create(Actor.user(ALICE), new TokenRequest("t", 30, Scope.WRITE, Arrays.asList(allowedIps))).value();
    }

    /** Runs the filter; returns the request the chain saw, or null when the filter answered itself. */
    private Map<String, Object> run(String token, String remoteAddr, AuthFailureResponderTest.FakeResponse response)
            throws Exception {
        Map<String, Object> attributes = new HashMap<>();
        Map<String, Object> sessionAttributes = new HashMap<>();
        boolean[] invalidated = {false};
        HttpSession session = (HttpSession) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {HttpSession.class},
                (p, m, args) -> {
                    switch (m.getName()) {
                        case "setAttribute":
                            sessionAttributes.put((String) args[0], args[1]);
                            return null;
                        case "invalidate":
                            invalidated[0] = true;
                            return null;
                        default:
                            throw new UnsupportedOperationException(m.getName());
                    }
                });
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (p, m, args) -> {
                    switch (m.getName()) {
                        case "getHeaders":
                            return Collections.enumeration(Collections.singletonList("Bearer " + token));
                        case "getMethod":
                            return "GET";
                        case "getRequestURI":
                            return "/jira/rest/api/2/myself";
                        case "getContextPath":
                            return "/jira";
                        case "getServletPath":
                            return "/rest";
                        case "getPathInfo":
                            return "/api/2/myself";
                        case "getRemoteAddr":
                            return remoteAddr;
                        case "getSession":
                            return args == null || (Boolean) args[0] ? session : (sessionAttributes.isEmpty() ? null : session);
                        case "setAttribute":
                            attributes.put((String) args[0], args[1]);
                            return null;
                        case "getAttribute":
                            return attributes.get((String) args[0]);
                        default:
                            throw new UnsupportedOperationException(m.getName());
                    }
                });
        Map<String, Object> seen = new HashMap<>();
        FilterChain chain = (req, resp) -> {
            seen.put("token", AuthenticatedToken.of(req));
            HttpSession passedDown = ((HttpServletRequest) req).getSession(false);
            seen.put("userId", passedDown == null ? null : passedDown.getAttribute(RequestLogin.LOGGED_IN_USER_ID_KEY));
            seen.put("accessTokenRequest", req.getAttribute(RequestLogin.ACCESS_TOKEN_REQUEST));
            seen.put("alreadyFiltered", req.getAttribute(RequestLogin.ALREADY_FILTERED));
        };
        filter.doFilter(request, response.proxy(), chain);
        seen.put("invalidated", invalidated[0]);
        seen.put("containerSessionUsed", !sessionAttributes.isEmpty());
        return seen.containsKey("token") ? seen : null;
    }

    @Test
    public void routableIpv6ClientInsideTheAllowlistIsLoggedInAndTheRequestNamesItsToken() throws Exception {
        IssuedToken issued = mint("2001:db8::/32");
        AuthFailureResponderTest.FakeResponse response = new AuthFailureResponderTest.FakeResponse();
        Map<String, Object> seen = run(issued.rawToken(), "2001:db8:0:0:0:0:0:5", response);
        assertTrue("the chain ran", seen != null);
        assertEquals(200, response.status);
        assertEquals("alice", ((ApplicationUser) loggedIn.get("principal")).getName());
        assertEquals("alice", seen.get("userId"));
        assertEquals(Boolean.TRUE, seen.get("accessTokenRequest"));
        assertEquals(Boolean.TRUE, seen.get("alreadyFiltered"));
        assertEquals(Optional.of(issued.token().id()), ((Optional<?>) seen.get("token")).map(t -> ((AccessToken) t).id()));
        assertEquals("the login never touches the container's session", Boolean.FALSE, seen.get("containerSessionUsed"));
        assertEquals(Boolean.FALSE, seen.get("invalidated"));
    }

    @Test
    public void bracketedIpv6AsJettyReportsItMatchesToo() throws Exception {
        IssuedToken issued = mint("2001:db8::/32");
        assertTrue(run(issued.rawToken(), "[2001:db8::5]", new AuthFailureResponderTest.FakeResponse()) != null);
    }

    @Test
    public void routableIpv6ClientOutsideTheAllowlistIsRefusedWithoutReachingTheChain() throws Exception {
        IssuedToken issued = mint("2001:db8::/32", "10.0.0.0/8");
        AuthFailureResponderTest.FakeResponse response = new AuthFailureResponderTest.FakeResponse();
        assertNull(run(issued.rawToken(), "2001:db9::5", response));
        assertEquals(401, response.status);
        assertEquals("Bearer realm=\"https://jira.example.com\", error=\"invalid_token\", "
                + "error_description=\"The access token is invalid\"", response.headers.get("WWW-Authenticate"));
        assertFalse(response.body().contains(issued.rawToken()));
        assertTrue("nobody was logged in", loggedIn.isEmpty());
        assertEquals("a refused request records no use", 0, lastUsed.flush());
    }

    @Test
    public void ipv4MappedIpv6ClientMatchesAnIpv4Range() throws Exception {
        IssuedToken issued = mint("192.0.2.0/24");
        assertTrue(run(issued.rawToken(), "::ffff:192.0.2.7", new AuthFailureResponderTest.FakeResponse()) != null);
    }

    // ---- failed checks from one client: throttled before any look-up, other clients untouched

    private void limitFailedChecksTo(int perMinute) {
        Map<String, String> overrides = new HashMap<>();
        overrides.put(TokenPolicy.Setting.FAILED_CHECKS_PER_MINUTE.key(), Integer.toString(perMinute));
        policy = TokenPolicy.defaults().withOverrides(overrides, message -> { });
    }

    /** A well-formed token nobody was issued (its checksum is valid, so it costs a look-up). */
    private static String madeUp() {
        return new TokenMint(new SecureRandom()).mint().reveal();
    }

    @Test
    public void checkWhenAClientExceedsTheFailedCheckRateThen429WithRetryAfterAndNoLookup() throws Exception {
        limitFailedChecksTo(5);
        for (int i = 0; i < 5; i++) {
            AuthFailureResponderTest.FakeResponse refused = new AuthFailureResponderTest.FakeResponse();
            assertNull(run(madeUp(), "203.0.113.9", refused));
            assertEquals(401, refused.status);
        }
        assertEquals("each made-up token with a valid checksum was looked up", 5, lookups.get());
        AuthFailureResponderTest.FakeResponse throttled = new AuthFailureResponderTest.FakeResponse();
        assertNull(run(madeUp(), "203.0.113.9", throttled));
        assertEquals(429, throttled.status);
        assertEquals("12", throttled.headers.get("Retry-After")); // one failure drains in 60 s / 5
        assertNull("a wait, not a challenge", throttled.headers.get("WWW-Authenticate"));
        assertTrue(throttled.body(), throttled.body().contains("\"error\":\"too_many_requests\""));
        assertEquals("no look-up while throttled", 5, lookups.get());
    }

    @Test
    public void checkWhenOneClientIsThrottledThenAValidTokenFromAnotherClientStillWorks() throws Exception {
        limitFailedChecksTo(3);
        for (int i = 0; i < 4; i++) {
            run(madeUp(), "198.51.100.1", new AuthFailureResponderTest.FakeResponse());
        }
        IssuedToken issued = mint();
        AuthFailureResponderTest.FakeResponse fromThere = new AuthFailureResponderTest.FakeResponse();
        assertNull("the throttled client waits even with a valid token", run(issued.rawToken(), "198.51.100.1", fromThere));
        assertEquals(429, fromThere.status);
        assertTrue(run(issued.rawToken(), "198.51.100.2", new AuthFailureResponderTest.FakeResponse()) != null);
    }

    @Test
    public void checkWhenTheRateDrainsThenTheClientMayTryAgain() throws Exception {
        limitFailedChecksTo(2);
        for (int i = 0; i < 2; i++) {
            run(madeUp(), "192.0.2.1", new AuthFailureResponderTest.FakeResponse());
        }
        IssuedToken issued = mint();
        assertNull(run(issued.rawToken(), "192.0.2.1", new AuthFailureResponderTest.FakeResponse()));
        clock.advance(java.time.Duration.ofSeconds(30));
        assertTrue("one failure drained after 30 s", run(issued.rawToken(), "192.0.2.1", new AuthFailureResponderTest.FakeResponse()) != null);
    }

    @Test
    public void checkWhenIpv6ClientsShareA64ThenTheyAreCountedTogether() throws Exception {
        limitFailedChecksTo(2);
        run(madeUp(), "2001:db8:1:2::1", new AuthFailureResponderTest.FakeResponse());
        run(madeUp(), "2001:db8:1:2::ffff", new AuthFailureResponderTest.FakeResponse());
        AuthFailureResponderTest.FakeResponse third = new AuthFailureResponderTest.FakeResponse();
        run(madeUp(), "2001:db8:1:2:abcd::7", third);
        assertEquals(429, third.status);
        AuthFailureResponderTest.FakeResponse otherNetwork = new AuthFailureResponderTest.FakeResponse();
        run(madeUp(), "2001:db8:1:3::1", otherNetwork);
        assertEquals(401, otherNetwork.status);
    }

    @Test
    public void checkWhenTheLimitIsOffThenEveryMadeUpTokenIsLookedUp() throws Exception {
        limitFailedChecksTo(0);
        for (int i = 0; i < 200; i++) {
            AuthFailureResponderTest.FakeResponse refused = new AuthFailureResponderTest.FakeResponse();
            run(madeUp(), "203.0.113.50", refused);
            assertEquals(401, refused.status);
        }
        assertEquals(200, lookups.get());
    }
}
