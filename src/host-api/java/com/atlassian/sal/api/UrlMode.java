// Host API declaration (never shipped): reference/host-api-facts.md §5 (UrlMode; constants in the host's order).
package com.atlassian.sal.api;

public enum UrlMode {
    CANONICAL, ABSOLUTE, RELATIVE, RELATIVE_CANONICAL, AUTO
}
