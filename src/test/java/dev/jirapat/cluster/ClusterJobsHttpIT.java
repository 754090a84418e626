package dev.jirapat.cluster;

import dev.jirapat.devhost.DevCluster;
import dev.jirapat.devhost.DevHost;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * The plugin's lifecycle jobs on two nodes: atlassian-scheduler runs each RUN_ONCE_PER_CLUSTER job on one node
 * only, whichever asks first, so one expiry mail goes out and one prune runs, with both nodes asking at once.
 */
public class ClusterJobsHttpIT {
    private static final String[] KEYS = {"dev.jirapat.jobs.expiry-notices", "dev.jirapat.jobs.prune-expired",
            "dev.jirapat.jobs.remove-missing-owners"};

    private static DevCluster cluster;
    private static Node a;
    private static Node b;

    @BeforeClass
    public static void startCluster() {
        cluster = DevCluster.start(DevHost.Config.forTest(), 2);
        a = new Node(cluster.node(0));
        b = new Node(cluster.node(1));
    }

    @AfterClass
    public static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    /** How many times {@code key} ran, summed over both nodes' schedulers. */
    private static long runs(String key) {
        long n = 0;
        for (DevHost node : cluster.nodes()) {
            n += node.scheduler().log().stream().filter(e -> e.startsWith("ran " + key + ":")).count();
        }
        return n;
    }

    private static int mails() {
        return a.mails().size() + b.mails().size();
    }

    /** Both nodes run their due jobs at the same moment; the ids each ran. */
    private static List<String> runJobsOnBothAtOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<String>>> ran = new ArrayList<>();
            for (Node node : new Node[] {a, b}) {
                ran.add(pool.submit(() -> {
                    go.await();
                    return node.runJobs();
                }));
            }
            go.countDown();
            List<String> all = new ArrayList<>();
            for (Future<List<String>> r : ran) {
                all.addAll(r.get(120, TimeUnit.SECONDS));
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    public void jobsWhenBothNodesRunThemThenEachRunsOnceAcrossTheClusterWithOneMailAndOnePrune() throws Exception {
        for (DevHost node : cluster.nodes()) {
            assertEquals("every node registers the runners", List.of(KEYS), node.scheduler().registeredRunners());
        }
        long id = Node.json(a.createResponse("alice", "{\"name\":\"cluster-lifecycle\",\"expirationDuration\":10}"))
                .path("id").getLongValue();
        int mailsBefore = mails();

        cluster.clock().advance(Duration.ofDays(6)); // expires in 4 days: the 5-day notice is due
        List<String> ran = runJobsOnBothAtOnce();
        for (String key : KEYS) {
            assertEquals(ran.toString(), 1, ran.stream().filter(key::equals).count());
            assertEquals(1, runs(key));
        }
        assertTrue("one node sent the expiry mail", Node.eventually(30, () -> mails() > mailsBefore));
        Thread.sleep(500);
        assertEquals("exactly one expiry mail", mailsBefore + 1, mails());
        assertEquals("nothing is due again at once", List.of(), runJobsOnBothAtOnce());

        cluster.clock().advance(Duration.ofDays(5 + 31)); // expired, and past the 30 days kept after expiry
        ran = runJobsOnBothAtOnce();
        assertEquals(ran.toString(), 1, ran.stream().filter(KEYS[1]::equals).count());
        assertEquals(2, runs(KEYS[1]));
        assertEquals(2, runs(KEYS[0]));
        assertTrue(a.tokens("alice").stream().noneMatch(t -> t.path("id").getLongValue() == id));
        assertTrue(b.tokens("alice").stream().noneMatch(t -> t.path("id").getLongValue() == id));
        List<String> subjects = new ArrayList<>();
        a.mails().forEach(m -> subjects.add(m.path("subject").getTextValue()));
        b.mails().forEach(m -> subjects.add(m.path("subject").getTextValue()));
        assertEquals("no mail twice: " + subjects, subjects.size(), new java.util.HashSet<>(subjects).size());
    }
}
