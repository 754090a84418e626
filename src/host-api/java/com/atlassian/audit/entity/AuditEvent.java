// Host API declaration (never shipped): follows docs/host-api.md, entry "Audit entities".
// A class built by its nested Builder (binary name AuditEvent$Builder). Bodies exist only so the dev host can run
// it; the getters are for the dev host.
package com.atlassian.audit.entity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

public class AuditEvent {
    private final AuditType type;
    private final List<AuditResource> affectedObjects;
    private final List<AuditAttribute> extraAttributes;
    private final List<ChangedValue> changedValues;

    private AuditEvent(Builder b) {
        this.type = b.type;
        this.affectedObjects = Collections.unmodifiableList(new ArrayList<>(b.affectedObjects));
        this.extraAttributes = Collections.unmodifiableList(new ArrayList<>(b.extraAttributes));
        this.changedValues = Collections.unmodifiableList(new ArrayList<>(b.changedValues));
    }

    public static Builder builder(AuditType type) {
        return new Builder(type);
    }

    public String getActionI18nKey() {
        return type.getActionI18nKey();
    }

    public String getCategoryI18nKey() {
        return type.getCategoryI18nKey();
    }

    public CoverageArea getArea() {
        return type.getArea();
    }

    public CoverageLevel getLevel() {
        return type.getLevel();
    }

    public List<AuditResource> getAffectedObjects() {
        return affectedObjects;
    }

    public List<AuditAttribute> getExtraAttributes() {
        return extraAttributes;
    }

    public List<ChangedValue> getChangedValues() {
        return changedValues;
    }

    public static class Builder {
        private final AuditType type;
        private final List<AuditResource> affectedObjects = new ArrayList<>();
        private final List<AuditAttribute> extraAttributes = new ArrayList<>();
        private final List<ChangedValue> changedValues = new ArrayList<>();

        Builder(AuditType type) {
            this.type = type;
        }

        public Builder affectedObject(AuditResource resource) {
            affectedObjects.add(resource);
            return this;
        }

        public Builder extraAttribute(AuditAttribute attribute) {
            extraAttributes.add(attribute);
            return this;
        }

        public Builder changedValue(ChangedValue value) {
            changedValues.add(value);
            return this;
        }

        public AuditEvent build() {
            return new AuditEvent(this);
        }
    }
}
