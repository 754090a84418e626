// Host API declaration (never shipped): reference/host-api-facts.md §6 (JiraAuthenticationContext; only getLoggedInUser()).
package com.atlassian.jira.security;

import com.atlassian.jira.user.ApplicationUser;

public interface JiraAuthenticationContext {
    ApplicationUser getLoggedInUser();
}
