package dev.jirapat.rest;

import com.atlassian.sal.api.message.I18nResolver;
import dev.jirapat.token.Rejection;

import java.io.Serializable;
import java.util.Locale;

/**
 * The API's user-facing texts, from {@code dev/jirapat/i18n/pat.properties} through SAL's {@link I18nResolver}.
 * Arguments are passed as text so that MessageFormat never reformats a number ("1,000"), except a {@code Long}:
 * that is a count, passed as a number so that the message can choose its plural form with
 * {@code {0,choice,1#...|1<...}} (Java's MessageFormat, which Jira's i18n uses), and written as the user's locale
 * writes numbers. One bean, shared by every resource and mapper.
 */
public final class Messages {
    static final String NOT_AUTHENTICATED = "pat.rest.error.not.authenticated";
    static final String NOT_ADMIN = "pat.rest.error.not.admin";
    static final String BODY_MISSING = "pat.rest.error.body.missing";
    static final String BODY_SHAPE = "pat.rest.error.body.shape";
    static final String BODY_SYNTAX = "pat.rest.error.body.syntax";
    static final String BODY_TOO_LARGE = "pat.rest.error.body.too.large";
    static final String BODY_UNREADABLE = "pat.rest.error.body.unreadable";
    static final String BODY_CHARSET = "pat.rest.error.body.charset";
    static final String BODY_NOT_UTF8 = "pat.rest.error.body.not.utf8";
    static final String BODY_INVALID_UTF8 = "pat.rest.error.body.invalid.utf8";
    static final String FIELD_UNKNOWN = "pat.rest.error.field.unknown";
    static final String FIELD_TEXT = "pat.rest.error.field.text";
    static final String FIELD_INTEGER = "pat.rest.error.field.integer";
    static final String FIELD_BOOLEAN = "pat.rest.error.field.boolean";
    static final String FIELD_TEXT_LIST = "pat.rest.error.field.text.list";
    static final String FIELD_TOO_MANY = "pat.rest.error.field.too.many";
    static final String SCOPE_INVALID = "pat.rest.error.scope.invalid";
    static final String SORT_INVALID = "pat.rest.error.sort.invalid";
    static final String ORDER_INVALID = "pat.rest.error.order.invalid";
    static final String STATUS_INVALID = "pat.rest.error.status.invalid";
    static final String DATE_INVALID = "pat.rest.error.date.invalid";
    static final String PAGE_INVALID = "pat.rest.error.page.invalid";
    static final String LIMIT_INVALID = "pat.rest.error.limit.invalid";
    static final String CONTAINS_TOO_LONG = "pat.rest.error.contains.too.long";
    static final String IDS_INVALID = "pat.rest.error.ids.invalid";
    static final String IDS_TOO_MANY = "pat.rest.error.ids.too.many";
    static final String USERNAME_MISSING = "pat.rest.error.username.missing";
    static final String SETTING_UNKNOWN = "pat.rest.error.setting.unknown";
    static final String SETTING_BOOLEAN = "pat.rest.error.setting.boolean";
    static final String SETTING_NUMBER = "pat.rest.error.setting.number";
    static final String SETTING_DAYS = "pat.rest.error.setting.days";
    /** Prefix of each setting's label ({@code pat.settings.maxExpiryDays}), shared with the settings page. */
    static final String SETTING_LABEL = "pat.settings.";
    static final String NOT_TOKEN_AUTHENTICATED = "pat.rest.error.not.token.authenticated";
    static final String NOT_FOUND = "pat.rest.error.not.found";
    static final String METHOD_NOT_ALLOWED = "pat.rest.error.method.not.allowed";
    static final String NOT_ACCEPTABLE = "pat.rest.error.not.acceptable";
    static final String UNSUPPORTED_MEDIA_TYPE = "pat.rest.error.unsupported.media.type";
    static final String HTTP = "pat.rest.error.http";
    static final String INTERNAL = "pat.rest.error.internal";

    private final I18nResolver i18n;

    public Messages(I18nResolver i18n) {
        this.i18n = i18n;
    }

    String get(String key, Object... arguments) {
        Serializable[] texts = new Serializable[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            texts[i] = arguments[i] instanceof Long ? (Long) arguments[i] : String.valueOf(arguments[i]);
        }
        return i18n.getText(key, texts);
    }

    /** {@code pat.rejection.name.too.long} for {@link Rejection#NAME_TOO_LONG}: one message per rejection. */
    static String key(Rejection rejection) {
        return "pat.rejection." + rejection.name().toLowerCase(Locale.ROOT).replace('_', '.');
    }

    /**
     * A client-supplied name (an unknown field or setting) fit to quote in a message: at most 40 characters,
     * control and format characters replaced.
     */
    static String quote(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(40).forEach(cp -> {
            int type = Character.getType(cp);
            boolean hidden = Character.isISOControl(cp) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE;
            out.appendCodePoint(hidden ? '?' : cp);
        });
        return out.length() < text.length() && text.codePointCount(0, text.length()) > 40 ? out + "\u2026" : out.toString();
    }
}
