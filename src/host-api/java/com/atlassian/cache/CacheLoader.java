// Host API declaration (never shipped): reference/host-api-facts.md §11 (CacheLoader; named in getCache's
// signature only: we pass null, never implement it).
package com.atlassian.cache;

public interface CacheLoader<K, V> {
}
