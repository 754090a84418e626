// Host API declaration (never shipped): reference/host-api-facts.md §11 (CacheManager extends CacheFactory; the
// inherited getCache is declared here directly, §1 rule 3). Erasure: getCache(String, CacheLoader, CacheSettings)Cache.
package com.atlassian.cache;

public interface CacheManager {
    <K, V> Cache<K, V> getCache(String name, CacheLoader<K, V> loader, CacheSettings settings);
}
