package dev.jirapat.jira;

import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;
import dev.jirapat.token.Settings;
import dev.jirapat.token.SettingsStore;
import dev.jirapat.token.TokenPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link Settings} from Jira's {@code atlassian.pats.*} system properties (read once, at startup) with the
 * admin's overrides from SAL plugin settings (global, so every cluster node reads the same values). Overrides are
 * read on every call, so a change applies to the next request on every node.
 */
public final class StoredPolicy implements Settings, SettingsStore {
    static final String KEY = "dev.jirapat.policy";
    private static final Logger log = LoggerFactory.getLogger(StoredPolicy.class);

    private final PluginSettingsFactory settingsFactory;
    private final TokenPolicy defaults;

    public StoredPolicy(PluginSettingsFactory settingsFactory) {
        this.settingsFactory = settingsFactory;
        this.defaults = TokenPolicy.fromProperties(System::getProperty, log::warn);
    }

    @Override
    public TokenPolicy policy() {
        return defaults.withOverrides(overrides(), log::warn);
    }

    @Override
    public void save(Map<String, String> overrides) {
        if (overrides.isEmpty()) {
            settingsFactory.createGlobalSettings().remove(KEY);
        } else {
            // SAL stores String, List<String>, Map<String, String> or Properties values (host-api-facts.md §5).
            settingsFactory.createGlobalSettings().put(KEY, new LinkedHashMap<>(overrides));
        }
    }

    @Override
    public Map<String, String> overrides() {
        Object stored = settingsFactory.createGlobalSettings().get(KEY);
        if (!(stored instanceof Map)) {
            return Collections.emptyMap();
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) stored).entrySet()) {
            if (e.getKey() instanceof String && e.getValue() instanceof String) {
                out.put((String) e.getKey(), (String) e.getValue());
            }
        }
        return out;
    }
}
