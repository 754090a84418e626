// Host API declaration (never shipped): follows docs/host-api.md, entry "ApplicationProperties".
// SAL's, not Jira's.
package com.atlassian.sal.api;

public interface ApplicationProperties {
    String getBaseUrl(UrlMode urlMode);
}
