// Host API declaration (never shipped): reference/host-api-facts.md §11 (CacheSettings, as returned by
// CacheSettingsBuilder.build(); only passed on, never called).
package com.atlassian.cache;

public interface CacheSettings {
}
