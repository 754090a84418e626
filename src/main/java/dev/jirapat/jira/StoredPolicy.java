package dev.jirapat.jira;

import com.atlassian.sal.api.pluginsettings.PluginSettings;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;
import dev.jirapat.token.PolicySource;
import dev.jirapat.token.PolicyStore;
import dev.jirapat.token.TokenPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@link PolicySource} from defaults (Jira's {@code atlassian.pats.*} system properties, read once at startup by
 * {@link #defaultsFromSystemProperties()}, which plugin-context.xml calls) with the admin's overrides from SAL
 * plugin settings (global, so every cluster node reads the same values). Overrides are
 * read on every call, so a change applies to the next request on every node. Each setting is its own plugin
 * setting ({@value #PREFIX}{@code <key>}), written alone: two admins saving different settings at once both keep
 * their change, where a read-change-write of one shared map would lose one of them.
 */
public final class StoredPolicy implements PolicySource, PolicyStore {
    static final String PREFIX = "dev.jirapat.policy.";
    private static final Logger log = LoggerFactory.getLogger(StoredPolicy.class);

    private final PluginSettingsFactory settingsFactory;
    private final TokenPolicy defaults;

    /** @param defaults the policy without stored overrides */
    public StoredPolicy(PluginSettingsFactory settingsFactory, TokenPolicy defaults) {
        this.settingsFactory = settingsFactory;
        this.defaults = defaults;
    }

    /**
     * The defaults as Jira's built-in app takes them: each setting's JVM system property (README, "Tokens"), a value
     * that is not valid for its setting falling back to the built-in default with a warning in the log. The one
     * place the plugin reads system properties, called once, by the Spring context.
     */
    public static TokenPolicy defaultsFromSystemProperties() {
        return TokenPolicy.fromProperties(System::getProperty, log::warn);
    }

    @Override
    public TokenPolicy policy() {
        return defaults.withOverrides(overrides(), log::warn);
    }

    @Override
    public void apply(Map<String, String> set, Set<String> reset) {
        for (Map.Entry<String, String> change : set.entrySet()) {
            if (setting(change.getKey()).normalise(change.getValue()) == null) {
                throw new IllegalArgumentException("not a valid value for " + change.getKey());
            }
            if (reset.contains(change.getKey())) {
                throw new IllegalArgumentException("both set and reset: " + change.getKey());
            }
        }
        for (String key : reset) {
            setting(key);
        }
        PluginSettings stored = settingsFactory.createGlobalSettings();
        for (Map.Entry<String, String> change : set.entrySet()) {
            stored.put(PREFIX + change.getKey(), setting(change.getKey()).normalise(change.getValue()));
        }
        for (String key : reset) {
            stored.remove(PREFIX + key);
        }
    }

    @Override
    public Map<String, String> overrides() {
        PluginSettings stored = settingsFactory.createGlobalSettings();
        Map<String, String> out = new LinkedHashMap<>();
        for (TokenPolicy.Setting setting : TokenPolicy.Setting.values()) {
            Object value = stored.get(PREFIX + setting.key());
            if (value instanceof String) {
                out.put(setting.key(), (String) value);
            }
        }
        return out;
    }

    private static TokenPolicy.Setting setting(String key) {
        for (TokenPolicy.Setting setting : TokenPolicy.Setting.values()) {
            if (setting.key().equals(key)) {
                return setting;
            }
        }
        throw new IllegalArgumentException("unknown setting: " + key);
    }
}
