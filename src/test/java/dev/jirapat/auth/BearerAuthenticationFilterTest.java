package dev.jirapat.auth;

import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.sal.api.auth.AuthenticationListener;
import com.atlassian.sal.api.message.I18nResolver;
import dev.jirapat.devhost.DevUsers;
import dev.jirapat.jira.JiraUsers;
import dev.jirapat.testing.InMemoryTokenStore;
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
import java.time.Clock;
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
    private final InMemoryTokenStore store = new InMemoryTokenStore();
    private final TokenPolicy policy = TokenPolicy.defaults();
    private final TokenService service = new TokenService(store, new JiraUsers(directory, directory), () -> policy,
            new TokenMint(new SecureRandom()), Clock.systemUTC());
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
            lastUsed, Clock.systemUTC());

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
            seen.put("token", TokenRequests.of(req));
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
}
