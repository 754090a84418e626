// Host API declaration (never shipped): follows docs/host-api.md, entry "Audit entities".
package com.atlassian.audit.entity;

public enum CoverageArea {
    AUDIT_LOG, GLOBAL_CONFIG_AND_ADMINISTRATION, USER_MANAGEMENT, PERMISSIONS, LOCAL_CONFIG_AND_ADMINISTRATION,
    SECURITY, END_USER_ACTIVITY, ECOSYSTEM
}
