// Host API declaration (never shipped): reference/host-api-facts.md §5 (I18nResolver).
package com.atlassian.sal.api.message;

import java.io.Serializable;

public interface I18nResolver {
    Message createMessage(String key, Serializable... arguments);
}
