package dev.jirapat.token;

import java.util.Optional;

/** Port: the host's users. */
public interface Users {
    Optional<UserAccount> byKey(String key);

    Optional<UserAccount> byName(String username);

    /** Jira system administrators govern every token (admin page, admin REST, other users' tokens). */
    boolean isSystemAdmin(String key);
}
