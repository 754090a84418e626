package dev.jirapat.jira;

import com.atlassian.jira.permission.GlobalPermissionKey;
import com.atlassian.jira.security.GlobalPermissionManager;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.jira.user.util.UserManager;
import dev.jirapat.token.UserAccount;
import dev.jirapat.token.Users;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link Users} over Jira's user manager and global permissions. */
public final class JiraUsers implements Users {
    private final UserManager userManager;
    private final GlobalPermissionManager permissions;

    public JiraUsers(UserManager userManager, GlobalPermissionManager permissions) {
        this.userManager = userManager;
        this.permissions = permissions;
    }

    @Override
    public Optional<UserAccount> byKey(String key) {
        return key == null ? Optional.<UserAccount>empty() : found(userManager.getUserByKey(key));
    }

    @Override
    public Optional<UserAccount> byName(String username) {
        return username == null ? Optional.<UserAccount>empty() : found(userManager.getUserByName(username));
    }

    @Override
    public boolean isSystemAdmin(String key) {
        ApplicationUser user = key == null ? null : userManager.getUserByKey(key);
        return user != null && user.isActive() && permissions.hasPermission(GlobalPermissionKey.SYSTEM_ADMIN, user);
    }

    /**
     * Exact matches only: the username (Jira compares usernames case-insensitively) or the user key. Jira has a
     * user search service, but none of its members is declared in src/host-api/java (docs/host-api.md lists what
     * is), and a wrong declaration fails only at runtime; a contains-search waits until one is verified.
     */
    @Override
    public List<UserAccount> search(String contains, int limit) {
        String text = contains == null ? "" : contains.trim();
        if (text.isEmpty() || limit < 1) {
            return Collections.emptyList();
        }
        Map<String, UserAccount> found = new LinkedHashMap<>();
        for (Optional<UserAccount> match : Arrays.asList(byName(text), byKey(text))) {
            if (match.isPresent() && found.size() < limit) {
                found.put(match.get().key(), match.get());
            }
        }
        return new ArrayList<>(found.values());
    }

    private static Optional<UserAccount> found(ApplicationUser user) {
        return user == null ? Optional.<UserAccount>empty() : Optional.of(toAccount(user));
    }

    /** The domain's view of a Jira user; Jira's own object travels along as the principal a login needs. */
    static UserAccount toAccount(ApplicationUser user) {
        return new UserAccount(user.getKey(), user.getUsername(), user.getDisplayName(), user.getEmailAddress(),
                user.isActive(), user);
    }
}
