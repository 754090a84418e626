// Host API declaration (never shipped): reference/host-api-facts.md §5 (I18nResolver; only the two members we call).
package com.atlassian.sal.api.message;

import java.io.Serializable;

public interface I18nResolver {
    String getText(String key, Serializable... arguments);

    Message createMessage(String key, Serializable... arguments);
}
