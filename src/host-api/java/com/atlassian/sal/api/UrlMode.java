// Host API declaration (never shipped): follows docs/host-api.md, entry "UrlMode".
// Constants in the host's order.
package com.atlassian.sal.api;

public enum UrlMode {
    CANONICAL, ABSOLUTE, RELATIVE, RELATIVE_CANONICAL, AUTO
}
