// Host API declaration (never shipped): PluginAccessor.isPluginEnabled(String), from Atlassian's published
// javadoc of the plugin framework (a long-standing member; not in reference/host-api-facts.md).
package com.atlassian.plugin;

public interface PluginAccessor {
    boolean isPluginEnabled(String key);
}
