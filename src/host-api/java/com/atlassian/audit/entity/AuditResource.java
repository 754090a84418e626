// Host API declaration (never shipped): follows docs/host-api.md, entry "Audit entities".
// A class built by its nested Builder. Bodies exist only so the dev host can run it.
package com.atlassian.audit.entity;

public class AuditResource {
    private final String name;
    private final String type;
    private final String id;

    private AuditResource(Builder b) {
        this.name = b.name;
        this.type = b.type;
        this.id = b.id;
    }

    public static Builder builder(String name, String type) {
        return new Builder(name, type);
    }

    public String getName() {
        return name;
    }

    public String getType() {
        return type;
    }

    public String getId() {
        return id;
    }

    public static class Builder {
        private final String name;
        private final String type;
        private String id;

        Builder(String name, String type) {
            this.name = name;
            this.type = type;
        }

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public AuditResource build() {
            return new AuditResource(this);
        }
    }
}
