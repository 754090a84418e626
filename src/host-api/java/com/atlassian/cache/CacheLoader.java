// Host API declaration (never shipped): follows docs/host-api.md, entry "CacheLoader".
// Named in getCache's signature only: we pass null, never implement it.
package com.atlassian.cache;

public interface CacheLoader<K, V> {
}
