// Host API declaration (never shipped): follows docs/host-api.md, entry "Audit entities".
package com.atlassian.audit.entity;

public enum CoverageLevel {
    BASE, ADVANCED, FULL
}
