// Host API declaration (never shipped): follows docs/host-api.md, entry "ActiveObjectsUpgradeTask".
// An interface the plugin implements: every method the host calls is declared.
package com.atlassian.activeobjects.external;

public interface ActiveObjectsUpgradeTask {
    ModelVersion getModelVersion();

    void upgrade(ModelVersion currentVersion, ActiveObjects ao);
}
