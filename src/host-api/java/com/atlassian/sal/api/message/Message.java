// Host API declaration (never shipped): follows docs/host-api.md, entry "Message".
// We pass it on, never call or implement it.
package com.atlassian.sal.api.message;

import java.io.Serializable;

public interface Message extends Serializable {
}
