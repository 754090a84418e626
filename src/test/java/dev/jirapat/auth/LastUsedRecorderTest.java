package dev.jirapat.auth;

import dev.jirapat.token.ForwardingTokenStore;
import dev.jirapat.testing.InMemoryTokenStore;
import dev.jirapat.token.AccessToken;
import dev.jirapat.token.TokenPage;
import dev.jirapat.token.TokenSearch;
import dev.jirapat.token.TokenStore;
import org.junit.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

public class LastUsedRecorderTest {
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    private final CountingStore store = new CountingStore();

    private static AccessToken token(long id) {
        return AccessToken.builder().id(id).ownerKey("JIRAUSER10100").name("t" + id).createdAt(T0)
                .createdBy("JIRAUSER10100").hash("h" + id, "SHA-256").hint("jpat_…" + id).build();
    }

    @Test
    public void manyUsesOfFewTokensCauseOneWritePerTokenPerFlush() {
        LastUsedRecorder recorder = new LastUsedRecorder(store, 60);
        for (int i = 0; i < 1000; i++) {
            recorder.record(token(1 + i % 3), T0.plusSeconds(i), "10.0.0." + (i % 3));
        }
        assertEquals("nothing is written on the request path", 0, store.writes.size());

        assertEquals(3, recorder.flush());
        assertEquals(3, store.writes.size());
        assertEquals("one transaction per flush", 1, store.transactions);
        assertEquals("the newest use of each token is written",
                new java.util.HashSet<>(java.util.Arrays.asList("1@" + T0.plusSeconds(999) + "@10.0.0.0",
                        "2@" + T0.plusSeconds(997) + "@10.0.0.1", "3@" + T0.plusSeconds(998) + "@10.0.0.2")),
                new java.util.HashSet<>(store.writes));

        assertEquals("nothing pending, nothing written", 0, recorder.flush());
        assertEquals(3, store.writes.size());
        assertEquals(1, store.transactions);

        recorder.record(token(2), T0.plusSeconds(2000), "10.0.0.9");
        recorder.record(token(2), T0.plusSeconds(2001), "10.0.0.9");
        assertEquals(1, recorder.flush());
        assertEquals(4, store.writes.size());
    }

    @Test
    public void anOlderUseArrivingLateDoesNotReplaceANewerOne() {
        LastUsedRecorder recorder = new LastUsedRecorder(store, 60);
        recorder.record(token(1), T0.plusSeconds(10), "10.0.0.2");
        recorder.record(token(1), T0.plusSeconds(5), "10.0.0.1");
        recorder.flush();
        assertEquals(Collections.singletonList("1@" + T0.plusSeconds(10) + "@10.0.0.2"), store.writes);
    }

    @Test
    public void usesAreKeptToTheSecondUnlessTheAddressChanges() {
        LastUsedRecorder recorder = new LastUsedRecorder(store, 60);
        recorder.record(token(1), T0, "10.0.0.1");
        recorder.record(token(1), T0.plusMillis(999), "10.0.0.1"); // same second, same address: not updated
        recorder.flush();
        recorder.record(token(1), T0.plusMillis(1000), "10.0.0.1");
        recorder.record(token(1), T0.plusMillis(1001), "10.0.0.2"); // another address: updated at once
        recorder.flush();
        assertEquals(java.util.Arrays.asList("1@" + T0 + "@10.0.0.1", "1@" + T0.plusMillis(1001) + "@10.0.0.2"),
                store.writes);
    }

    @Test
    public void aFailedFlushKeepsItsUsesForTheNextOne() {
        LastUsedRecorder recorder = new LastUsedRecorder(store, 60);
        recorder.record(token(1), T0, "10.0.0.1");
        recorder.record(token(2), T0, "10.0.0.2");
        store.failing = true;
        assertEquals(0, recorder.flush());
        recorder.record(token(1), T0.plusSeconds(1), "10.0.0.3"); // newer than the kept one
        store.failing = false;
        assertEquals(2, recorder.flush());
        assertEquals(new java.util.HashSet<>(java.util.Arrays.asList("1@" + T0.plusSeconds(1) + "@10.0.0.3",
                "2@" + T0 + "@10.0.0.2")), new java.util.HashSet<>(store.writes));
    }

    @Test
    public void concurrentUsesDuringAFlushAreNeitherLostNorWrittenTwiceInOneFlush() throws Exception {
        LastUsedRecorder recorder = new LastUsedRecorder(store, 60);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch started = new CountDownLatch(4);
        for (int t = 0; t < 4; t++) {
            pool.execute(() -> {
                started.countDown();
                for (int i = 0; !stop.get(); i++) {
                    recorder.record(token(1 + i % 5), T0.plusMillis(i), "10.0.0.1");
                }
            });
        }
        started.await();
        List<Integer> perFlush = new ArrayList<>();
        for (int f = 0; f < 50; f++) {
            int before = store.writes.size();
            recorder.flush();
            perFlush.add(store.writes.size() - before);
        }
        stop.set(true);
        pool.shutdown();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        for (int n : perFlush) {
            assertTrue("at most one write per token per flush: " + perFlush, n <= 5);
        }
        recorder.flush();
        assertEquals("nothing left once the writers stopped", 0, recorder.flush());
    }

    @Test
    public void theTimerFlushesOnItsOwnAndStopFlushesTheRest() throws Exception {
        LastUsedRecorder recorder = new LastUsedRecorder(store, 1);
        recorder.start();
        try {
            recorder.record(token(1), T0, "10.0.0.1");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (store.writes.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(Collections.singletonList("1@" + T0 + "@10.0.0.1"), store.writes);
            recorder.record(token(2), T0, "10.0.0.2");
        } finally {
            recorder.stop();
        }
        assertEquals("stop writes what is pending", 2, store.writes.size());
    }

    @Test
    public void theIntervalIsAConstructorArgumentWithinBounds() {
        assertEquals(1, new LastUsedRecorder(store, 1).intervalSeconds());
        assertEquals(86_400, new LastUsedRecorder(store, 86_400).intervalSeconds());
        for (long outside : new long[] {0, -3, 86_401}) {
            try {
                new LastUsedRecorder(store, outside);
                org.junit.Assert.fail(outside + " seconds was accepted");
            } catch (IllegalArgumentException expected) {
                assertTrue(expected.getMessage(), expected.getMessage().contains(Long.toString(outside)));
            }
        }
    }

    @Test
    public void theIntervalIsNotReadFromTheJvm() {
        System.setProperty("dev.jirapat.lastused.flush.seconds", "5");
        try {
            assertEquals(60, new LastUsedRecorder(store, 60).intervalSeconds());
        } finally {
            System.clearProperty("dev.jirapat.lastused.flush.seconds");
        }
    }

    /** Counts writes; everything else is the in-memory store. */
    private static final class CountingStore extends ForwardingTokenStore {
        final List<String> writes = Collections.synchronizedList(new ArrayList<>());
        volatile boolean failing;
        int transactions;

        CountingStore() {
            super(new InMemoryTokenStore());
        }

        @Override
        public synchronized <T> T inTransaction(Supplier<T> work) {
            if (failing) {
                throw new IllegalStateException("database down");
            }
            transactions++;
            return work.get();
        }

        @Override
        public void recordUse(long id, Instant at, String ip) {
            writes.add(id + "@" + at + "@" + ip);
        }
    }
}
