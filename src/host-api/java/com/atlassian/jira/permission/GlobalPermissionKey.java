// Host API declaration (never shipped): follows docs/host-api.md, entry "GlobalPermissionKey".
// A final class; its constants are objects read with getstatic, so their values here never reach our bytecode.
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
