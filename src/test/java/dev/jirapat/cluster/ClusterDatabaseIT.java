package dev.jirapat.cluster;

import dev.jirapat.devhost.DevCluster;
import dev.jirapat.devhost.DevHost;
import org.codehaus.jackson.JsonNode;
import org.junit.Assume;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * The databases {@code mvn -Prun -Dpat.devhost.nodes=2} shares between its nodes: the H2 file database through an
 * H2 TCP server on loopback, and PostgreSQL (as Data Center runs) when {@code PAT_TEST_POSTGRES_URL} is set.
 */
public class ClusterDatabaseIT {
    @Rule
    public final TemporaryFolder temp = new TemporaryFolder();

    @Test
    public void fileDatabaseWhenTwoNodesThenOneH2ServerOnLoopbackServesBothAndKeepsTheData() throws Exception {
        Path dir = temp.newFolder("cluster").toPath();
        long id;
        try (DevCluster cluster = DevCluster.start(DevHost.Config.forTest().fileDatabase(dir, true), 2)) {
            assertTrue(cluster.databaseDescription(), cluster.databaseDescription().contains("H2 TCP server on 127.0.0.1:"));
            revokedOnOneNodeIsRefusedOnTheOther(cluster);
            id = new Node(cluster.node(0)).create("alice", "kept-in-the-file").path("id").getLongValue();
        }
        try (DevHost single = DevHost.start(DevHost.Config.forTest().fileDatabase(dir, false))) {
            assertEquals("the cluster wrote the file database a single host opens", "kept-in-the-file",
                    new Node(single).token("alice", id).path("name").getTextValue());
        }
    }

    @Test
    public void postgresWhenTwoNodesThenRevocationAndThePerUserLimitHoldAcrossThem() throws Exception {
        String url = System.getenv("PAT_TEST_POSTGRES_URL");
        if (url == null || url.isEmpty()) {
            String ci = System.getenv("CI");
            if (ci != null && !ci.isEmpty()) {
                fail("CI is set but PAT_TEST_POSTGRES_URL is not: the two-node PostgreSQL check would silently not run");
            }
            Assume.assumeTrue("PAT_TEST_POSTGRES_URL is not set", false);
        }
        String user = property("db.url", url).equals(url) ? property("db.username", property("pat.pg.user", "pat")) : property("pat.pg.user", "pat");
        String password = property("db.url", url).equals(url) ? property("db.password", property("pat.pg.password", "pat")) : property("pat.pg.password", "pat");
        try (DevCluster cluster = DevCluster.start(DevHost.Config.forTest().database(url, user, password), 2)) {
            revokedOnOneNodeIsRefusedOnTheOther(cluster);
            Node a = new Node(cluster.node(0));
            Node b = new Node(cluster.node(1));
            for (JsonNode token : a.tokens("bob")) {
                assertEquals(204, a.revoke("bob", token.path("id").getLongValue()).status);
            }
            assertEquals(200, a.settings("{\"maxTokensPerUser\":2}").status);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Integer>> statuses = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    Node node = t % 2 == 0 ? a : b;
                    int n = t;
                    statuses.add(pool.submit(() -> {
                        go.await();
                        return node.createResponse("bob", "{\"name\":\"pg-race-" + n + "\"}").status;
                    }));
                }
                go.countDown();
                int created = 0;
                for (Future<Integer> s : statuses) {
                    int status = s.get(120, TimeUnit.SECONDS);
                    assertTrue("201 or the limit's 403: " + status, status == 201 || status == 403);
                    created += status == 201 ? 1 : 0;
                }
                assertEquals(2, created);
                assertEquals(2, b.tokens("bob").size());
            } finally {
                pool.shutdownNow();
                for (JsonNode token : a.tokens("bob")) {
                    a.revoke("bob", token.path("id").getLongValue()); // the database is shared with other tests
                }
            }
        }
    }

    private static void revokedOnOneNodeIsRefusedOnTheOther(DevCluster cluster) {
        Node a = new Node(cluster.node(0));
        Node b = new Node(cluster.node(1));
        JsonNode created = a.create("alice", "across-" + System.nanoTime());
        String raw = created.path("rawToken").getTextValue();
        assertEquals(200, b.myself(raw));
        assertEquals(204, a.revoke("alice", created.path("id").getLongValue()).status);
        assertEquals(401, b.myself(raw));
    }

    private static String property(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isEmpty() ? fallback : value;
    }
}
