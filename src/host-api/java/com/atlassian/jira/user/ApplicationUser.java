// Host API declaration (never shipped): reference/host-api-facts.md §6 (ApplicationUser; getId() deliberately absent).
package com.atlassian.jira.user;

import java.security.Principal;

public interface ApplicationUser extends Principal {
    String getKey();

    String getUsername();

    boolean isActive();

    String getEmailAddress();

    String getDisplayName();
}
