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
     * Users for a picker: at most {@code limit} whose username, display name or e-mail matches {@code contains}
     * as the host's own user pickers match it (Jira: case-insensitively, at the start of the username, of a word
     * of the display name or of the e-mail address), active or not. Blank text finds nobody.
     */
    List<UserAccount> search(String contains, int limit);
}
