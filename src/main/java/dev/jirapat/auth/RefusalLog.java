package dev.jirapat.auth;

import org.slf4j.Logger;

import java.time.Clock;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logs refused token requests at INFO without letting a flood of them flood the log: at most one line per reason
 * per client ({@link ClientKey}) per minute. The first refusal of a minute is logged at once; the ones after it
 * are counted, and the count is reported on the next line logged for the same reason and client. When more than
 * {@value #MAX_KEYS} reason-and-client pairs are tracked at once, new clients share one line per reason.
 */
final class RefusalLog {
    static final int MAX_KEYS = 10_000;
    static final long WINDOW_MILLIS = 60_000;
    private static final String OTHERS = "other clients";

    private final Logger log;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    RefusalLog(Logger log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    /**
     * @param client  the client's address, as it goes into the line
     * @param reason  a fixed text or an outcome name (never anything the client sent)
     * @param hint    the token's hint when it was found, else null
     */
    void refused(String client, String reason, String hint) {
        long now = clock.millis();
        String who = ClientKey.of(client);
        String key = reason + '\u0000' + who;
        if (windows.size() >= MAX_KEYS && !windows.containsKey(key)) {
            sweep(now);
            if (windows.size() >= MAX_KEYS) {
                who = OTHERS;
                key = reason + '\u0000' + OTHERS;
            }
        }
        long[] suppressed = {-1};
        windows.compute(key, (k, w) -> {
            if (w == null || now - w.start >= WINDOW_MILLIS) {
                suppressed[0] = w == null ? 0 : w.count;
                return new Window(now);
            }
            w.count++;
            return w;
        });
        if (suppressed[0] < 0) {
            return;
        }
        String from = who.equals(client) ? client : client + " (" + who + ")";
        String token = hint == null ? "" : " (token " + hint + ")";
        if (suppressed[0] == 0) {
            log.info("Refused a token from {}: {}{}", from, reason, token);
        } else {
            log.info("Refused a token from {}: {}{}; {} more such refusals from there were not logged in the minute before",
                    from, reason, token, suppressed[0]);
        }
    }

    private void sweep(long now) {
        for (Iterator<Window> it = windows.values().iterator(); it.hasNext(); ) {
            if (now - it.next().start >= WINDOW_MILLIS) {
                it.remove();
            }
        }
    }

    private static final class Window {
        final long start;
        long count;

        Window(long start) {
            this.start = start;
        }
    }
}
