package dev.jirapat.token;

/** What a person sees on a token; derived from the expiry and the policy's warning window, never stored. */
public enum TokenStatus {
    ACTIVE, EXPIRES_SOON, EXPIRED
}
