package dev.jirapat.cluster;

import dev.jirapat.devhost.DevCluster;
import dev.jirapat.devhost.DevHost;
import org.codehaus.jackson.JsonNode;
import org.junit.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

/**
 * Two nodes when something goes wrong: a node that stops abruptly (nothing it held in memory is written), and a
 * lost invalidation message (the cache's expiry bounds how long a revoked token still works on the other node).
 * Timing is checked against generous bounds only: these run on a loaded two-core machine.
 */
public class ClusterFailureHttpIT {
    @Test
    public void nodeWhenStoppedAbruptlyThenUsesOlderThanOneFlushIntervalWerePersisted() throws Exception {
        int interval = 1;
        try (DevCluster cluster = DevCluster.start(DevHost.Config.forTest().lastUseFlushSeconds(interval), 2)) {
            Node a = new Node(cluster.node(0));
            Node b = new Node(cluster.node(1));
            JsonNode created = a.create("alice", "abrupt");
            long id = created.path("id").getLongValue();
            String raw = created.path("rawToken").getTextValue();

            Instant beforeUse = cluster.clock().instant().truncatedTo(ChronoUnit.MILLIS);
            assertEquals(200, b.myself(raw));
            Thread.sleep((interval + 3) * 1000L); // one interval, and a margin for a busy machine
            assertEquals(200, b.myself(raw)); // a newer use, likely still in memory when the node dies
            b.host.crash();

            Instant stored = a.lastAccessedAt("alice", id);
            assertNotNull("the use older than one flush interval was written by node B's timer", stored);
            assertTrue(stored + " before " + beforeUse, !stored.isBefore(beforeUse));
            assertEquals("node A goes on serving the token", 200, a.myself(raw));
        }
    }

    @Test
    public void nodeWhenStoppedAbruptlyThenWhatItHadNotFlushedIsLostNotWrittenLater() throws Exception {
        try (DevCluster cluster = DevCluster.start(DevHost.Config.forTest().lastUseFlushSeconds(3600), 2)) {
            Node a = new Node(cluster.node(0));
            Node b = new Node(cluster.node(1));
            JsonNode created = a.create("alice", "abrupt-pending");
            long id = created.path("id").getLongValue();
            assertEquals(200, b.myself(created.path("rawToken").getTextValue()));
            b.host.crash();
            Thread.sleep(1000);
            assertNull("a crash runs no final flush (a graceful stop would)", a.lastAccessedAt("alice", id));
        }
    }

    @Test
    public void invalidationWhenLostThenNodeBRefusesTheRevokedTokenNoLaterThanTheCacheExpiry() throws Exception {
        Duration ttl = Duration.ofSeconds(8);
        try (DevCluster cluster = DevCluster.start(DevHost.Config.forTest().cacheExpireAfterWrite(ttl), 2)) {
            Node a = new Node(cluster.node(0));
            Node b = new Node(cluster.node(1));
            JsonNode created = a.create("alice", "lost-invalidation");
            String raw = created.path("rawToken").getTextValue();

            long warmStart = System.nanoTime();
            assertEquals(200, b.myself(raw)); // node B caches the token now
            long warmEnd = System.nanoTime();
            cluster.dropInvalidations(true);
            assertEquals(204, a.revoke("alice", created.path("id").getLongValue()).status);
            assertTrue("the revocation's invalidations were lost", cluster.invalidationsDropped() > 0);
            assertEquals("node A refuses it at once", 401, a.myself(raw));

            int stale = b.myself(raw);
            if (System.nanoTime() - warmStart < ttl.toNanos()) {
                assertEquals("node B still had it cached (the message really was lost)", 200, stale);
            }
            long sleepNanos = warmEnd + ttl.toNanos() - System.nanoTime();
            if (sleepNanos > 0) {
                Thread.sleep(sleepNanos / 1_000_000 + 1);
            }
            assertEquals("node B refuses it once the entry has expired", 401, b.myself(raw));
        }
    }
}
