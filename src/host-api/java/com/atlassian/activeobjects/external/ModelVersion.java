// Host API declaration (never shipped): follows docs/host-api.md, entry "ActiveObjectsUpgradeTask".
// Only the members we call.
package com.atlassian.activeobjects.external;

public final class ModelVersion {
    private final int version;

    private ModelVersion(int version) {
        this.version = version;
    }

    public static ModelVersion valueOf(String version) {
        return new ModelVersion(version == null || version.trim().isEmpty() ? 0 : Integer.parseInt(version.trim()));
    }

    @Override
    public String toString() {
        return Integer.toString(version);
    }
}
