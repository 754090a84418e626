package dev.jirapat.token;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The rules tokens are made under. Defaults come from the same JVM system properties, with the same defaults,
 * as Jira's built-in PAT app, so an admin who tuned those keeps them; stored overrides (the admin page) win.
 */
public final class TokenPolicy {
    /** A setting: its name in stored overrides and on the wire, its system property, default and bounds. */
    public enum Setting {
        ENABLED("enabled", "atlassian.pats.enabled", "true", 0, 1),
        MAX_EXPIRY_DAYS("maxExpiryDays", "atlassian.pats.max.tokens.expiry.days", "365", 1, 36500),
        ETERNAL_ALLOWED("eternalTokensAllowed", "atlassian.pats.eternal.tokens.enabled", "true", 0, 1),
        MAX_TOKENS_PER_USER("maxTokensPerUser", "atlassian.pats.max.tokens.per.user", "10", 1, 1000),
        // At most 100 characters: at most 200 UTF-16 units even in 4-byte characters, and its lower case (U+0130
        // becomes two units) fits the store's 255-unit columns on every database.
        NAME_MAX_LENGTH("nameMaxLength", "atlassian.pats.token.name.length", "40", 1, 100),
        EXPIRY_WARNING_DAYS("expiryWarningDays", "atlassian.pats.expiry.warning.days", "5", 0, 365),
        PRUNING_DELAY_DAYS("pruningDelayDays", "atlassian.pats.pruning.delay.days", "30", 0, 3650),
        INVALIDATE_SESSION("invalidateSession", "atlassian.pats.invalidate.session.enabled", "true", 0, 1),
        ALLOW_BASIC_AUTH("allowBasicAuth", "dev.jirapat.basic.auth.enabled", "false", 0, 1),
        // E-mails to owners about their tokens (created, rotated, revoked by others, pruned, expiring, expired)
        MAIL_NOTIFICATIONS("mailNotificationsEnabled", "atlassian.pats.mail.notifications.enabled", "true", 0, 1),
        // Failed token checks one client address (an IPv6 /64) may cause per minute before it is answered 429
        // without a database look-up; 0 turns the limit off.
        FAILED_CHECKS_PER_MINUTE("failedChecksPerMinute", "dev.jirapat.failed.checks.per.minute", "60", 0, 100000),
        // Days before expiry at which the owner is told a token expires soon (NoticeDays): a list, default 5 as the
        // built-in app's single notice. The built-in app has no property for a list, so neither do we.
        EXPIRY_NOTICE_DAYS("expiryNoticeDays", null, "5", NoticeDays.MIN_DAY, NoticeDays.MAX_DAY),
        // Tokens imported from Jira's built-in app authenticate as before; off, they are refused (401), so an admin
        // can end them all at once when every script has moved to a token of ours.
        IMPORTED_TOKENS_ACCEPTED("importedTokensAccepted", "dev.jirapat.imported.tokens.accepted", "true", 0, 1);

        private final String key;
        private final String systemProperty;
        private final String defaultValue;
        private final int min;
        private final int max;

        Setting(String key, String systemProperty, String defaultValue, int min, int max) {
            this.key = key;
            this.systemProperty = systemProperty;
            this.defaultValue = defaultValue;
            this.min = min;
            this.max = max;
        }

        public String key() {
            return key;
        }

        /** The JVM system property that sets the default, or null when there is none. */
        public String systemProperty() {
            return systemProperty;
        }

        public boolean isBoolean() {
            return "true".equals(defaultValue) || "false".equals(defaultValue);
        }

        /** A list of days ({@link NoticeDays}); its canonical text is the days, largest first, comma-separated. */
        public boolean isDayList() {
            return this == EXPIRY_NOTICE_DAYS;
        }

        public int min() {
            return min;
        }

        public int max() {
            return max;
        }

        /** The canonical text of a valid value, or null when {@code text} is not a valid value. */
        public String normalise(String text) {
            if (text == null) {
                return null;
            }
            String t = text.trim();
            if (isBoolean()) {
                return "true".equalsIgnoreCase(t) ? "true" : "false".equalsIgnoreCase(t) ? "false" : null;
            }
            if (isDayList()) {
                return NoticeDays.parse(t).map(NoticeDays::toString).orElse(null);
            }
            if (t.isEmpty() || t.length() > 9 || !t.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return null;
            }
            int v = Integer.parseInt(t);
            return v >= min && v <= max ? Integer.toString(v) : null;
        }
    }

    private final Map<Setting, String> values;

    private TokenPolicy(Map<Setting, String> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** Built-in defaults only (what a fresh Jira without system properties has). */
    public static TokenPolicy defaults() {
        return fromProperties(key -> null, message -> { });
    }

    /**
     * Reads each setting's system property through {@code lookup}; an unreadable value falls back to the
     * default and is reported to {@code warnings}.
     */
    public static TokenPolicy fromProperties(Function<String, String> lookup, Consumer<String> warnings) {
        Map<Setting, String> values = new LinkedHashMap<>();
        for (Setting s : Setting.values()) {
            values.put(s, s.defaultValue);
        }
        TokenPolicy base = new TokenPolicy(values);
        Map<Setting, String> fromSystem = new LinkedHashMap<>();
        for (Setting s : Setting.values()) {
            String raw = s.systemProperty == null ? null : lookup.apply(s.systemProperty);
            if (raw != null) {
                fromSystem.put(s, raw);
            }
        }
        return base.with(fromSystem, s -> "system property " + s.systemProperty, warnings);
    }

    /** This policy with stored overrides (keyed by {@link Setting#key()}) applied; bad values are reported and skipped. */
    public TokenPolicy withOverrides(Map<String, String> overrides, Consumer<String> warnings) {
        Map<Setting, String> bySetting = new LinkedHashMap<>();
        for (Setting s : Setting.values()) {
            if (overrides.containsKey(s.key)) {
                bySetting.put(s, overrides.get(s.key));
            }
        }
        return with(bySetting, s -> "stored setting " + s.key, warnings);
    }

    private TokenPolicy with(Map<Setting, String> changes, Function<Setting, String> origin, Consumer<String> warnings) {
        if (changes.isEmpty()) {
            return this;
        }
        Map<Setting, String> next = new LinkedHashMap<>(values);
        for (Map.Entry<Setting, String> change : changes.entrySet()) {
            Setting s = change.getKey();
            String normalised = s.normalise(change.getValue());
            if (normalised == null) {
                warnings.accept("Ignoring " + origin.apply(s) + ": expected " + (s.isBoolean() ? "true or false"
                        : s.isDayList() ? NoticeDays.EXPECTED : "a whole number from " + s.min + " to " + s.max)
                        + "; using " + values.get(s));
            } else {
                next.put(s, normalised);
            }
        }
        return new TokenPolicy(next);
    }

    private int number(Setting s) {
        return Integer.parseInt(values.get(s));
    }

    private boolean flag(Setting s) {
        return Boolean.parseBoolean(values.get(s));
    }

    public String value(Setting s) {
        return values.get(s);
    }

    public boolean enabled() {
        return flag(Setting.ENABLED);
    }

    public int maxExpiryDays() {
        return number(Setting.MAX_EXPIRY_DAYS);
    }

    public boolean eternalAllowed() {
        return flag(Setting.ETERNAL_ALLOWED);
    }

    public int maxTokensPerUser() {
        return number(Setting.MAX_TOKENS_PER_USER);
    }

    public int nameMaxLength() {
        return number(Setting.NAME_MAX_LENGTH);
    }

    public int expiryWarningDays() {
        return number(Setting.EXPIRY_WARNING_DAYS);
    }

    public int pruningDelayDays() {
        return number(Setting.PRUNING_DELAY_DAYS);
    }

    public boolean invalidateSession() {
        return flag(Setting.INVALIDATE_SESSION);
    }

    public boolean allowBasicAuth() {
        return flag(Setting.ALLOW_BASIC_AUTH);
    }

    public boolean mailNotificationsEnabled() {
        return flag(Setting.MAIL_NOTIFICATIONS);
    }

    public int failedChecksPerMinute() {
        return number(Setting.FAILED_CHECKS_PER_MINUTE);
    }

    /** When owners are told, before expiry, that a token expires soon. */
    public NoticeDays expiryNoticeDays() {
        return NoticeDays.parse(values.get(Setting.EXPIRY_NOTICE_DAYS)).orElseThrow(IllegalStateException::new);
    }

    public boolean importedTokensAccepted() {
        return flag(Setting.IMPORTED_TOKENS_ACCEPTED);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TokenPolicy && ((TokenPolicy) o).values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "TokenPolicy" + values;
    }
}
