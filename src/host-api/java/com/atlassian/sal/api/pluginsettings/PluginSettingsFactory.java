// Host API declaration (never shipped): reference/host-api-facts.md §5 (PluginSettingsFactory).
package com.atlassian.sal.api.pluginsettings;

public interface PluginSettingsFactory {
    PluginSettings createGlobalSettings();
}
