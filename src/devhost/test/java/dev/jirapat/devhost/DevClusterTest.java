package dev.jirapat.devhost;

import com.atlassian.cache.Cache;
import com.atlassian.cache.CacheSettingsBuilder;
import com.atlassian.scheduler.JobRunnerResponse;
import com.atlassian.scheduler.config.JobConfig;
import com.atlassian.scheduler.config.JobId;
import com.atlassian.scheduler.config.JobRunnerKey;
import com.atlassian.scheduler.config.RunMode;
import com.atlassian.scheduler.config.Schedule;
import org.junit.Test;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.fail;

/**
 * The cluster stand-ins without a host (a fast test may start none): cache managers that replicate removals of invalidation-replicated caches only,
 * expiry from the cache settings, and schedulers that share once-per-cluster jobs and keep local ones apart.
 */
public class DevClusterTest {
    private static DevCacheReplication bus() {
        return new DevCacheReplication();
    }

    private static final CacheSettingsBuilder INVALIDATED = new CacheSettingsBuilder().replicateViaInvalidation().replicateSynchronously();

    @Test
    public void cacheWhenReplicatedByInvalidationThenARemovalReachesTheOtherNodeAndValuesDoNot() throws Exception {
        DevCacheReplication cluster = bus();
        DevCacheManager one = new DevCacheManager();
        DevCacheManager two = new DevCacheManager();
        cluster.join(one);
        cluster.join(two);
        Cache<String, String> onOne = one.getCache("c", null, INVALIDATED.build());
        Cache<String, String> onTwo = two.getCache("c", null, INVALIDATED.build());
        onOne.put("k", "one");
        assertNull("values never travel", onTwo.get("k"));
        onTwo.put("k", "two");
        onOne.remove("k");
        assertNull("the removal reached node two", onTwo.get("k"));
        assertEquals(1, cluster.delivered());
    }

    @Test
    public void cacheWhenLocalOrNotSaidToReplicateByInvalidationThenARemovalStaysOnItsNode() throws Exception {
        DevCacheReplication cluster = bus();
        DevCacheManager one = new DevCacheManager();
        DevCacheManager two = new DevCacheManager();
        cluster.join(one);
        cluster.join(two);
        for (CacheSettingsBuilder settings : new CacheSettingsBuilder[] {
                new CacheSettingsBuilder().replicateViaInvalidation().local(), new CacheSettingsBuilder()}) {
            String name = "c" + System.nanoTime();
            Cache<String, String> onOne = one.getCache(name, null, settings.build());
            Cache<String, String> onTwo = two.getCache(name, null, settings.build());
            onTwo.put("k", "two");
            onOne.remove("k");
            assertEquals("two", onTwo.get("k"));
        }
        assertEquals(0, cluster.delivered());
    }

    @Test
    public void cacheWhenInvalidationsDroppedThenTheOtherNodeKeepsItsEntryUntilItExpires() throws Exception {
        DevCacheReplication cluster = bus();
        DevCacheManager one = new DevCacheManager();
        DevCacheManager two = new DevCacheManager(Duration.ofMillis(300));
        cluster.join(one);
        cluster.join(two);
        CacheSettingsBuilder settings = new CacheSettingsBuilder().expireAfterWrite(5, TimeUnit.MINUTES).replicateViaInvalidation();
        Cache<Long, String> onOne = one.getCache("c", null, settings.build());
        Cache<Long, String> onTwo = two.getCache("c", null, settings.build());
        onTwo.put(1L, "stale");
        cluster.drop(true);
        onOne.remove(1L);
        assertEquals(1, cluster.dropped());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (onTwo.get(1L) != null) {
            if (System.nanoTime() > deadline) {
                fail("the entry outlived its expiry");
            }
            Thread.sleep(50);
        }
        onTwo.put(2L, "fresh");
        assertEquals("an entry lives until its expiry", "fresh", onTwo.get(2L));
    }

    @Test
    public void cacheWhenReplicatedKeyIsNotSerializableThenRefused() {
        Cache<Object, String> cache = new DevCacheManager().getCache("c", null, INVALIDATED.build());
        try {
            cache.put(new Object(), "v");
            fail("a replicated cache took a key no invalidation message could carry");
        } catch (IllegalArgumentException e) {
            assertEquals(true, e.getMessage().contains("not Serializable"));
        }
    }

    @Test
    public void schedulersWhenSharingClusterJobsThenOncePerClusterRunsOnOneNodeAndLocalJobsOnEach() throws Exception {
        DevClock clock = new DevClock();
        DevScheduler.ClusterJobs shared = new DevScheduler.ClusterJobs();
        DevScheduler one = new DevScheduler(clock, shared);
        DevScheduler two = new DevScheduler(clock, shared);
        AtomicInteger clusterRuns = new AtomicInteger();
        AtomicInteger localRuns = new AtomicInteger();
        for (DevScheduler node : new DevScheduler[] {one, two}) {
            node.registerJobRunner(JobRunnerKey.of("cluster"), r -> {
                clusterRuns.incrementAndGet();
                return JobRunnerResponse.success("ok");
            });
            node.registerJobRunner(JobRunnerKey.of("local"), r -> {
                localRuns.incrementAndGet();
                return JobRunnerResponse.success("ok");
            });
            Date now = Date.from(clock.instant());
            if (node.getJobDetails(JobId.of("cluster")) == null) {
                node.scheduleJob(JobId.of("cluster"), JobConfig.forJobRunnerKey(JobRunnerKey.of("cluster"))
                        .withRunMode(RunMode.RUN_ONCE_PER_CLUSTER).withSchedule(Schedule.forInterval(60_000, now)));
            }
            node.scheduleJob(JobId.of("local"), JobConfig.forJobRunnerKey(JobRunnerKey.of("local"))
                    .withRunMode(RunMode.RUN_LOCALLY).withSchedule(Schedule.forInterval(60_000, now)));
        }
        assertEquals(List.of("cluster", "local"), one.runDue());
        assertEquals("node two finds the cluster job claimed", List.of("local"), two.runDue());
        assertEquals(1, clusterRuns.get());
        assertEquals(2, localRuns.get());
        clock.advance(Duration.ofMinutes(1));
        assertEquals(List.of("cluster", "local"), two.runDue());
        assertEquals(List.of("local"), one.runDue());
        assertEquals(2, clusterRuns.get());
    }

    @Test
    public void schedulerWhenItsNodeHasNoRunnerThenTheClusterJobWaitsForANodeThatHas() throws Exception {
        DevClock clock = new DevClock();
        DevScheduler.ClusterJobs shared = new DevScheduler.ClusterJobs();
        DevScheduler without = new DevScheduler(clock, shared);
        DevScheduler with = new DevScheduler(clock, shared);
        with.registerJobRunner(JobRunnerKey.of("job"), r -> JobRunnerResponse.success("ok"));
        with.scheduleJob(JobId.of("job"), JobConfig.forJobRunnerKey(JobRunnerKey.of("job"))
                .withSchedule(Schedule.forInterval(60_000, Date.from(clock.instant()))));
        assertEquals(List.of(), without.runDue());
        assertEquals(List.of("job"), with.runDue());
    }
}
