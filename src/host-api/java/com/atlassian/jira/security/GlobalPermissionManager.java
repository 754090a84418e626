// Host API declaration (never shipped): follows docs/host-api.md, entry "GlobalPermissionManager".
package com.atlassian.jira.security;

import com.atlassian.jira.permission.GlobalPermissionKey;
import com.atlassian.jira.user.ApplicationUser;

public interface GlobalPermissionManager {
    boolean hasPermission(GlobalPermissionKey permissionKey, ApplicationUser user);
}
