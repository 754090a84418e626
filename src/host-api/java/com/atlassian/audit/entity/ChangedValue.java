// Host API declaration (never shipped): follows docs/host-api.md, entry "Audit entities".
// A class built by its nested Builder. Bodies exist only so the dev host can run it.
package com.atlassian.audit.entity;

public class ChangedValue {
    private final String i18nKey;
    private final String from;
    private final String to;

    private ChangedValue(Builder b) {
        this.i18nKey = b.i18nKey;
        this.from = b.from;
        this.to = b.to;
    }

    public static Builder fromI18nKeys(String i18nKey) {
        return new Builder(i18nKey);
    }

    public String getI18nKey() {
        return i18nKey;
    }

    public String getFrom() {
        return from;
    }

    public String getTo() {
        return to;
    }

    public static class Builder {
        private final String i18nKey;
        private String from;
        private String to;

        Builder(String i18nKey) {
            this.i18nKey = i18nKey;
        }

        public Builder from(String from) {
            this.from = from;
            return this;
        }

        public Builder to(String to) {
            this.to = to;
            return this;
        }

        public ChangedValue build() {
            return new ChangedValue(this);
        }
    }
}
