package dev.jirapat.token;

/** Why {@link TokenChecker} refused a presented token, in the order it checks. */
public enum TokenRefusal {
    /** Tokens are switched off (policy {@code enabled} = false). */
    DISABLED,
    /** Not a token of ours (length, alphabet or checksum): refused without a look-up. */
    MALFORMED,
    /** No token has this secret: never issued, revoked, or replaced by a rotation. */
    UNKNOWN,
    EXPIRED,
    /** The owner's account is gone or inactive. */
    OWNER_INACTIVE,
    /** Basic credentials named someone other than the token's owner. */
    USERNAME_MISMATCH,
    /** The client address is outside the token's allowlist. */
    IP_NOT_ALLOWED,
    /** A read token on a method or path only a write token may use. */
    INSUFFICIENT_SCOPE,
    /** A read token on a path that could be routed more than one way: refused rather than guessed. */
    AMBIGUOUS_PATH,
    /** A token imported from Jira's built-in app while the admin turned their acceptance off. */
    IMPORTED_NOT_ACCEPTED;

    /**
     * A working token used beyond its scope: the client holds a good token, so this is not a failed guess (it does
     * not count towards a client's failed checks, and does not end a session the token started).
     */
    public boolean isBeyondScope() {
        return this == INSUFFICIENT_SCOPE || this == AMBIGUOUS_PATH;
    }
}
