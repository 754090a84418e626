// Host API declaration (never shipped): reference/host-api-facts.md §6 (GlobalPermissionManager).
package com.atlassian.jira.security;

import com.atlassian.jira.permission.GlobalPermissionKey;
import com.atlassian.jira.user.ApplicationUser;

public interface GlobalPermissionManager {
    boolean hasPermission(GlobalPermissionKey permissionKey, ApplicationUser user);
}
