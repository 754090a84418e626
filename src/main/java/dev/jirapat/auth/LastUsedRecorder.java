package dev.jirapat.auth;

import dev.jirapat.token.AccessToken;
import dev.jirapat.token.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Remembers each token's latest use (time, client IP) in memory and writes them in batches: at most one write per
 * token per flush, every {@code intervalSeconds} (60 in plugin-context.xml; the dev host shortens it for tests),
 * and once more when the plugin stops. A request never waits for the database. A failed flush keeps its entries
 * for the next one. Started and stopped by Spring ({@code init-method}/{@code destroy-method}).
 */
public final class LastUsedRecorder {
    static final long MAX_INTERVAL_SECONDS = 86_400;
    private static final Logger log = LoggerFactory.getLogger(LastUsedRecorder.class);

    private final TokenStore store;
    private final long intervalSeconds;
    private final Map<Long, Use> pending = new ConcurrentHashMap<>();
    private ScheduledExecutorService timer;

    /** @param intervalSeconds seconds between flushes, 1 to 86400 */
    public LastUsedRecorder(TokenStore store, long intervalSeconds) {
        if (intervalSeconds < 1 || intervalSeconds > MAX_INTERVAL_SECONDS) {
            throw new IllegalArgumentException("the last-use flush interval must be 1 to " + MAX_INTERVAL_SECONDS
                    + " seconds, not " + intervalSeconds);
        }
        this.store = store;
        this.intervalSeconds = intervalSeconds;
    }

    long intervalSeconds() {
        return intervalSeconds;
    }

    /**
     * Notes a use; the newest use of a token wins. Never touches the database. Uses are kept to the second: a
     * busy token whose pending use is from the same address and less than a second older is not updated, so
     * concurrent requests with one token do not queue on one map entry.
     */
    public void record(AccessToken token, Instant at, String ip) {
        Use current = pending.get(token.id());
        if (current != null && current.ip.equals(ip) && current.at.plusSeconds(1).isAfter(at)) {
            return;
        }
        pending.merge(token.id(), new Use(at, ip), Use::newer);
    }

    /** Writes every pending use, one write per token, in one transaction. Returns how many were written. */
    public int flush() {
        Map<Long, Use> batch = new LinkedHashMap<>();
        for (Long id : pending.keySet()) {
            Use use = pending.remove(id);
            if (use != null) {
                batch.put(id, use);
            }
        }
        if (batch.isEmpty()) {
            return 0;
        }
        try {
            store.inTransaction(() -> {
                for (Map.Entry<Long, Use> e : batch.entrySet()) {
                    store.recordUse(e.getKey(), e.getValue().at, e.getValue().ip);
                }
                return null;
            });
            log.debug("Recorded the last use of {} token(s)", batch.size());
            return batch.size();
        } catch (RuntimeException e) {
            for (Map.Entry<Long, Use> entry : batch.entrySet()) {
                pending.merge(entry.getKey(), entry.getValue(), Use::newer);
            }
            log.warn("Could not record the last use of {} token(s); will retry: {}", batch.size(), e.toString());
            return 0;
        }
    }

    /** Spring init-method: flush on a timer. */
    public synchronized void start() {
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "jira-pat-last-used");
                t.setDaemon(true);
                return t;
            });
            timer.scheduleWithFixedDelay(this::flushQuietly, intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
        }
    }

    /** Spring destroy-method: stop the timer, then write what is still pending. */
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            try {
                timer.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            timer = null;
        }
        flush();
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            log.warn("Recording token use failed: {}", e.toString()); // a throwing task would end the schedule
        }
    }

    private static final class Use {
        final Instant at;
        final String ip;

        Use(Instant at, String ip) {
            this.at = at;
            this.ip = ip;
        }

        static Use newer(Use a, Use b) {
            return b.at.isBefore(a.at) ? a : b;
        }
    }
}
