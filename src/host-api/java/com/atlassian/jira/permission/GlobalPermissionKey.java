// Host API declaration (never shipped): reference/host-api-facts.md §6 (GlobalPermissionKey: a final class;
// its constants are objects read with getstatic, so their values here never reach our bytecode).
package com.atlassian.jira.permission;

public final class GlobalPermissionKey {
    public static final GlobalPermissionKey SYSTEM_ADMIN = new GlobalPermissionKey("SYSTEM_ADMIN");

    private final String key;

    private GlobalPermissionKey(String key) {
        this.key = key;
    }

    public String getKey() {
        return key;
    }
}
