// Host API declaration (never shipped): follows docs/host-api.md, entry "CacheSettings".
// As returned by CacheSettingsBuilder.build(); only passed on, never called.
package com.atlassian.cache;

public interface CacheSettings {
}
