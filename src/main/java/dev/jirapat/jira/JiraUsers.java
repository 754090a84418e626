package dev.jirapat.jira;

import com.atlassian.jira.permission.GlobalPermissionKey;
import com.atlassian.jira.security.GlobalPermissionManager;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.jira.user.util.UserManager;
import dev.jirapat.token.UserAccount;
import dev.jirapat.token.Users;

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
        return key == null ? Optional.<UserAccount>empty() : toAccount(userManager.getUserByKey(key));
    }

    @Override
    public Optional<UserAccount> byName(String username) {
        return username == null ? Optional.<UserAccount>empty() : toAccount(userManager.getUserByName(username));
    }

    @Override
    public boolean isSystemAdmin(String key) {
        ApplicationUser user = key == null ? null : userManager.getUserByKey(key);
        return user != null && user.isActive() && permissions.hasPermission(GlobalPermissionKey.SYSTEM_ADMIN, user);
    }

    private static Optional<UserAccount> toAccount(ApplicationUser user) {
        if (user == null) {
            return Optional.empty();
        }
        return Optional.of(new UserAccount(user.getKey(), user.getUsername(), user.getDisplayName(),
                user.getEmailAddress(), user.isActive()));
    }
}
