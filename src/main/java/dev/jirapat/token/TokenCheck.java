package dev.jirapat.token;

/** The outcome of checking a presented token. Expected outcomes are values; only infrastructure faults throw. */
public enum TokenCheck {
    VALID, MALFORMED, UNKNOWN, EXPIRED, OWNER_INACTIVE, IP_NOT_ALLOWED, INSUFFICIENT_SCOPE
}
