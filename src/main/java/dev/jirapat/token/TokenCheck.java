package dev.jirapat.token;

/** The outcome of checking a presented token. Expected outcomes are values; only infrastructure faults throw. */
public enum TokenCheck {
    VALID, MALFORMED, UNKNOWN, EXPIRED, OWNER_INACTIVE, IP_NOT_ALLOWED, INSUFFICIENT_SCOPE,
    /** A read token on a path that could be routed more than one way: refused rather than guessed. */
    AMBIGUOUS_PATH
}
