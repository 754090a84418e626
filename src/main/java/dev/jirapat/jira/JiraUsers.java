package dev.jirapat.jira;

import com.atlassian.jira.bc.user.search.UserSearchParams;
import com.atlassian.jira.bc.user.search.UserSearchService;
import com.atlassian.jira.permission.GlobalPermissionKey;
import com.atlassian.jira.security.GlobalPermissionManager;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.jira.user.util.UserManager;
import dev.jirapat.token.UserAccount;
import dev.jirapat.token.Users;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** {@link Users} over Jira's user manager, user search and global permissions. */
public final class JiraUsers implements Users {
    /**
     * Non-empty queries only, active and inactive users (an admin looks for the tokens of both), matching the
     * e-mail address too; no group or role filter, no projects.
     */
    private static final UserSearchParams PICKER = new UserSearchParams(false, true, true, true, null, null);

    private final UserManager userManager;
    private final GlobalPermissionManager permissions;
    private final UserSearchService userSearch;

    public JiraUsers(UserManager userManager, GlobalPermissionManager permissions, UserSearchService userSearch) {
        this.userManager = userManager;
        this.permissions = permissions;
        this.userSearch = userSearch;
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
     * Jira's user search (the one behind its own user pickers): it matches the start of the username, of each word
     * of the display name and of the e-mail address, case-insensitively (docs/host-api.md, "UserSearchService").
     */
    @Override
    public List<UserAccount> search(String contains, int limit) {
        String text = contains == null ? "" : contains.trim();
        if (text.isEmpty() || limit < 1) {
            return Collections.emptyList();
        }
        List<UserAccount> found = new ArrayList<>();
        for (ApplicationUser user : userSearch.findUsers(text, PICKER)) {
            if (found.size() == limit) {
                break;
            }
            found.add(toAccount(user));
        }
        return found;
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
