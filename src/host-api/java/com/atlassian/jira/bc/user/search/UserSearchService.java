// Host API declaration (never shipped): follows docs/host-api.md, entry "UserSearchService".
package com.atlassian.jira.bc.user.search;

import com.atlassian.jira.user.ApplicationUser;

import java.util.List;

public interface UserSearchService {
    List<ApplicationUser> findUsers(String query, UserSearchParams userSearchParams);
}
