// Host API declaration (never shipped): follows docs/host-api.md, entry "PluginSettings".
package com.atlassian.sal.api.pluginsettings;

public interface PluginSettings {
    Object get(String key);

    Object put(String key, Object value);

    Object remove(String key);
}
