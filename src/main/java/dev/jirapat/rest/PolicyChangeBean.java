package dev.jirapat.rest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code PUT /admin/settings}: the settings to change, by {@code TokenPolicy.Setting.key()}, read from the body's
 * JSON object in the order sent; {@code null} puts a setting back to its default (the JVM property or the built-in
 * default). The same shape as {@link PolicyBean}.
 */
final class PolicyChangeBean {
    /** Setting key to value; a null value means "back to the default". */
    final Map<String, JsonInput> changes;

    PolicyChangeBean(JsonInput body) {
        Map<String, JsonInput> changes = new LinkedHashMap<>();
        for (Map.Entry<String, JsonInput> member : body.members().entrySet()) {
            JsonInput value = member.getValue();
            changes.put(member.getKey(), value.kind() == JsonInput.Kind.NULL ? null : value);
        }
        this.changes = Collections.unmodifiableMap(changes);
    }
}
