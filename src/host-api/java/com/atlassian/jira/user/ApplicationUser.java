// Host API declaration (never shipped): follows docs/host-api.md, entry "ApplicationUser".
// getId() deliberately absent.
package com.atlassian.jira.user;

import java.security.Principal;

public interface ApplicationUser extends Principal {
    String getKey();

    String getUsername();

    boolean isActive();

    String getEmailAddress();

    String getDisplayName();
}
