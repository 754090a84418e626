package dev.jirapat.devhost;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The stand-in for Jira Data Center's cache replication between the nodes of a {@link DevCluster}: each removal
 * from a cache that replicates by invalidation is delivered, synchronously, to the cache of that name on every
 * other node that has joined. A test can have the messages lost instead.
 */
final class DevCacheReplication {
    private final List<DevCacheManager> members = new CopyOnWriteArrayList<>();
    private volatile boolean dropping;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    void join(DevCacheManager member) {
        member.joined(this);
        members.add(member);
    }

    void leave(DevCacheManager member) {
        members.remove(member);
    }

    void drop(boolean drop) {
        this.dropping = drop;
    }

    long delivered() {
        return delivered.get();
    }

    long dropped() {
        return dropped.get();
    }

    /** One removal of {@code key} (null: all) from cache {@code cacheName} on {@code from}, sent to the others. */
    void invalidate(DevCacheManager from, String cacheName, Object key) {
        for (DevCacheManager member : new ArrayList<>(members)) {
            if (member == from) {
                continue;
            }
            if (dropping) {
                dropped.incrementAndGet();
            } else {
                member.invalidated(cacheName, key);
                delivered.incrementAndGet();
            }
        }
    }
}
