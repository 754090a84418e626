package dev.jirapat.token;

import java.util.Objects;

/** A Jira user as the domain needs it. */
public final class UserAccount {
    private final String key;
    private final String username;
    private final String displayName;
    private final String email;
    private final boolean active;

    public UserAccount(String key, String username, String displayName, String email, boolean active) {
        this.key = Objects.requireNonNull(key, "key");
        this.username = Objects.requireNonNull(username, "username");
        this.displayName = displayName == null ? username : displayName;
        this.email = email == null ? "" : email;
        this.active = active;
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

    @Override
    public String toString() {
        return "UserAccount[" + key + "]";
    }
}
