// Host API declaration (never shipped): follows docs/host-api.md, entry "LocaleResolver".
// Only the member we call.
package com.atlassian.sal.api.message;

import com.atlassian.sal.api.user.UserKey;

import java.util.Locale;

public interface LocaleResolver {
    Locale getLocale(UserKey userKey);
}
