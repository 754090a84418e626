// Host API declaration (never shipped): follows docs/host-api.md, entry "Audit entities".
// Bodies exist only so the dev host can run it.
package com.atlassian.audit.entity;

public class AuditAttribute {
    private final String name;
    private final String value;

    public AuditAttribute(String name, String value) {
        this.name = name;
        this.value = value;
    }

    public String getName() {
        return name;
    }

    public String getValue() {
        return value;
    }
}
