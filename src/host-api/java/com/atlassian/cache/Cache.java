// Host API declaration (never shipped): follows docs/host-api.md, entry "Cache".
package com.atlassian.cache;

public interface Cache<K, V> {
    V get(K key);

    void put(K key, V value);

    void remove(K key);
}
