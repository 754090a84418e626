package dev.jirapat.rest;

import dev.jirapat.token.TokenPolicy;
import org.codehaus.jackson.annotate.JsonAnyGetter;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The policy in force, one property per {@link TokenPolicy.Setting} under its {@link TokenPolicy.Setting#key()}:
 * booleans as JSON booleans, numbers as JSON numbers, lists of days as JSON arrays of numbers. Generic over the
 * settings so a new setting needs no new property here.
 */
public final class PolicyBean {
    private final Map<String, Object> values = new LinkedHashMap<>();

    PolicyBean(TokenPolicy policy) {
        for (TokenPolicy.Setting setting : TokenPolicy.Setting.values()) {
            String value = policy.value(setting);
            values.put(setting.key(), setting.isBoolean() ? (Object) Boolean.valueOf(value)
                    : setting.isDayList() ? policy.expiryNoticeDays().days() : (Object) Integer.valueOf(value));
        }
    }

    @JsonAnyGetter
    public Map<String, Object> values() {
        return values;
    }
}
