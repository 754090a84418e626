package dev.jirapat.devhost;

import com.atlassian.sal.api.pluginsettings.PluginSettings;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** SAL plugin settings: global, in memory for the life of the host. */
final class DevPluginSettings implements PluginSettingsFactory, PluginSettings {
    private final Map<String, Object> values = new ConcurrentHashMap<>();

    @Override
    public PluginSettings createGlobalSettings() {
        return this;
    }

    @Override
    public Object get(String key) {
        return values.get(key);
    }

    @Override
    public Object put(String key, Object value) {
        if (key.length() > 255) {
            throw new IllegalArgumentException("SAL plugin settings keys are at most 255 characters");
        }
        return value == null ? values.remove(key) : values.put(key, value);
    }

    @Override
    public Object remove(String key) {
        return values.remove(key);
    }
}
