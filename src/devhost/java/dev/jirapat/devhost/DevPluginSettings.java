package dev.jirapat.devhost;

import com.atlassian.sal.api.pluginsettings.PluginSettings;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SAL plugin settings: global, in memory for the life of the host. Safe for concurrent use: each key is read and
 * written atomically and independently, as each key is its own row in Jira. Like SAL, it stores only String,
 * List, Map and Properties values, and stores a copy (SAL serialises), so a caller's later change of its map does
 * not reach the stored value.
 */
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
        return value == null ? values.remove(key) : values.put(key, copy(value));
    }

    @Override
    public Object remove(String key) {
        return values.remove(key);
    }

    private static Object copy(Object value) {
        if (value instanceof String) {
            return value;
        }
        if (value instanceof Properties) {
            return ((Properties) value).clone();
        }
        if (value instanceof List) {
            return new ArrayList<>((List<?>) value);
        }
        if (value instanceof Map) {
            return new LinkedHashMap<>((Map<?, ?>) value);
        }
        throw new IllegalArgumentException("SAL plugin settings store String, List, Map or Properties, not "
                + value.getClass().getName());
    }
}
