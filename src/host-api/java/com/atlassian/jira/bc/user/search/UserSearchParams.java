// Host API declaration (never shipped): follows docs/host-api.md, entry "UserSearchParams".
package com.atlassian.jira.bc.user.search;

import com.atlassian.jira.user.UserFilter;

import java.util.Set;

public class UserSearchParams {
    public UserSearchParams(boolean allowEmptyQuery, boolean includeActive, boolean includeInactive,
                            boolean canMatchEmail, UserFilter userFilter, Set<Long> projectIds) {
    }
}
