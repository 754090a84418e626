package dev.jirapat.jira;

import com.atlassian.sal.api.pluginsettings.PluginSettings;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;
import dev.jirapat.token.TokenPolicy;
import org.junit.Test;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

/** The policy's overrides in SAL plugin settings: one plugin setting per policy setting, written alone. */
public class StoredPolicyTest {
    private final Map<String, Object> sal = new ConcurrentHashMap<>();
    private final PluginSettingsFactory factory = new PluginSettingsFactory() {
        @Override
        public PluginSettings createGlobalSettings() {
            return new PluginSettings() {
                @Override
                public Object get(String key) {
                    return sal.get(key);
                }

                @Override
                public Object put(String key, Object value) {
                    return sal.put(key, value);
                }

                @Override
                public Object remove(String key) {
                    return sal.remove(key);
                }
            };
        }
    };
    private final StoredPolicy policy = new StoredPolicy(factory, TokenPolicy.defaults());

    @Test
    public void applyWhenAnotherAdminSavedADifferentSettingMeanwhileThenBothChangesStay() {
        policy.apply(Map.of("maxTokensPerUser", "3"), Set.of());
        // Another node stores another setting after this admin's page read the overrides.
        sal.put(StoredPolicy.PREFIX + "nameMaxLength", "20");

        policy.apply(Map.of("maxExpiryDays", "90"), Set.of("eternalTokensAllowed"));

        assertEquals(new TreeMap<>(Map.of("maxTokensPerUser", "3", "nameMaxLength", "20", "maxExpiryDays", "90")),
                new TreeMap<>(policy.overrides()));
        assertEquals(20, policy.policy().nameMaxLength());
        assertEquals(3, policy.policy().maxTokensPerUser());
    }

    @Test
    public void applyWhenResetThenOnlyThatSettingGoesBackToItsDefault() {
        policy.apply(Map.of("maxTokensPerUser", "3", "nameMaxLength", "20"), Set.of());
        policy.apply(Map.of(), Set.of("maxTokensPerUser"));
        assertEquals(Map.of("nameMaxLength", "20"), policy.overrides());
        assertEquals(10, policy.policy().maxTokensPerUser());
        assertEquals(Set.of(StoredPolicy.PREFIX + "nameMaxLength"), sal.keySet());
    }

    @Test
    public void applyWhenAnyKeyOrValueIsBadThenNothingIsStored() {
        policy.apply(Map.of("nameMaxLength", "20"), Set.of());
        Map<String, Object> before = Map.copyOf(sal);
        refused(Map.of("maxTokensPerUser", "5", "noSuchSetting", "1"), Set.of());
        refused(Map.of("maxTokensPerUser", "5", "expiryWarningDays", "366"), Set.of());
        refused(Map.of("maxTokensPerUser", "5"), Set.of("noSuchSetting"));
        refused(Map.of("maxTokensPerUser", "5"), Set.of("maxTokensPerUser"));
        assertEquals(before, sal);
    }

    @Test
    public void overridesWhenAStoredValueIsNotTextThenIgnored() {
        sal.put(StoredPolicy.PREFIX + "maxTokensPerUser", java.util.List.of("3"));
        sal.put("dev.jirapat.policy.unknown", "1");
        assertEquals(Map.of(), policy.overrides());
    }

    @Test
    public void defaultsWhenGivenThenTheStoredOverridesApplyOnTopOfThem() {
        TokenPolicy defaults = TokenPolicy.defaults().withOverrides(Map.of("maxTokensPerUser", "4", "nameMaxLength", "30"),
                m -> fail(m));
        StoredPolicy withDefaults = new StoredPolicy(factory, defaults);
        sal.put(StoredPolicy.PREFIX + "nameMaxLength", "20");
        assertEquals(4, withDefaults.policy().maxTokensPerUser());
        assertEquals(20, withDefaults.policy().nameMaxLength());
    }

    @Test
    public void constructorReadsNoSystemPropertyTheFactoryMethodDoes() {
        System.setProperty("atlassian.pats.max.tokens.per.user", "3");
        System.setProperty("atlassian.pats.token.name.length", "many");
        try {
            assertEquals(10, new StoredPolicy(factory, TokenPolicy.defaults()).policy().maxTokensPerUser());
            TokenPolicy fromJvm = StoredPolicy.defaultsFromSystemProperties();
            assertEquals(3, fromJvm.maxTokensPerUser());
            assertEquals("an unreadable value falls back to the default", 40, fromJvm.nameMaxLength());
        } finally {
            System.clearProperty("atlassian.pats.max.tokens.per.user");
            System.clearProperty("atlassian.pats.token.name.length");
        }
    }

    private void refused(Map<String, String> set, Set<String> reset) {
        try {
            policy.apply(set, reset);
            fail("accepted " + set + " / " + reset);
        } catch (IllegalArgumentException expected) {
            // nothing stored
        }
    }
}
