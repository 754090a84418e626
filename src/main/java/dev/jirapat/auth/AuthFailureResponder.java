package dev.jirapat.auth;

import com.atlassian.sal.api.ApplicationProperties;
import com.atlassian.sal.api.UrlMode;
import dev.jirapat.token.TokenCheck;

import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * The Bearer filter's one error vocabulary (RFC 6750, section 3): a {@code WWW-Authenticate: Bearer} challenge with
 * {@code realm} = Jira's base URL and an {@code error} code, and a JSON body carrying the same code and
 * description (plus Jira's {@code errorMessages}, which Jira clients print). Descriptions are fixed texts: a
 * response never contains the presented token. Unknown, revoked, inactive-owner and IP-refused tokens get the
 * same generic answer; the specific reason goes only to the log.
 */
public final class AuthFailureResponder {
    /** Seconds a client should wait after a 503 before it retries. */
    static final int RETRY_AFTER_SECONDS = 30;

    static final String INVALID = "The access token is invalid";
    static final String MALFORMED = "The access token is malformed";
    static final String EXPIRED = "The access token expired";
    static final String DISABLED = "Personal access tokens are turned off on this Jira";
    static final String READ_ONLY = "The access token is read-only: it may only be used with GET, HEAD and OPTIONS on the REST API";
    static final String AMBIGUOUS_PATH = "The request path is ambiguous (a dot-segment, an encoded slash or backslash, "
            + "or a path parameter): a read-only token cannot be used with it";
    static final String THROTTLED = "Too many failed access token checks from this address; wait before trying again";
    static final String UNAVAILABLE = "Jira cannot check access tokens right now; try again later";

    private final ApplicationProperties applicationProperties;

    public AuthFailureResponder(ApplicationProperties applicationProperties) {
        this.applicationProperties = applicationProperties;
    }

    /** 401 invalid_token, 403 insufficient_scope or 400 invalid_request, for a token that did not pass the check. */
    public void rejected(HttpServletResponse response, TokenCheck outcome) throws IOException {
        switch (outcome) {
            case INSUFFICIENT_SCOPE:
                respond(response, 403, "insufficient_scope", READ_ONLY, ", scope=\"write\"");
                return;
            case AMBIGUOUS_PATH:
                invalidRequest(response, AMBIGUOUS_PATH);
                return;
            case MALFORMED:
                invalidToken(response, MALFORMED);
                return;
            case EXPIRED:
                invalidToken(response, EXPIRED);
                return;
            case VALID:
                throw new IllegalArgumentException("a valid token is not a failure");
            default: // UNKNOWN (incl. revoked), OWNER_INACTIVE, IP_NOT_ALLOWED: the same answer for all
                invalidToken(response, INVALID);
        }
    }

    /** 401 invalid_token with one of this class's fixed descriptions. */
    public void invalidToken(HttpServletResponse response, String description) throws IOException {
        respond(response, 401, "invalid_token", description, "");
    }

    /** 400 invalid_request: the Authorization header itself cannot be used. */
    public void invalidRequest(HttpServletResponse response, String description) throws IOException {
        respond(response, 400, "invalid_request", description, "");
    }

    /**
     * 429 with Retry-After: this client caused too many failed token checks; answered before any look-up. No
     * challenge: the client should wait, not try other credentials.
     */
    public void throttled(HttpServletResponse response, long retryAfterSeconds) throws IOException {
        response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
        body(response, 429, "too_many_requests", THROTTLED);
    }

    /** 503 with Retry-After: the token could not be checked (database or other infrastructure failure). */
    public void unavailable(HttpServletResponse response) throws IOException {
        response.setHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
        body(response, 503, "temporarily_unavailable", UNAVAILABLE);
    }

    /** The challenge header value, e.g. {@code Bearer realm="https://jira.example.com", error="invalid_token", ...}. */
    String challenge(String error, String description, String extra) {
        return "Bearer realm=\"" + quoted(realm()) + "\", error=\"" + error + "\", error_description=\""
                + quoted(description) + "\"" + extra;
    }

    private void respond(HttpServletResponse response, int status, String error, String description, String extra)
            throws IOException {
        response.setHeader("WWW-Authenticate", challenge(error, description, extra));
        body(response, status, error, description);
    }

    private static void body(HttpServletResponse response, int status, String error, String description) throws IOException {
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json;charset=UTF-8");
        String text = json(description);
        PrintWriter out = response.getWriter();
        out.write("{\"error\":\"" + error + "\",\"error_description\":\"" + text + "\",\"errorMessages\":[\"" + text
                + "\"],\"errors\":{}}");
        out.flush();
    }

    private String realm() {
        try {
            String base = applicationProperties.getBaseUrl(UrlMode.CANONICAL);
            return base == null || base.isEmpty() ? "Jira" : base;
        } catch (RuntimeException e) {
            return "Jira"; // an error answer must not fail because the base URL is unreadable
        }
    }

    /** RFC 7230 quoted-string content: backslash-escape '"' and '\', drop control characters (no header splitting). */
    static String quoted(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c >= 0x20 && c != 0x7f) {
                out.append(c);
            }
        }
        return out.toString();
    }

    static String json(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
