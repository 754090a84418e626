// Host API declaration (never shipped): reference/host-api-facts.md §6 (Jira UserManager, not SAL's).
package com.atlassian.jira.user.util;

import com.atlassian.jira.user.ApplicationUser;

public interface UserManager {
    ApplicationUser getUserByKey(String userKey);

    ApplicationUser getUserByName(String userName);
}
