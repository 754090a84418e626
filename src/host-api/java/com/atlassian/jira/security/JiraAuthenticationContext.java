// Host API declaration (never shipped): follows docs/host-api.md, entry "JiraAuthenticationContext".
// Only getLoggedInUser().
package com.atlassian.jira.security;

import com.atlassian.jira.user.ApplicationUser;

public interface JiraAuthenticationContext {
    ApplicationUser getLoggedInUser();
}
