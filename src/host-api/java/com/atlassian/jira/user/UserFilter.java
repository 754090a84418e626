// Host API declaration (never shipped): follows docs/host-api.md, entry "UserSearchParams" (the type of a
// constructor parameter we always pass as null).
package com.atlassian.jira.user;

public class UserFilter {
}
