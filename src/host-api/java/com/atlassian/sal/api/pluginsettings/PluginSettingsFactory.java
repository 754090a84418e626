// Host API declaration (never shipped): follows docs/host-api.md, entry "PluginSettingsFactory".
package com.atlassian.sal.api.pluginsettings;

public interface PluginSettingsFactory {
    PluginSettings createGlobalSettings();
}
