// Host API declaration (never shipped): follows docs/host-api.md, entry "I18nResolver".
// Only the two members we call.
package com.atlassian.sal.api.message;

import java.io.Serializable;

public interface I18nResolver {
    String getText(String key, Serializable... arguments);

    Message createMessage(String key, Serializable... arguments);
}
