package dev.jirapat.token;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The policy ports over a map of stored overrides, for tests: what {@code StoredPolicy} does with SAL's plugin
 * settings, including its refusals (unknown key, invalid value, a key both set and reset). A test may also put
 * overrides into the map it passed in directly.
 */
public final class InMemoryPolicy implements PolicySource, PolicyStore {
    private final Map<String, String> overrides;

    public InMemoryPolicy() {
        this(new ConcurrentHashMap<>());
    }

    /** Over this map, live: a test's own puts apply from the next {@link #policy()} on. */
    public InMemoryPolicy(Map<String, String> overrides) {
        this.overrides = overrides;
    }

    @Override
    public TokenPolicy policy() {
        return TokenPolicy.defaults().withOverrides(overrides, warning -> { });
    }

    @Override
    public Map<String, String> overrides() {
        return new ConcurrentHashMap<>(overrides);
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
        reset.forEach(InMemoryPolicy::setting);
        set.forEach((key, value) -> overrides.put(key, setting(key).normalise(value)));
        reset.forEach(overrides::remove);
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
