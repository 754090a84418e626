package dev.jirapat.auth;

import dev.jirapat.token.TokenRefusal;

import java.util.Objects;

/**
 * One refusal of the Bearer filter, as a value: the HTTP status, the error code (RFC 6750, section 3.1, for the
 * 400, 401 and 403 that challenge), a fixed description safe to send, and what else the answer carries (the scope
 * a 403 needs, how long a 429 or 503 should wait). {@link AuthFailureResponder} is the one place that writes it.
 * Descriptions never contain anything the client sent. Unknown, revoked, inactive-owner, wrong-username and
 * refused-address tokens all get {@link #INVALID}: an answer tells nothing about someone else's token.
 */
public final class AuthFailure {
    /** Seconds a client should wait after a 503 before it retries. */
    static final int UNAVAILABLE_RETRY_SECONDS = 30;

    static final String INVALID = "The access token is invalid";
    static final String MALFORMED = "The access token is malformed";
    static final String EXPIRED = "The access token expired";
    static final String DISABLED = "Personal access tokens are turned off on this Jira";
    static final String READ_ONLY = "The access token is read-only: it may only be used with GET, HEAD and OPTIONS on the REST API";
    static final String AMBIGUOUS_PATH = "The request path is ambiguous (a dot-segment, an encoded slash or backslash, "
            + "or a path parameter): a read-only token cannot be used with it";
    static final String IMPORTED_NOT_ACCEPTED = "Tokens of Jira's built-in personal access token app are no longer "
            + "accepted here; create a new personal access token";
    static final String THROTTLED = "Too many failed access token checks from this address; wait before trying again";
    static final String UNAVAILABLE = "Jira cannot check access tokens right now; try again later";

    private final int status;
    private final String errorCode;
    private final String description;
    private final boolean challenge;
    private final String scope;
    private final long retryAfterSeconds;

    private AuthFailure(int status, String errorCode, String description, boolean challenge, String scope,
                        long retryAfterSeconds) {
        this.status = status;
        this.errorCode = errorCode;
        this.description = Objects.requireNonNull(description);
        this.challenge = challenge;
        this.scope = scope;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** The answer to a token the check refused. */
    static AuthFailure of(TokenRefusal refusal) {
        switch (refusal) {
            case INSUFFICIENT_SCOPE:
                return new AuthFailure(403, "insufficient_scope", READ_ONLY, true, "write", 0);
            case AMBIGUOUS_PATH:
                return invalidRequest(AMBIGUOUS_PATH);
            case DISABLED:
                return invalidToken(DISABLED);
            case MALFORMED:
                return invalidToken(MALFORMED);
            case EXPIRED:
                return invalidToken(EXPIRED);
            case IMPORTED_NOT_ACCEPTED:
                return invalidToken(IMPORTED_NOT_ACCEPTED);
            default: // UNKNOWN (incl. revoked), OWNER_INACTIVE, USERNAME_MISMATCH, IP_NOT_ALLOWED: one answer for all
                return invalidToken(INVALID);
        }
    }

    /** 401 invalid_token. */
    static AuthFailure invalidToken(String description) {
        return new AuthFailure(401, "invalid_token", description, true, null, 0);
    }

    /** 400 invalid_request: the Authorization header itself (or the path, for a read token) cannot be used. */
    static AuthFailure invalidRequest(String description) {
        return new AuthFailure(400, "invalid_request", description, true, null, 0);
    }

    /**
     * 429: the client caused too many failed checks; answered before any look-up. No challenge: the client should
     * wait, not try other credentials.
     */
    static AuthFailure throttled(long retryAfterSeconds) {
        return new AuthFailure(429, "too_many_requests", THROTTLED, false, null, retryAfterSeconds);
    }

    /** 503: the token could not be checked (database or other infrastructure failure). Not a challenge either. */
    static AuthFailure unavailable() {
        return new AuthFailure(503, "temporarily_unavailable", UNAVAILABLE, false, null, UNAVAILABLE_RETRY_SECONDS);
    }

    public int status() {
        return status;
    }

    /** The RFC 6750 error code (or the code of a 429 or 503). */
    public String errorCode() {
        return errorCode;
    }

    public String description() {
        return description;
    }

    /** Whether the answer challenges ({@code WWW-Authenticate: Bearer ...}): 400, 401 and 403 do, a wait does not. */
    public boolean challenges() {
        return challenge;
    }

    /** For {@code insufficient_scope}: the scope the request needs; else null. */
    public String scope() {
        return scope;
    }

    /** Seconds for {@code Retry-After}; 0 for none. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    @Override
    public String toString() {
        return "AuthFailure[" + status + " " + errorCode + "]";
    }
}
