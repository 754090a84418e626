// Host API declaration (never shipped): follows docs/host-api.md, entry "UserManager (Jira's, not SAL's)".
package com.atlassian.jira.user.util;

import com.atlassian.jira.user.ApplicationUser;

public interface UserManager {
    ApplicationUser getUserByKey(String userKey);

    ApplicationUser getUserByName(String userName);
}
