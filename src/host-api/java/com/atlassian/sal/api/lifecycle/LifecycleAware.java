// Host API declaration (never shipped): follows docs/host-api.md, entry "LifecycleAware".
// An interface the plugin implements: every method the host calls is declared.
package com.atlassian.sal.api.lifecycle;

public interface LifecycleAware {
    void onStart();

    void onStop();
}
