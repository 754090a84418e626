// Host API declaration (never shipped): reference/host-api-facts.md §5 (PluginSettings).
package com.atlassian.sal.api.pluginsettings;

public interface PluginSettings {
    Object get(String key);

    Object put(String key, Object value);

    Object remove(String key);
}
