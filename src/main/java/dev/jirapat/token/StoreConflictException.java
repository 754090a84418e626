package dev.jirapat.token;

/** A write lost a race with a concurrent writer (a unique constraint said no); the use case retries. */
public final class StoreConflictException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
