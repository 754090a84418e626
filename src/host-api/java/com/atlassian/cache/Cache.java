// Host API declaration (never shipped): reference/host-api-facts.md §11 (Cache).
package com.atlassian.cache;

public interface Cache<K, V> {
    V get(K key);

    void put(K key, V value);

    void remove(K key);
}
