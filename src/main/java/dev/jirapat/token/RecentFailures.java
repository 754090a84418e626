package dev.jirapat.token;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Presented built-in tokens whose PBKDF2 check failed a moment ago, by {@link BuiltinToken#cacheKey()}: repeating
 * one is refused without paying the check again, so a client cannot make the node burn milliseconds of CPU per
 * request with the same wrong secret. Per node, in memory, bounded: at most {@value #MAX_ENTRIES} keys, each
 * forgotten {@value #TTL_SECONDS} seconds after it failed (the oldest first when full). Holds digests only.
 */
final class RecentFailures {
    static final int MAX_ENTRIES = 10_000;
    static final long TTL_SECONDS = 60;

    private final LinkedHashMap<String, Instant> failedAt = new LinkedHashMap<>();

    synchronized boolean contains(String key, Instant now) {
        expire(now);
        return failedAt.containsKey(key);
    }

    synchronized void add(String key, Instant now) {
        expire(now);
        failedAt.remove(key); // re-inserted last: the insertion order stays the expiry order
        failedAt.put(key, now);
        if (failedAt.size() > MAX_ENTRIES) {
            Iterator<String> oldest = failedAt.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
    }

    synchronized int size() {
        return failedAt.size();
    }

    private void expire(Instant now) {
        Instant limit = now.minus(Duration.ofSeconds(TTL_SECONDS));
        Iterator<Map.Entry<String, Instant>> it = failedAt.entrySet().iterator();
        while (it.hasNext()) {
            if (it.next().getValue().isAfter(limit)) {
                return;
            }
            it.remove();
        }
    }
}
