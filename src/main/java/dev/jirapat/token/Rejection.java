package dev.jirapat.token;

/** Why a use case refused a request. Each surface maps these to its own vocabulary in one place. */
public enum Rejection {
    FEATURE_DISABLED,
    NOT_FOUND,
    NOT_PERMITTED,
    /** Rotation of an expired token: an expired token never works again, a new one must be created. */
    TOKEN_EXPIRED,
    NAME_BLANK,
    NAME_TOO_LONG,
    NAME_INVALID_CHARACTERS,
    DURATION_TOO_SHORT,
    DURATION_TOO_LONG,
    ETERNAL_NOT_ALLOWED,
    OUTLIVES_CALLING_TOKEN,
    WIDER_THAN_CALLING_TOKEN,
    TOKEN_LIMIT_REACHED,
    INVALID_IP_RANGE,
    TOO_MANY_IP_RANGES,
    OWNER_UNKNOWN,
    OWNER_INACTIVE
}
