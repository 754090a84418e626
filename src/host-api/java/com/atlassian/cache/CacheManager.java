// Host API declaration (never shipped): follows docs/host-api.md, entry "CacheManager".
// CacheManager extends CacheFactory; the inherited getCache is declared here directly (a method inherited from a
// super-interface links when declared on the sub-type). Erasure: getCache(String, CacheLoader, CacheSettings)Cache.
package com.atlassian.cache;

public interface CacheManager {
    <K, V> Cache<K, V> getCache(String name, CacheLoader<K, V> loader, CacheSettings settings);
}
