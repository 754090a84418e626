// Host API declaration (never shipped): follows docs/host-api.md, entry "TimeZoneManager".
// SAL's, not Jira's com.atlassian.jira.timezone.TimeZoneManager. Only the member we call.
package com.atlassian.sal.api.timezone;

import com.atlassian.sal.api.user.UserKey;

import java.util.TimeZone;

public interface TimeZoneManager {
    TimeZone getUserTimeZone(UserKey user);
}
