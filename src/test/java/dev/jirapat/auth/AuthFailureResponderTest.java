package dev.jirapat.auth;

import com.atlassian.sal.api.ApplicationProperties;
import dev.jirapat.token.TokenCheck;
import org.junit.Test;

import javax.servlet.http.HttpServletResponse;
import java.io.IOException;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;

public class AuthFailureResponderTest {
    private static final String BASE = "https://jira.example.com/jira";
    private final AuthFailureResponder responder = new AuthFailureResponder(mode -> BASE);

    private static String body(String error, String description) {
        return "{\"error\":\"" + error + "\",\"error_description\":\"" + description + "\",\"errorMessages\":[\""
                + description + "\"],\"errors\":{}}";
    }

    private FakeResponse rejected(TokenCheck outcome) throws IOException {
        FakeResponse r = new FakeResponse();
        responder.rejected(r.proxy(), outcome);
        return r;
    }

    @Test
    public void unknownTokenGets401InvalidTokenWithTheBaseUrlAsRealm() throws IOException {
        FakeResponse r = rejected(TokenCheck.UNKNOWN);
        assertEquals(401, r.status);
        assertEquals("Bearer realm=\"https://jira.example.com/jira\", error=\"invalid_token\", "
                + "error_description=\"The access token is invalid\"", r.headers.get("WWW-Authenticate"));
        assertEquals("application/json;charset=UTF-8", r.contentType);
        assertEquals("no-store", r.headers.get("Cache-Control"));
        assertEquals(body("invalid_token", "The access token is invalid"), r.body());
    }

    @Test
    public void revokedInactiveOwnerAndForeignAddressAllLookLikeAnUnknownToken() throws IOException {
        FakeResponse unknown = rejected(TokenCheck.UNKNOWN);
        for (TokenCheck outcome : new TokenCheck[] {TokenCheck.OWNER_INACTIVE, TokenCheck.IP_NOT_ALLOWED}) {
            FakeResponse r = rejected(outcome);
            assertEquals(outcome.name(), 401, r.status);
            assertEquals(outcome.name(), unknown.headers.get("WWW-Authenticate"), r.headers.get("WWW-Authenticate"));
            assertEquals(outcome.name(), unknown.body(), r.body());
        }
    }

    @Test
    public void expiredTokenSaysSo() throws IOException {
        FakeResponse r = rejected(TokenCheck.EXPIRED);
        assertEquals(401, r.status);
        assertEquals("Bearer realm=\"https://jira.example.com/jira\", error=\"invalid_token\", "
                + "error_description=\"The access token expired\"", r.headers.get("WWW-Authenticate"));
        assertEquals(body("invalid_token", "The access token expired"), r.body());
    }

    @Test
    public void malformedTokenSaysSo() throws IOException {
        FakeResponse r = rejected(TokenCheck.MALFORMED);
        assertEquals(401, r.status);
        assertEquals("Bearer realm=\"https://jira.example.com/jira\", error=\"invalid_token\", "
                + "error_description=\"The access token is malformed\"", r.headers.get("WWW-Authenticate"));
    }

    @Test
    public void readTokenOnAWriteGets403InsufficientScopeNamingTheScopeNeeded() throws IOException {
        FakeResponse r = rejected(TokenCheck.INSUFFICIENT_SCOPE);
        assertEquals(403, r.status);
        assertEquals("Bearer realm=\"https://jira.example.com/jira\", error=\"insufficient_scope\", "
                + "error_description=\"The access token is read-only: it may only be used with GET, HEAD and OPTIONS on the REST API\", "
                + "scope=\"write\"", r.headers.get("WWW-Authenticate"));
        assertEquals(body("insufficient_scope",
                "The access token is read-only: it may only be used with GET, HEAD and OPTIONS on the REST API"), r.body());
    }

    @Test
    public void unreadableHeaderGets400InvalidRequest() throws IOException {
        FakeResponse r = new FakeResponse();
        responder.invalidRequest(r.proxy(), "The Bearer credentials are empty");
        assertEquals(400, r.status);
        assertEquals("Bearer realm=\"https://jira.example.com/jira\", error=\"invalid_request\", "
                + "error_description=\"The Bearer credentials are empty\"", r.headers.get("WWW-Authenticate"));
        assertEquals(body("invalid_request", "The Bearer credentials are empty"), r.body());
    }

    @Test
    public void infrastructureFailureGets503WithRetryAfterAndNoChallenge() throws IOException {
        FakeResponse r = new FakeResponse();
        responder.unavailable(r.proxy());
        assertEquals(503, r.status);
        assertEquals("30", r.headers.get("Retry-After"));
        assertNull(r.headers.get("WWW-Authenticate"));
        assertEquals(body("temporarily_unavailable", "Jira cannot check access tokens right now; try again later"), r.body());
    }

    @Test(expected = IllegalArgumentException.class)
    public void validIsNotAFailure() throws IOException {
        rejected(TokenCheck.VALID);
    }

    @Test
    public void realmIsEscapedAndCannotSplitTheHeader() throws IOException {
        ApplicationProperties hostile = mode -> "https://x\"y\\z\r\nSet-Cookie: a=b";
        FakeResponse r = new FakeResponse();
        new AuthFailureResponder(hostile).invalidToken(r.proxy(), AuthFailureResponder.INVALID);
        String header = r.headers.get("WWW-Authenticate");
        assertEquals("Bearer realm=\"https://x\\\"y\\\\zSet-Cookie: a=b\", error=\"invalid_token\", "
                + "error_description=\"The access token is invalid\"", header);
        assertFalse(header.contains("\n"));
    }

    @Test
    public void unreadableBaseUrlFallsBackToAFixedRealm() throws IOException {
        ApplicationProperties broken = mode -> {
            throw new IllegalStateException("no base URL");
        };
        FakeResponse r = new FakeResponse();
        new AuthFailureResponder(broken).invalidToken(r.proxy(), AuthFailureResponder.INVALID);
        assertEquals(401, r.status);
        assertEquals("Bearer realm=\"Jira\", error=\"invalid_token\", error_description=\"The access token is invalid\"",
                r.headers.get("WWW-Authenticate"));
    }

    /** Only what the responder uses; the unit under test writes, this records. */
    static final class FakeResponse {
        int status = 200;
        String contentType;
        final java.util.Map<String, String> headers = new java.util.HashMap<>();
        final java.io.StringWriter out = new java.io.StringWriter();

        HttpServletResponse proxy() {
            return (HttpServletResponse) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {HttpServletResponse.class}, (p, m, args) -> {
                        switch (m.getName()) {
                            case "setStatus":
                                status = (Integer) args[0];
                                return null;
                            case "setHeader":
                                headers.put((String) args[0], (String) args[1]);
                                return null;
                            case "setContentType":
                                contentType = (String) args[0];
                                return null;
                            case "getWriter":
                                return new java.io.PrintWriter(out);
                            default:
                                throw new UnsupportedOperationException(m.getName());
                        }
                    });
        }

        String body() {
            return out.toString();
        }
    }
}
