package dev.jirapat.auth;

import dev.jirapat.testing.MutableClock;
import org.junit.Test;
import org.slf4j.Logger;
import org.slf4j.helpers.MessageFormatter;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/** Refusal lines: one per reason per client per minute, the rest counted and reported with the next line. */
public class RefusalLogTest {
    private final List<String> lines = new ArrayList<>();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T10:00:00Z"));
    private final RefusalLog log = new RefusalLog(capturing(lines), clock);

    /** A logger that keeps its INFO lines, formatted as slf4j would. */
    static Logger capturing(List<String> into) {
        return (Logger) Proxy.newProxyInstance(RefusalLogTest.class.getClassLoader(), new Class<?>[] {Logger.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("info") && args.length >= 1 && args[0] instanceof String) {
                        Object[] rest = args.length == 2 && args[1] instanceof Object[] ? (Object[]) args[1]
                                : java.util.Arrays.copyOfRange(args, 1, args.length);
                        into.add(MessageFormatter.arrayFormat((String) args[0], rest).getMessage());
                    }
                    return method.getReturnType() == boolean.class ? Boolean.TRUE : null;
                });
    }

    @Test
    public void refusedWhenManyOfOneReasonFromOneClientInAMinuteThenOneLine() {
        for (int i = 0; i < 1000; i++) {
            log.refused("203.0.113.5", "UNKNOWN", null);
        }
        assertEquals(1, lines.size());
        assertEquals("Refused a token from 203.0.113.5: UNKNOWN", lines.get(0));
    }

    @Test
    public void refusedWhenTheMinuteIsOverThenTheNextLineCountsWhatWasNotLogged() {
        for (int i = 0; i < 42; i++) {
            log.refused("203.0.113.5", "UNKNOWN", null);
        }
        clock.advance(Duration.ofSeconds(61));
        log.refused("203.0.113.5", "UNKNOWN", null);
        assertEquals(2, lines.size());
        assertEquals("Refused a token from 203.0.113.5: UNKNOWN; 41 more such refusals from there were not logged in the minute before",
                lines.get(1));
    }

    @Test
    public void refusedWhenOtherReasonOrOtherClientThenLoggedAtOnce() {
        log.refused("203.0.113.5", "UNKNOWN", null);
        log.refused("203.0.113.5", "EXPIRED", "jpat_\u2026abcd");
        log.refused("203.0.113.6", "UNKNOWN", null);
        assertEquals(3, lines.size());
        assertEquals("Refused a token from 203.0.113.5: EXPIRED (token jpat_\u2026abcd)", lines.get(1));
    }

    @Test
    public void refusedWhenIpv6ClientsShareA64ThenOneLineNamingThe64() {
        log.refused("2001:db8:0:1::1", "UNKNOWN", null);
        log.refused("2001:db8:0:1::2", "UNKNOWN", null);
        assertEquals(1, lines.size());
        assertEquals("Refused a token from 2001:db8:0:1::1 (2001:db8:0:1:0:0:0:0/64): UNKNOWN", lines.get(0));
    }

    @Test
    public void refusedWhenMoreClientsThanTrackedThenTheRestShareOneLinePerReason() {
        for (int i = 0; i < RefusalLog.MAX_KEYS + 500; i++) {
            log.refused("10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255), "UNKNOWN", null);
        }
        assertEquals(RefusalLog.MAX_KEYS + 1, lines.size());
        assertTrue(lines.get(lines.size() - 1), lines.get(lines.size() - 1).contains("(other clients)"));
    }
}
