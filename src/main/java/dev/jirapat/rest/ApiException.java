package dev.jirapat.rest;

/**
 * An expected refusal on its way to the client: status, the {@code exception} name the client sees and the
 * localised message. Carries no stack trace (it is not a fault) and never a raw token.
 */
final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** 400: every validation failure, as Jira's built-in app reports it. */
    static final String ILLEGAL_ARGUMENT = "java.lang.IllegalArgumentException";
    /** 401 (not logged in) and 403 (logged in, not permitted), as Jira's built-in app names the cause. */
    static final String AUTHORISATION = "com.atlassian.sal.api.permission.AuthorisationException";
    /** 403 at the per-user token limit; the built-in app's class has this simple name. */
    static final String TOKEN_LIMIT = "dev.jirapat.rest.UserTokenLimitExceededException";
    /** Statuses the JAX-RS runtime decides (unknown path, wrong method, media types) and our own 404s. */
    static final String WEB_APPLICATION = "javax.ws.rs.WebApplicationException";
    /** 500: the real cause is in the server log only. */
    static final String SERVER = "java.lang.RuntimeException";

    private final int status;
    private final String exception;
    private final String field;

    ApiException(int status, String exception, String message) {
        this(status, exception, message, null);
    }

    /** {@code field}: the wire name of the request field the refusal is about (the body's {@code errors} key), or null. */
    ApiException(int status, String exception, String message, String field) {
        super(message, null, false, false);
        this.status = status;
        this.exception = exception;
        this.field = field;
    }

    static ApiException badRequest(String message) {
        return new ApiException(400, ILLEGAL_ARGUMENT, message);
    }

    static ApiException badRequest(String message, String field) {
        return new ApiException(400, ILLEGAL_ARGUMENT, message, field);
    }

    String field() {
        return field;
    }

    int status() {
        return status;
    }

    String exception() {
        return exception;
    }
}
