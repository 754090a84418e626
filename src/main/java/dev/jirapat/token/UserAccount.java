package dev.jirapat.token;

import java.security.Principal;
import java.util.Objects;
import java.util.Optional;

/** A Jira user as the domain needs it. */
public final class UserAccount {
    private final String key;
    private final String username;
    private final String displayName;
    private final String email;
    private final boolean active;
    private final Principal principal;

    public UserAccount(String key, String username, String displayName, String email, boolean active) {
        this(key, username, displayName, email, active, null);
    }

    /**
     * @param principal the host's own user object, for adapters that must hand it back to the host (a login);
     *                  the domain never looks inside it
     */
    public UserAccount(String key, String username, String displayName, String email, boolean active, Principal principal) {
        this.key = Objects.requireNonNull(key, "key");
        this.username = Objects.requireNonNull(username, "username");
        this.displayName = displayName == null ? username : displayName;
        this.email = email == null ? "" : email;
        this.active = active;
        this.principal = principal;
    }

    public String key() {
        return key;
    }

    public String username() {
        return username;
    }

    public String displayName() {
        return displayName;
    }

    public String email() {
        return email;
    }

    public boolean active() {
        return active;
    }

    /** The host's user object, when the adapter that made this account had one. */
    public Optional<Principal> principal() {
        return Optional.ofNullable(principal);
    }

    @Override
    public String toString() {
        return "UserAccount[" + key + "]";
    }
}
