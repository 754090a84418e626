package dev.jirapat.token;

import java.util.Optional;

/** Port: the user the host has logged in for the current request (any login: session, Basic, a token). */
public interface CurrentUser {
    /** The logged-in user, or empty for an anonymous request. */
    Optional<UserAccount> get();
}
