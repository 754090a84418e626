package dev.jirapat.rest;

import dev.jirapat.token.TokenPolicy;

/**
 * The policy in force, one property per {@link TokenPolicy.Setting} under its {@link TokenPolicy.Setting#key()}:
 * booleans as JSON booleans, numbers as JSON numbers, lists of days as JSON arrays of numbers. Generic over the
 * settings so a new setting needs no new property here.
 */
public final class PolicyBean implements JsonWritable {
    private final TokenPolicy policy;

    PolicyBean(TokenPolicy policy) {
        this.policy = policy;
    }

    @Override
    public void writeJson(JsonWriter out) {
        out.beginObject();
        for (TokenPolicy.Setting setting : TokenPolicy.Setting.values()) {
            out.name(setting.key());
            if (setting.isBoolean()) {
                out.value(Boolean.parseBoolean(policy.value(setting)));
            } else if (setting.isDayList()) {
                out.beginArray();
                for (int day : policy.expiryNoticeDays().days()) {
                    out.value(day);
                }
                out.endArray();
            } else {
                out.value(Integer.parseInt(policy.value(setting)));
            }
        }
        out.endObject();
    }
}
