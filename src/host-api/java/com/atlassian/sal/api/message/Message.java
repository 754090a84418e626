// Host API declaration (never shipped): reference/host-api-facts.md §5 (Message; we pass it on, never call or implement it).
package com.atlassian.sal.api.message;

import java.io.Serializable;

public interface Message extends Serializable {
}
