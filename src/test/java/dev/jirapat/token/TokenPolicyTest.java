package dev.jirapat.token;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.Test;

import dev.jirapat.token.TokenPolicy.Setting;

public class TokenPolicyTest {

    /** Reads every typed accessor, so a test sees what callers see, not just the stored text. */
    private static Map<Setting, Object> typed(TokenPolicy p) {
        Map<Setting, Object> m = new HashMap<>();
        m.put(Setting.ENABLED, p.enabled());
        m.put(Setting.MAX_EXPIRY_DAYS, p.maxExpiryDays());
        m.put(Setting.ETERNAL_ALLOWED, p.eternalAllowed());
        m.put(Setting.MAX_TOKENS_PER_USER, p.maxTokensPerUser());
        m.put(Setting.NAME_MAX_LENGTH, p.nameMaxLength());
        m.put(Setting.EXPIRY_WARNING_DAYS, p.expiryWarningDays());
        m.put(Setting.PRUNING_DELAY_DAYS, p.pruningDelayDays());
        m.put(Setting.INVALIDATE_SESSION, p.invalidateSession());
        m.put(Setting.ALLOW_BASIC_AUTH, p.allowBasicAuth());
        m.put(Setting.MAIL_NOTIFICATIONS, p.mailNotificationsEnabled());
        m.put(Setting.FAILED_CHECKS_PER_MINUTE, p.failedChecksPerMinute());
        m.put(Setting.EXPIRY_NOTICE_DAYS, p.expiryNoticeDays().toString());
        m.put(Setting.IMPORTED_TOKENS_ACCEPTED, p.importedTokensAccepted());
        return m;
    }

    private static Map<Setting, Object> defaultsTyped() {
        Map<Setting, Object> m = new HashMap<>();
        m.put(Setting.ENABLED, true);
        m.put(Setting.MAX_EXPIRY_DAYS, 365);
        m.put(Setting.ETERNAL_ALLOWED, true);
        m.put(Setting.MAX_TOKENS_PER_USER, 10);
        m.put(Setting.NAME_MAX_LENGTH, 40);
        m.put(Setting.EXPIRY_WARNING_DAYS, 5);
        m.put(Setting.PRUNING_DELAY_DAYS, 30);
        m.put(Setting.INVALIDATE_SESSION, true);
        m.put(Setting.ALLOW_BASIC_AUTH, false);
        m.put(Setting.MAIL_NOTIFICATIONS, true);
        m.put(Setting.FAILED_CHECKS_PER_MINUTE, 60);
        m.put(Setting.EXPIRY_NOTICE_DAYS, "5");
        m.put(Setting.IMPORTED_TOKENS_ACCEPTED, true);
        return m;
    }

    /** A valid value different from the default, for each setting. */
    private static final Object[][] NON_DEFAULTS = {
        {Setting.ENABLED, "false", false},
        {Setting.MAX_EXPIRY_DAYS, "90", 90},
        {Setting.ETERNAL_ALLOWED, "false", false},
        {Setting.MAX_TOKENS_PER_USER, "3", 3},
        {Setting.NAME_MAX_LENGTH, "100", 100},
        {Setting.EXPIRY_WARNING_DAYS, "14", 14},
        {Setting.PRUNING_DELAY_DAYS, "0", 0},
        {Setting.INVALIDATE_SESSION, "false", false},
        {Setting.ALLOW_BASIC_AUTH, "true", true},
        {Setting.MAIL_NOTIFICATIONS, "false", false},
        {Setting.FAILED_CHECKS_PER_MINUTE, "0", 0},
        {Setting.EXPIRY_NOTICE_DAYS, "30,7,1", "30,7,1"},
        {Setting.IMPORTED_TOKENS_ACCEPTED, "false", false},
    };

    private static Function<String, String> props(Map<String, String> values) {
        return values::get;
    }

    @Test
    public void defaultsWhenNoPropertiesThenJiraBuiltInDefaults() {
        assertEquals(defaultsTyped(), typed(TokenPolicy.defaults()));
        List<String> warnings = new ArrayList<>();
        TokenPolicy fromNothing = TokenPolicy.fromProperties(key -> null, warnings::add);
        assertEquals(TokenPolicy.defaults(), fromNothing);
        assertEquals(Collections.emptyList(), warnings);
    }

    @Test
    public void settingWhenLookedUpThenUsesJirasSystemPropertyNamesAndWireKeys() {
        Object[][] table = {
            {Setting.ENABLED, "atlassian.pats.enabled", "enabled"},
            {Setting.MAX_EXPIRY_DAYS, "atlassian.pats.max.tokens.expiry.days", "maxExpiryDays"},
            {Setting.ETERNAL_ALLOWED, "atlassian.pats.eternal.tokens.enabled", "eternalTokensAllowed"},
            {Setting.MAX_TOKENS_PER_USER, "atlassian.pats.max.tokens.per.user", "maxTokensPerUser"},
            {Setting.NAME_MAX_LENGTH, "atlassian.pats.token.name.length", "nameMaxLength"},
            {Setting.EXPIRY_WARNING_DAYS, "atlassian.pats.expiry.warning.days", "expiryWarningDays"},
            {Setting.PRUNING_DELAY_DAYS, "atlassian.pats.pruning.delay.days", "pruningDelayDays"},
            {Setting.INVALIDATE_SESSION, "atlassian.pats.invalidate.session.enabled", "invalidateSession"},
            {Setting.ALLOW_BASIC_AUTH, "dev.jirapat.basic.auth.enabled", "allowBasicAuth"},
            {Setting.MAIL_NOTIFICATIONS, "atlassian.pats.mail.notifications.enabled", "mailNotificationsEnabled"},
            {Setting.FAILED_CHECKS_PER_MINUTE, "dev.jirapat.failed.checks.per.minute", "failedChecksPerMinute"},
            // The built-in app has no property for a list of notice days, so neither do we.
            {Setting.EXPIRY_NOTICE_DAYS, null, "expiryNoticeDays"},
            {Setting.IMPORTED_TOKENS_ACCEPTED, "dev.jirapat.imported.tokens.accepted", "importedTokensAccepted"},
        };
        assertEquals(Setting.values().length, table.length);
        for (Object[] row : table) {
            Setting s = (Setting) row[0];
            assertEquals(s.name(), row[1], s.systemProperty());
            assertEquals(s.name(), row[2], s.key());
        }
    }

    @Test
    public void fromPropertiesWhenEachPropertySetThenOverridesOnlyThatSetting() {
        assertEquals(Setting.values().length, NON_DEFAULTS.length);
        for (Object[] row : NON_DEFAULTS) {
            Setting s = (Setting) row[0];
            if (s.systemProperty() == null) {
                continue;
            }
            List<String> warnings = new ArrayList<>();
            TokenPolicy p = TokenPolicy.fromProperties(props(Map.of(s.systemProperty(), (String) row[1])), warnings::add);
            Map<Setting, Object> expected = defaultsTyped();
            expected.put(s, row[2]);
            assertEquals(s.name(), expected, typed(p));
            assertEquals(s.name(), row[1], p.value(s));
            assertEquals(s.name(), Collections.emptyList(), warnings);
        }
    }

    @Test
    public void fromPropertiesWhenAllPropertiesSetThenAllOverridden() {
        Map<String, String> all = new HashMap<>();
        Map<Setting, Object> expected = defaultsTyped();
        for (Object[] row : NON_DEFAULTS) {
            if (((Setting) row[0]).systemProperty() == null) {
                continue;
            }
            all.put(((Setting) row[0]).systemProperty(), (String) row[1]);
            expected.put((Setting) row[0], row[2]);
        }
        TokenPolicy p = TokenPolicy.fromProperties(props(all), m -> {
            throw new AssertionError("unexpected warning: " + m);
        });
        assertEquals(expected, typed(p));
    }

    @Test
    public void fromPropertiesWhenPropertyIsPaddedOrMixedCaseThenNormalised() {
        Map<String, String> values = Map.of(
                Setting.MAX_EXPIRY_DAYS.systemProperty(), " 7 ",
                Setting.ENABLED.systemProperty(), "FALSE",
                Setting.ALLOW_BASIC_AUTH.systemProperty(), "True");
        List<String> warnings = new ArrayList<>();
        TokenPolicy p = TokenPolicy.fromProperties(props(values), warnings::add);
        assertEquals(7, p.maxExpiryDays());
        assertEquals("7", p.value(Setting.MAX_EXPIRY_DAYS));
        assertEquals(false, p.enabled());
        assertEquals(true, p.allowBasicAuth());
        assertEquals(Collections.emptyList(), warnings);
    }

    /** Unreadable values for each setting: none may change the policy, each must warn once. */
    private static List<String> badValuesFor(Setting s) {
        List<String> bad = new ArrayList<>(Arrays.asList("", " ", "abc", "1.5", "-1", "+5", "0x10", "1e3", "\uff15",
                "\u0665", "5 days", "999999999999", "2147483648", "null"));
        if (s.isBoolean()) {
            bad.addAll(Arrays.asList("yes", "no", "1", "0", "on", "tru", "true!", "t"));
        } else {
            bad.add(Integer.toString(s.min() - 1));
            bad.add(Integer.toString(s.max() + 1));
            bad.add("true");
        }
        return bad;
    }

    @Test
    public void fromPropertiesWhenValueUnreadableOrOutOfRangeThenDefaultAndOneWarningNamingTheProperty() {
        List<String> failures = new ArrayList<>();
        for (Setting s : Setting.values()) {
            if (s.systemProperty() == null) {
                continue;
            }
            for (String bad : badValuesFor(s)) {
                List<String> warnings = new ArrayList<>();
                TokenPolicy p;
                try {
                    p = TokenPolicy.fromProperties(props(Map.of(s.systemProperty(), bad)), warnings::add);
                } catch (RuntimeException e) {
                    failures.add(s + "='" + bad + "' threw " + e);
                    continue;
                }
                if (!p.equals(TokenPolicy.defaults())) {
                    failures.add(s + "='" + bad + "' changed the policy: " + p);
                }
                if (warnings.size() != 1 || !warnings.get(0).contains(s.systemProperty())) {
                    failures.add(s + "='" + bad + "' warnings: " + warnings);
                }
            }
        }
        assertTrue(String.join("\n", failures), failures.isEmpty());
    }

    @Test
    public void fromPropertiesWhenOneBadAndOneGoodThenGoodAppliedAndOnlyBadWarned() {
        List<String> warnings = new ArrayList<>();
        TokenPolicy p = TokenPolicy.fromProperties(props(Map.of(
                Setting.MAX_EXPIRY_DAYS.systemProperty(), "forever",
                Setting.MAX_TOKENS_PER_USER.systemProperty(), "25")), warnings::add);
        assertEquals(365, p.maxExpiryDays());
        assertEquals(25, p.maxTokensPerUser());
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0), warnings.get(0).contains("atlassian.pats.max.tokens.expiry.days"));
        assertTrue(warnings.get(0), warnings.get(0).contains("365"));
    }

    @Test
    public void fromPropertiesWhenAtMinimumOrMaximumThenAccepted() {
        for (Setting s : Setting.values()) {
            if (s.isBoolean() || s.systemProperty() == null) {
                continue;
            }
            for (int v : new int[] {s.min(), s.max()}) {
                List<String> warnings = new ArrayList<>();
                TokenPolicy p = TokenPolicy.fromProperties(props(Map.of(s.systemProperty(), Integer.toString(v))), warnings::add);
                assertEquals(s + "=" + v, Integer.toString(v), p.value(s));
                assertEquals(s + "=" + v, Collections.emptyList(), warnings);
            }
        }
    }

    @Test
    public void fromPropertiesWhenOnlyUnrelatedPropertiesThenDefaults() {
        List<String> warnings = new ArrayList<>();
        TokenPolicy p = TokenPolicy.fromProperties(props(Map.of("atlassian.pats.expiry.check.schedule.cron", "0 0 * * * ?",
                "maxExpiryDays", "7", "atlassian.pats.max.tokens.expiry.days.max", "7")), warnings::add);
        assertEquals(TokenPolicy.defaults(), p);
        assertEquals(Collections.emptyList(), warnings);
    }

    // ---- stored overrides ----

    @Test
    public void withOverridesWhenSetThenWinOverSystemProperties() {
        TokenPolicy fromProps = TokenPolicy.fromProperties(props(Map.of(
                Setting.MAX_EXPIRY_DAYS.systemProperty(), "100",
                Setting.ENABLED.systemProperty(), "false")), m -> { });
        List<String> warnings = new ArrayList<>();
        TokenPolicy p = fromProps.withOverrides(Map.of("maxExpiryDays", "200", "enabled", "true"), warnings::add);
        assertEquals(200, p.maxExpiryDays());
        assertEquals(true, p.enabled());
        assertEquals(Collections.emptyList(), warnings);
        // The original is unchanged.
        assertEquals(100, fromProps.maxExpiryDays());
    }

    @Test
    public void withOverridesWhenEachKeySetThenOverridesThatSetting() {
        for (Object[] row : NON_DEFAULTS) {
            Setting s = (Setting) row[0];
            if (s.systemProperty() == null) {
                continue;
            }
            List<String> warnings = new ArrayList<>();
            TokenPolicy p = TokenPolicy.defaults().withOverrides(Map.of(s.key(), (String) row[1]), warnings::add);
            Map<Setting, Object> expected = defaultsTyped();
            expected.put(s, row[2]);
            assertEquals(s.name(), expected, typed(p));
            assertEquals(s.name(), Collections.emptyList(), warnings);
        }
    }

    @Test
    public void withOverridesWhenValueBadThenIgnoredWithWarningAndPropertyValueKept() {
        TokenPolicy fromProps = TokenPolicy.fromProperties(props(Map.of(Setting.MAX_EXPIRY_DAYS.systemProperty(), "100")),
                m -> { });
        for (String bad : Arrays.asList("", "abc", "0", "36501", "-5", "1.5")) {
            List<String> warnings = new ArrayList<>();
            TokenPolicy p = fromProps.withOverrides(Map.of("maxExpiryDays", bad), warnings::add);
            assertEquals(bad, 100, p.maxExpiryDays());
            assertEquals(bad, fromProps, p);
            assertEquals(bad, 1, warnings.size());
            assertTrue(warnings.get(0), warnings.get(0).contains("maxExpiryDays"));
            assertTrue(warnings.get(0), warnings.get(0).contains("100"));
        }
    }

    @Test
    public void withOverridesWhenNullValueThenIgnoredWithWarning() {
        Map<String, String> overrides = new HashMap<>();
        overrides.put("nameMaxLength", null);
        List<String> warnings = new ArrayList<>();
        TokenPolicy p = TokenPolicy.defaults().withOverrides(overrides, warnings::add);
        assertEquals(40, p.nameMaxLength());
        assertEquals(1, warnings.size());
    }

    @Test
    public void withOverridesWhenMixOfGoodAndBadThenGoodAppliedAndEachBadWarned() {
        List<String> warnings = new ArrayList<>();
        TokenPolicy p = TokenPolicy.defaults().withOverrides(Map.of(
                "maxTokensPerUser", "0",
                "nameMaxLength", "60",
                "allowBasicAuth", "maybe"), warnings::add);
        assertEquals(10, p.maxTokensPerUser());
        assertEquals(60, p.nameMaxLength());
        assertEquals(false, p.allowBasicAuth());
        assertEquals(2, warnings.size());
    }

    @Test
    public void withOverridesWhenKeyUnknownOrIsAPropertyNameThenNoEffect() {
        TokenPolicy p = TokenPolicy.defaults().withOverrides(Map.of(
                "atlassian.pats.max.tokens.expiry.days", "7",
                "MAX_EXPIRY_DAYS", "7",
                "maxexpirydays", "7"), m -> { });
        assertEquals(TokenPolicy.defaults(), p);
    }

    @Test
    public void withOverridesWhenEmptyThenEqualPolicy() {
        TokenPolicy base = TokenPolicy.fromProperties(props(Map.of(Setting.NAME_MAX_LENGTH.systemProperty(), "12")), m -> { });
        assertEquals(base, base.withOverrides(Collections.emptyMap(), m -> {
            throw new AssertionError(m);
        }));
    }

    // ---- Setting.normalise ----

    @Test
    public void normaliseWhenGivenEdgeCasesThenCanonicalTextOrNull() {
        Object[][] table = {
            // setting, input, expected (null = invalid)
            {Setting.MAX_EXPIRY_DAYS, " 7 ", "7"},
            {Setting.MAX_EXPIRY_DAYS, "\t7\n", "7"},
            {Setting.MAX_EXPIRY_DAYS, "007", "7"},
            {Setting.MAX_EXPIRY_DAYS, "1", "1"},
            {Setting.MAX_EXPIRY_DAYS, "36500", "36500"},
            {Setting.MAX_EXPIRY_DAYS, "36501", null},
            {Setting.MAX_EXPIRY_DAYS, "0", null},
            {Setting.MAX_EXPIRY_DAYS, "", null},
            {Setting.MAX_EXPIRY_DAYS, "   ", null},
            {Setting.MAX_EXPIRY_DAYS, null, null},
            {Setting.MAX_EXPIRY_DAYS, "7 7", null},
            {Setting.MAX_EXPIRY_DAYS, "+7", null},
            {Setting.MAX_EXPIRY_DAYS, "-7", null},
            {Setting.MAX_EXPIRY_DAYS, "7.0", null},
            {Setting.MAX_EXPIRY_DAYS, "\uff17", null},
            {Setting.MAX_EXPIRY_DAYS, "999999999999", null},
            {Setting.MAX_EXPIRY_DAYS, "2147483648", null},
            {Setting.MAX_EXPIRY_DAYS, "000000000000007", null},
            {Setting.MAX_TOKENS_PER_USER, "0", null},
            {Setting.MAX_TOKENS_PER_USER, "1", "1"},
            {Setting.MAX_TOKENS_PER_USER, "1000", "1000"},
            {Setting.MAX_TOKENS_PER_USER, "1001", null},
            {Setting.MAX_TOKENS_PER_USER, "999999999999", null},
            {Setting.NAME_MAX_LENGTH, "0", null},
            {Setting.NAME_MAX_LENGTH, "100", "100"},
            {Setting.NAME_MAX_LENGTH, "101", null},
            {Setting.NAME_MAX_LENGTH, "255", null},
            {Setting.EXPIRY_WARNING_DAYS, "0", "0"},
            {Setting.EXPIRY_WARNING_DAYS, "366", null},
            {Setting.PRUNING_DELAY_DAYS, "0", "0"},
            {Setting.PRUNING_DELAY_DAYS, "3650", "3650"},
            {Setting.PRUNING_DELAY_DAYS, "3651", null},
            {Setting.ENABLED, "TRUE", "true"},
            {Setting.ENABLED, " False ", "false"},
            {Setting.ENABLED, "true", "true"},
            {Setting.ENABLED, "1", null},
            {Setting.ENABLED, "0", null},
            {Setting.ENABLED, "yes", null},
            {Setting.ENABLED, "", null},
            {Setting.ENABLED, null, null},
            {Setting.ALLOW_BASIC_AUTH, "tRuE", "true"},
            {Setting.INVALIDATE_SESSION, "FALSE", "false"},
        };
        List<String> failures = new ArrayList<>();
        for (Object[] row : table) {
            Setting s = (Setting) row[0];
            String actual = s.normalise((String) row[1]);
            if (actual == null ? row[2] != null : !actual.equals(row[2])) {
                failures.add(s + " normalise('" + row[1] + "') = " + actual + ", expected " + row[2]);
            }
        }
        assertTrue(String.join("\n", failures), failures.isEmpty());
    }

    @Test
    public void isBooleanWhenSettingIsAFlagThenTrue() {
        EnumSet<Setting> flags = EnumSet.of(Setting.ENABLED, Setting.ETERNAL_ALLOWED, Setting.INVALIDATE_SESSION,
                Setting.ALLOW_BASIC_AUTH, Setting.MAIL_NOTIFICATIONS,
                Setting.IMPORTED_TOKENS_ACCEPTED);
        for (Setting s : Setting.values()) {
            assertEquals(s.name(), flags.contains(s), s.isBoolean());
        }
        assertNull(Setting.ENABLED.normalise("2"));
    }
}
