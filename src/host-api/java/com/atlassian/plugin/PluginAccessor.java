// Host API declaration (never shipped): follows docs/host-api.md, entry "PluginAccessor".
// Only isPluginEnabled(String).
package com.atlassian.plugin;

public interface PluginAccessor {
    boolean isPluginEnabled(String key);
}
