// Host API declaration (never shipped): follows docs/host-api.md, entry "Audit entities".
// A class built by its nested Builder. Bodies exist only so the dev host can run it.
package com.atlassian.audit.entity;

public class AuditType {
    private final CoverageArea area;
    private final CoverageLevel level;
    private final String categoryI18nKey;
    private final String actionI18nKey;

    private AuditType(Builder b) {
        this.area = b.area;
        this.level = b.level;
        this.categoryI18nKey = b.categoryI18nKey;
        this.actionI18nKey = b.actionI18nKey;
    }

    public static Builder fromI18nKeys(CoverageArea area, CoverageLevel level, String categoryI18nKey, String actionI18nKey) {
        return new Builder(area, level, categoryI18nKey, actionI18nKey);
    }

    public CoverageArea getArea() {
        return area;
    }

    public CoverageLevel getLevel() {
        return level;
    }

    public String getCategoryI18nKey() {
        return categoryI18nKey;
    }

    public String getActionI18nKey() {
        return actionI18nKey;
    }

    public static class Builder {
        private final CoverageArea area;
        private final CoverageLevel level;
        private final String categoryI18nKey;
        private final String actionI18nKey;

        Builder(CoverageArea area, CoverageLevel level, String categoryI18nKey, String actionI18nKey) {
            this.area = area;
            this.level = level;
            this.categoryI18nKey = categoryI18nKey;
            this.actionI18nKey = actionI18nKey;
        }

        public AuditType build() {
            return new AuditType(this);
        }
    }
}
