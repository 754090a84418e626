package dev.jirapat.cluster;

import dev.jirapat.auth.LastUsedRecorder;
import dev.jirapat.devhost.DevCluster;
import dev.jirapat.devhost.DevHost;
import dev.jirapat.devhost.HttpCall;
import org.codehaus.jackson.JsonNode;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

/**
 * Two dev-host nodes on one database, as Jira Data Center runs the plugin: what one node changes, the other honours
 * at its very next request, through the database and the replicated invalidation of the token caches.
 */
public class ClusterHttpIT {
    private static DevCluster cluster;
    private static Node a;
    private static Node b;

    @BeforeClass
    public static void startCluster() {
        // The timers never flush during these tests: each test flushes when it means to.
        cluster = DevCluster.start(DevHost.Config.forTest().lastUseFlushSeconds(3600), 2);
        a = new Node(cluster.node(0));
        b = new Node(cluster.node(1));
    }

    @AfterClass
    public static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    public void nodesWhenStartedThenEachHasItsOwnIdAndPortAndBothSeeOneDatabase() {
        assertEquals("node-1", a.host.nodeId());
        assertEquals("node-2", b.host.nodeId());
        assertNotEquals(a.host.baseUri(), b.host.baseUri());
        long id = a.create("alice", "seen-by-both").path("id").getLongValue();
        assertEquals("seen-by-both", b.token("alice", id).path("name").getTextValue());
    }

    @Test
    public void tokenWhenRevokedOnNodeAThenRefusedOnNodeBAtTheNextRequest() {
        JsonNode created = a.create("alice", "revoke-across");
        String raw = created.path("rawToken").getTextValue();
        assertEquals("node B caches the token", 200, b.myself(raw));
        assertEquals(200, b.myself(raw));
        long sentBefore = cluster.invalidationsDelivered();

        HttpCall.Response revoked = a.revoke("alice", created.path("id").getLongValue());
        assertEquals(revoked.toString(), 204, revoked.status);
        assertTrue("the revocation sent invalidations to node B", cluster.invalidationsDelivered() > sentBefore);
        assertEquals(401, b.myself(raw));
        assertEquals(401, a.myself(raw));
    }

    @Test
    public void tokenWhenRotatedOnNodeAThenOldSecretRefusedOnNodeBAndNewOneWorksThere() {
        JsonNode created = a.create("alice", "rotate-across");
        String old = created.path("rawToken").getTextValue();
        assertEquals(200, b.myself(old));

        HttpCall.Response rotated = a.rotate("alice", created.path("id").getLongValue());
        assertEquals(rotated.toString(), 201, rotated.status);
        String fresh = Node.json(rotated).path("rawToken").getTextValue();
        assertEquals("the old secret, cached on B before, is refused there at once", 401, b.myself(old));
        assertEquals(200, b.myself(fresh));
        assertEquals(200, b.myself(fresh)); // and again from B's cache
        assertEquals(401, a.myself(old));
    }

    @Test
    public void settingsWhenSavedOnNodeAThenApplyOnNodeBAtTheNextRequest() {
        try {
            HttpCall.Response saved = a.settings("{\"nameMaxLength\":5}");
            assertEquals(saved.toString(), 200, saved.status);
            HttpCall.Response onB = HttpCall.to(b.host).get(Node.REST + "/admin/settings").basic("admin", "admin").send();
            assertEquals(5, Node.json(onB).path("nameMaxLength").getIntValue());
            HttpCall.Response tooLong = b.createResponse("alice", "{\"name\":\"sixchr\"}");
            assertEquals(tooLong.toString(), 400, tooLong.status);
            assertEquals(201, b.createResponse("alice", "{\"name\":\"five5\"}").status);
        } finally {
            assertEquals(200, b.settings("{\"nameMaxLength\":null}").status);
        }
        assertEquals(201, a.createResponse("alice", "{\"name\":\"sixchr\"}").status);
    }

    @Test
    public void createsWhenRacingOnBothNodesThenThePerUserLimitHolds() throws Exception {
        for (JsonNode token : a.tokens("bob")) {
            assertEquals(204, a.revoke("bob", token.path("id").getLongValue()).status);
        }
        int limit = 3;
        assertEquals(200, a.settings("{\"maxTokensPerUser\":" + limit + "}").status);
        int threads = 8;
        int perThread = 3;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<Integer>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Node node = t % 2 == 0 ? a : b;
                int thread = t;
                results.add(pool.submit(() -> {
                    go.await();
                    List<Integer> statuses = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        statuses.add(node.createResponse("bob", "{\"name\":\"race-" + thread + "-" + i + "\"}").status);
                    }
                    return statuses;
                }));
            }
            go.countDown();
            int created = 0;
            for (Future<List<Integer>> result : results) {
                for (int status : result.get(120, TimeUnit.SECONDS)) {
                    assertTrue("201 or a refusal (the limit: 403), never a 500: " + status, status == 201 || status == 403);
                    created += status == 201 ? 1 : 0;
                }
            }
            assertEquals("exactly the limit was created across both nodes", limit, created);
            assertEquals(limit, a.tokens("bob").size());
            assertEquals(limit, b.tokens("bob").size());
        } finally {
            pool.shutdownNow();
            assertEquals(200, a.settings("{\"maxTokensPerUser\":null}").status);
        }
    }

    @Test
    public void lastUseWhenBothNodesFlushInEitherOrderThenTheNewestUseStays() throws Exception {
        for (boolean newestFlushesFirst : new boolean[] {true, false}) {
            JsonNode created = a.create("alice", "both-nodes-" + newestFlushesFirst);
            long id = created.path("id").getLongValue();
            String raw = created.path("rawToken").getTextValue();

            assertEquals(200, a.myself(raw));
            Thread.sleep(20);
            Instant beforeNewest = cluster.clock().instant();
            assertEquals(200, b.myself(raw));
            Instant afterNewest = cluster.clock().instant();

            Node first = newestFlushesFirst ? b : a;
            Node second = newestFlushesFirst ? a : b;
            assertTrue(first.host.bean(LastUsedRecorder.class).flush() >= 1);
            assertTrue(second.host.bean(LastUsedRecorder.class).flush() >= 1);

            Instant stored = a.lastAccessedAt("alice", id);
            assertNotNull(stored);
            assertTrue("newest first " + newestFlushesFirst + ": " + stored + " not in [" + beforeNewest + ", " + afterNewest + "]",
                    !stored.isBefore(beforeNewest.truncatedTo(java.time.temporal.ChronoUnit.MILLIS)) && !stored.isAfter(afterNewest));
            assertEquals(stored, b.lastAccessedAt("alice", id));
        }
    }

    @Test
    public void lastUseWhenBothNodesFlushAtOnceThenEveryTokenKeepsItsNewestUse() throws Exception {
        int count = 40;
        assertEquals(200, a.settings("{\"maxTokensPerUser\":" + (count + 10) + "}").status);
        try {
            flushAtOnce(count);
        } finally {
            for (JsonNode token : a.tokens("admin")) {
                a.revoke("admin", token.path("id").getLongValue());
            }
            assertEquals(200, a.settings("{\"maxTokensPerUser\":null}").status);
        }
    }

    private void flushAtOnce(int count) throws Exception {
        long[] ids = new long[count];
        Instant[] newestFrom = new Instant[count];
        for (int i = 0; i < count; i++) {
            JsonNode created = a.create("admin", "flush-race-" + i);
            ids[i] = created.path("id").getLongValue();
            String raw = created.path("rawToken").getTextValue();
            Node older = i % 2 == 0 ? a : b; // half the tokens were last used on A, half on B
            Node newer = i % 2 == 0 ? b : a;
            assertEquals(200, older.myself(raw));
            Thread.sleep(5);
            newestFrom[i] = cluster.clock().instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            assertEquals(200, newer.myself(raw));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> flushed = new ArrayList<>();
            for (Node node : new Node[] {a, b}) {
                flushed.add(pool.submit(() -> {
                    go.await();
                    return node.host.bean(LastUsedRecorder.class).flush();
                }));
            }
            go.countDown();
            for (Future<Integer> f : flushed) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        a.host.bean(LastUsedRecorder.class).flush(); // what a lock conflict sent back for the next flush
        b.host.bean(LastUsedRecorder.class).flush();
        List<String> older = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant stored = a.lastAccessedAt("admin", ids[i]);
            if (stored == null || stored.isBefore(newestFrom[i])) {
                older.add(i + ": " + stored + " < " + newestFrom[i]);
            }
        }
        assertEquals("tokens whose stored last use is not the newest: " + older, List.of(), older);
    }
}
