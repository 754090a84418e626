package dev.jirapat.devhost;

import com.atlassian.cache.Cache;
import com.atlassian.cache.CacheLoader;
import com.atlassian.cache.CacheManager;
import com.atlassian.cache.CacheSettings;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Atlassian's CacheManager on one node: a named map per cache (no expiry, no size bound, nothing replicated;
 * a single Jira Server node behaves the same apart from expiry). Loaders are not supported: the plugin passes none.
 */
public final class DevCacheManager implements CacheManager {
    private final Map<String, LocalCache<?, ?>> caches = new ConcurrentHashMap<>();

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> Cache<K, V> getCache(String name, CacheLoader<K, V> loader, CacheSettings settings) {
        if (loader != null) {
            throw new UnsupportedOperationException("the dev host's caches have no loaders");
        }
        return (Cache<K, V>) caches.computeIfAbsent(name, n -> new LocalCache<>());
    }

    private static final class LocalCache<K, V> implements Cache<K, V> {
        private final Map<K, V> values = new ConcurrentHashMap<>();

        @Override
        public V get(K key) {
            return values.get(key);
        }

        @Override
        public void put(K key, V value) {
            values.put(key, value);
        }

        @Override
        public void remove(K key) {
            values.remove(key);
        }
    }
}
