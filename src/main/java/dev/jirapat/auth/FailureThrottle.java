package dev.jirapat.auth;

import java.time.Clock;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits how many failed token checks one client ({@link ClientKey}) may cause per minute. A made-up token with
 * a valid checksum costs a database look-up (only found tokens are cached), so beyond the limit a client's token
 * requests are answered 429 before any look-up, until enough time has passed. Other clients are never affected.
 * A leaky bucket per client: each failure adds one, the bucket drains at the limit per minute, and a client whose
 * bucket is full waits until one failure has drained. State is per node and bounded in size; when more clients
 * than that are tracked at once, buckets that have drained are dropped first, then the least recent ones.
 */
final class FailureThrottle {
    static final int MAX_CLIENTS = 50_000;
    private static final double MILLIS_PER_MINUTE = 60_000d;

    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    FailureThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Whole seconds the client must wait before it may present a token again; 0 when it may now. */
    long secondsToWait(String client, int perMinute) {
        if (perMinute <= 0) {
            return 0;
        }
        Bucket bucket = buckets.get(client);
        if (bucket == null) {
            return 0;
        }
        double excess = bucket.level(clock.millis(), perMinute) - (perMinute - 1);
        return excess <= 0 ? 0 : Math.max(1, (long) Math.ceil(excess * MILLIS_PER_MINUTE / perMinute / 1000d));
    }

    /** Counts one failed check of the client. */
    void failed(String client, int perMinute) {
        if (perMinute <= 0) {
            return;
        }
        long now = clock.millis();
        if (buckets.size() >= MAX_CLIENTS && !buckets.containsKey(client)) {
            makeRoom(now, perMinute);
        }
        buckets.computeIfAbsent(client, c -> new Bucket(now)).add(now, perMinute);
    }

    private void makeRoom(long now, int perMinute) {
        long oldest = Long.MAX_VALUE;
        String oldestKey = null;
        for (Iterator<Map.Entry<String, Bucket>> it = buckets.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Bucket> e = it.next();
            if (e.getValue().level(now, perMinute) <= 0) {
                it.remove();
            } else if (e.getValue().lastMillis() < oldest) {
                oldest = e.getValue().lastMillis();
                oldestKey = e.getKey();
            }
        }
        if (buckets.size() >= MAX_CLIENTS && oldestKey != null) {
            buckets.remove(oldestKey);
        }
    }

    int trackedClients() {
        return buckets.size();
    }

    private static final class Bucket {
        private double level;
        private long lastMillis;

        Bucket(long now) {
            this.lastMillis = now;
        }

        synchronized double level(long now, int perMinute) {
            drain(now, perMinute);
            return level;
        }

        synchronized void add(long now, int perMinute) {
            drain(now, perMinute);
            level = Math.min(level + 1, perMinute); // a full bucket stays full: waiting is bounded by one minute
        }

        synchronized long lastMillis() {
            return lastMillis;
        }

        private void drain(long now, int perMinute) {
            if (now > lastMillis) {
                level = Math.max(0, level - (now - lastMillis) * perMinute / MILLIS_PER_MINUTE);
                lastMillis = now;
            }
        }
    }
}
