package dev.jirapat.auth;

import com.atlassian.sal.api.ApplicationProperties;
import dev.jirapat.token.TokenRefusal;
import org.junit.Test;

import java.io.IOException;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

public class AuthFailureResponderTest {
    private static final String BASE = "https://jira.example.com/jira";
    private final AuthFailureResponder responder = new AuthFailureResponder(mode -> BASE);

    /** Jira's REST error shape: the message in error and errorMessages, the RFC 6750 code in errorCode. */
    static String body(String errorCode, String description) {
        return "{\"error\":\"" + description + "\",\"errorCode\":\"" + errorCode + "\",\"errorMessages\":[\""
                + description + "\"],\"errors\":{}}";
    }

    private FakeResponse respond(AuthFailure failure) throws IOException {
        FakeResponse r = new FakeResponse();
        responder.respond(r, failure);
        return r;
    }

    private FakeResponse refused(TokenRefusal refusal) throws IOException {
        return respond(AuthFailure.of(refusal));
    }

    @Test
    public void unknownTokenGets401InvalidTokenWithTheBaseUrlAsRealm() throws IOException {
        FakeResponse r = refused(TokenRefusal.UNKNOWN);
        assertEquals(401, r.getStatus());
        assertEquals("Bearer realm=\"https://jira.example.com/jira\", error=\"invalid_token\", "
                + "error_description=\"The access token is invalid\"", r.getHeader("WWW-Authenticate"));
        assertEquals("application/json;charset=UTF-8", r.getContentType());
        assertEquals("no-store", r.getHeader("Cache-Control"));
        assertEquals(body("invalid_token", "The access token is invalid"), r.body());
    }

    @Test
    public void revokedInactiveOwnerWrongUsernameAndForeignAddressAllLookLikeAnUnknownToken() throws IOException {
        FakeResponse unknown = refused(TokenRefusal.UNKNOWN);
        for (TokenRefusal refusal : new TokenRefusal[] {TokenRefusal.OWNER_INACTIVE, TokenRefusal.USERNAME_MISMATCH,
                TokenRefusal.IP_NOT_ALLOWED}) {
            FakeResponse r = refused(refusal);
            assertEquals(refusal.name(), 401, r.getStatus());
            assertEquals(refusal.name(), unknown.getHeader("WWW-Authenticate"), r.getHeader("WWW-Authenticate"));
            assertEquals(refusal.name(), unknown.body(), r.body());
        }
    }

    @Test
    public void expiredTokenSaysSo() throws IOException {
        FakeResponse r = refused(TokenRefusal.EXPIRED);
        assertEquals(401, r.getStatus());
        assertEquals("Bearer realm=\"https://jira.example.com/jira\", error=\"invalid_token\", "
                + "error_description=\"The access token expired\"", r.getHeader("WWW-Authenticate"));
        assertEquals(body("invalid_token", "The access token expired"), r.body());
    }

    @Test
    public void malformedTokenSaysSo() throws IOException {
        FakeResponse r = refused(TokenRefusal.MALFORMED);
        assertEquals(401, r.getStatus());
        assertEquals("Bearer realm=\"https://jira.example.com/jira\", error=\"invalid_token\", "
                + "error_description=\"The access token is malformed\"", r.getHeader("WWW-Authenticate"));
    }

    @Test
    public void tokensTurnedOffSaysSo() throws IOException {
        FakeResponse r = refused(TokenRefusal.DISABLED);
        assertEquals(401, r.getStatus());
        assertEquals(body("invalid_token", AuthFailure.DISABLED), r.body());
    }

    @Test
    public void readTokenOnAWriteGets403InsufficientScopeNamingTheScopeNeeded() throws IOException {
        FakeResponse r = refused(TokenRefusal.INSUFFICIENT_SCOPE);
        assertEquals(403, r.getStatus());
        assertEquals("Bearer realm=\"https://jira.example.com/jira\", error=\"insufficient_scope\", "
                + "error_description=\"The access token is read-only: it may only be used with GET, HEAD and OPTIONS on the REST API\", "
                + "scope=\"write\"", r.getHeader("WWW-Authenticate"));
        assertEquals(body("insufficient_scope",
                "The access token is read-only: it may only be used with GET, HEAD and OPTIONS on the REST API"), r.body());
    }

    @Test
    public void readTokenOnAnAmbiguousPathGets400InvalidRequest() throws IOException {
        FakeResponse r = refused(TokenRefusal.AMBIGUOUS_PATH);
        assertEquals(400, r.getStatus());
        assertEquals(body("invalid_request", AuthFailure.AMBIGUOUS_PATH), r.body());
    }

    @Test
    public void everyRefusalIsAChallengeWithAFixedDescription() throws IOException {
        for (TokenRefusal refusal : TokenRefusal.values()) {
            AuthFailure failure = AuthFailure.of(refusal);
            assertTrue(refusal.name(), failure.challenges());
            assertTrue(refusal.name(), failure.status() == 400 || failure.status() == 401 || failure.status() == 403);
            assertEquals(refusal.name(), 0, failure.retryAfterSeconds());
        }
    }

    @Test
    public void unreadableHeaderGets400InvalidRequest() throws IOException {
        FakeResponse r = respond(AuthFailure.invalidRequest("The Bearer credentials are empty"));
        assertEquals(400, r.getStatus());
        assertEquals("Bearer realm=\"https://jira.example.com/jira\", error=\"invalid_request\", "
                + "error_description=\"The Bearer credentials are empty\"", r.getHeader("WWW-Authenticate"));
        assertEquals(body("invalid_request", "The Bearer credentials are empty"), r.body());
    }

    @Test
    public void tooManyFailuresGets429WithRetryAfterAndNoChallenge() throws IOException {
        FakeResponse r = respond(AuthFailure.throttled(12));
        assertEquals(429, r.getStatus());
        assertEquals("12", r.getHeader("Retry-After"));
        assertNull(r.getHeader("WWW-Authenticate"));
        assertEquals(body("too_many_requests", AuthFailure.THROTTLED), r.body());
    }

    @Test
    public void infrastructureFailureGets503WithRetryAfterAndNoChallenge() throws IOException {
        FakeResponse r = respond(AuthFailure.unavailable());
        assertEquals(503, r.getStatus());
        assertEquals("30", r.getHeader("Retry-After"));
        assertNull(r.getHeader("WWW-Authenticate"));
        assertEquals(body("temporarily_unavailable", "Jira cannot check access tokens right now; try again later"), r.body());
    }

    @Test
    public void realmIsEscapedAndCannotSplitTheHeader() throws IOException {
        ApplicationProperties hostile = mode -> "https://x\"y\\z\r\nSet-Cookie: a=b";
        FakeResponse r = new FakeResponse();
        new AuthFailureResponder(hostile).respond(r, AuthFailure.invalidToken(AuthFailure.INVALID));
        String header = r.getHeader("WWW-Authenticate");
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
        new AuthFailureResponder(broken).respond(r, AuthFailure.invalidToken(AuthFailure.INVALID));
        assertEquals(401, r.getStatus());
        assertEquals("Bearer realm=\"Jira\", error=\"invalid_token\", error_description=\"The access token is invalid\"",
                r.getHeader("WWW-Authenticate"));
    }
}
