// Host API declaration (never shipped): reference/host-api-facts.md §5 (SAL ApplicationProperties, not Jira's).
package com.atlassian.sal.api;

public interface ApplicationProperties {
    String getBaseUrl(UrlMode urlMode);
}
