// Host API declaration (never shipped): follows docs/host-api.md, entry "I18nResolver".
// Only the members we call. The default body is ours, not SAL's (there the method is abstract; a call links the
// same): it lets test doubles that know one language ignore the locale.
package com.atlassian.sal.api.message;

import java.io.Serializable;
import java.util.Locale;

public interface I18nResolver {
    String getText(String key, Serializable... arguments);

    default String getText(Locale locale, String key, Serializable... arguments) {
        return getText(key, arguments);
    }

    Message createMessage(String key, Serializable... arguments);
}
