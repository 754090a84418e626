package dev.jirapat.token;

import java.util.List;
import java.util.Optional;

/** Port: the host's users. */
public interface Users {
    Optional<UserAccount> byKey(String key);

    Optional<UserAccount> byName(String username);

    /** Jira system administrators govern every token (admin page, admin REST, other users' tokens). */
    boolean isSystemAdmin(String key);

    /**
     * Users for a picker: at most {@code limit} whose username, display name or e-mail contains {@code contains}
     * (case-insensitive), active or not. An adapter may match less when its host offers no search (see
     * {@code JiraUsers}); blank text finds nobody.
     */
    List<UserAccount> search(String contains, int limit);
}
