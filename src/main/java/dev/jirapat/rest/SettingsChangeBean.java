package dev.jirapat.rest;

import org.codehaus.jackson.annotate.JsonAnySetter;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code PUT /admin/settings}: the settings to change, by {@code TokenPolicy.Setting.key()}; {@code null} puts a
 * setting back to its default (the JVM property or the built-in default). The same shape as {@link SettingsBean}.
 */
public final class SettingsChangeBean {
    /** Setting key to value; a null value means "back to the default". */
    final Map<String, JsonInput> changes = new LinkedHashMap<>();

    @JsonAnySetter
    public void change(String key, JsonInput value) {
        changes.put(key, value);
    }
}
