package dev.jirapat.devhost;

import com.atlassian.cache.Cache;
import com.atlassian.cache.CacheLoader;
import com.atlassian.cache.CacheManager;
import com.atlassian.cache.CacheSettings;

import java.io.Serializable;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Atlassian's CacheManager for one node: a named map per cache whose entries expire as the cache's settings ask
 * ({@code expireAfterWrite}, measured on a monotonic clock), no size bound. Alone it is a Jira Server node. In a
 * {@link DevCluster} it is one node's cache manager, as on Jira Data Center: a cache built with
 * {@code replicateViaInvalidation()} (and not {@code local()}) sends every removal of a key to the cache of the
 * same name on the other nodes, which drop their entry and so read the database again; values never travel, and a
 * cache that is local or replicated by copy sends nothing. Loaders are not supported: the plugin passes none.
 */
public final class DevCacheManager implements CacheManager {
    private final Map<String, LocalCache<?, ?>> caches = new ConcurrentHashMap<>();
    private final Duration expireAfterWriteOverride;
    private volatile DevCacheReplication cluster; // null: a single node, nothing replicated

    public DevCacheManager() {
        this(null);
    }

    /** @param expireAfterWriteOverride replaces the expiry of every cache that sets one (tests shorten it); null: theirs */
    DevCacheManager(Duration expireAfterWriteOverride) {
        this.expireAfterWriteOverride = expireAfterWriteOverride;
    }

    void joined(DevCacheReplication cluster) {
        this.cluster = cluster;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> Cache<K, V> getCache(String name, CacheLoader<K, V> loader, CacheSettings settings) {
        if (loader != null) {
            throw new UnsupportedOperationException("the dev host's caches have no loaders");
        }
        return (Cache<K, V>) caches.computeIfAbsent(name, n -> new LocalCache<>(n, expiryNanos(settings),
                replicatedByInvalidation(settings)));
    }

    private long expiryNanos(CacheSettings settings) {
        Long millis = settings == null ? null : settings.getExpireAfterWrite();
        if (millis == null) {
            return 0;
        }
        return (expireAfterWriteOverride != null ? expireAfterWriteOverride : Duration.ofMillis(millis)).toNanos();
    }

    static boolean replicatedByInvalidation(CacheSettings settings) {
        return settings != null && !Boolean.TRUE.equals(settings.getLocal()) && Boolean.FALSE.equals(settings.getReplicateViaCopy());
    }

    /** A removal another node replicated to this one: drop the entry (null: all), send nothing on. */
    void invalidated(String cacheName, Object key) {
        LocalCache<?, ?> cache = caches.get(cacheName);
        if (cache != null) {
            cache.drop(key);
        }
    }

    private final class LocalCache<K, V> implements Cache<K, V> {
        private final String name;
        private final long expiryNanos; // 0: never
        private final boolean replicated;
        private final Map<K, Entry<V>> values = new ConcurrentHashMap<>();

        LocalCache(String name, long expiryNanos, boolean replicated) {
            this.name = name;
            this.expiryNanos = expiryNanos;
            this.replicated = replicated;
        }

        @Override
        public V get(K key) {
            Entry<V> entry = values.get(key);
            if (entry == null) {
                return null;
            }
            if (expiryNanos > 0 && System.nanoTime() - entry.writtenNanos >= expiryNanos) {
                values.remove(key, entry);
                return null;
            }
            return entry.value;
        }

        @Override
        public void put(K key, V value) {
            requireSerializable(key);
            values.put(key, new Entry<>(value, System.nanoTime()));
        }

        @Override
        public void remove(K key) {
            requireSerializable(key);
            values.remove(key);
            DevCacheReplication c = cluster;
            if (replicated && c != null) {
                c.invalidate(DevCacheManager.this, name, key);
            }
        }

        /** As Jira Data Center: an invalidation message carries the key, so a replicated cache's keys must serialise. */
        private void requireSerializable(K key) {
            if (replicated && !(key instanceof Serializable)) {
                throw new IllegalArgumentException("the key of replicated cache " + name + " is not Serializable: "
                        + key.getClass().getName());
            }
        }

        void drop(Object key) {
            if (key == null) {
                values.clear();
            } else {
                values.remove(key);
            }
        }
    }

    private static final class Entry<V> {
        final V value;
        final long writtenNanos;

        Entry(V value, long writtenNanos) {
            this.value = value;
            this.writtenNanos = writtenNanos;
        }
    }
}
