package dev.jirapat.devhost;

import com.atlassian.scheduler.JobRunner;
import com.atlassian.scheduler.JobRunnerRequest;
import com.atlassian.scheduler.JobRunnerResponse;
import com.atlassian.scheduler.SchedulerService;
import com.atlassian.scheduler.SchedulerServiceException;
import com.atlassian.scheduler.config.IntervalScheduleInfo;
import com.atlassian.scheduler.config.JobConfig;
import com.atlassian.scheduler.config.JobId;
import com.atlassian.scheduler.config.JobRunnerKey;
import com.atlassian.scheduler.config.RunMode;
import com.atlassian.scheduler.status.JobDetails;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * atlassian-scheduler for the dev host: records job runners and interval schedules, and runs nothing by itself.
 * {@link #runDue()} ({@code POST /jira/devhost/jobs/run}) runs every job whose next run time, by the host's
 * {@link DevClock}, has come, once (a scheduler that was away catches up with one run, not one per missed interval),
 * and moves its next run past now. A job whose runner is not registered is skipped, as the real scheduler does.
 *
 * <p>In a {@link DevCluster} each node has its own scheduler (its runners, its {@code RUN_LOCALLY} jobs) and all
 * share one {@link ClusterJobs}: the {@code RUN_ONCE_PER_CLUSTER} schedules, as Jira keeps them in its database.
 * A node claims a due job by moving its next run time, under the cluster's lock, before it runs it; the other
 * nodes then find it not due. So each run of such a job happens on one node, whichever asked first.
 */
public final class DevScheduler implements SchedulerService {
    private final DevClock clock;
    private final ClusterJobs cluster; // also the lock for this scheduler's state
    private final Map<JobRunnerKey, JobRunner> runners = new LinkedHashMap<>();
    private final Map<JobId, Scheduled> jobs = new LinkedHashMap<>(); // RUN_LOCALLY: this node's
    private final List<String> log = new ArrayList<>();

    public DevScheduler(DevClock clock) {
        this(clock, new ClusterJobs());
    }

    DevScheduler(DevClock clock, ClusterJobs cluster) {
        this.clock = clock;
        this.cluster = cluster;
    }

    /** The once-per-cluster schedules all nodes of a cluster share (a single node has its own). */
    static final class ClusterJobs {
        private final Map<JobId, Scheduled> jobs = new LinkedHashMap<>();
    }

    private Map<JobId, Scheduled> store(JobConfig config) {
        return config.getRunMode() == RunMode.RUN_LOCALLY ? jobs : cluster.jobs;
    }

    private static final class Scheduled {
        final JobConfig config;
        Instant next;

        Scheduled(JobConfig config, Instant next) {
            this.config = config;
            this.next = next;
        }
    }

    @Override
    public void registerJobRunner(JobRunnerKey key, JobRunner runner) {
        synchronized (cluster) {
            runners.put(key, runner);
            log.add("register " + key);
        }
    }

    @Override
    public void unregisterJobRunner(JobRunnerKey key) {
        synchronized (cluster) {
            runners.remove(key);
            log.add("unregister " + key);
        }
    }

    @Override
    public void scheduleJob(JobId id, JobConfig config) throws SchedulerServiceException {
        IntervalScheduleInfo interval = config.getSchedule().getIntervalScheduleInfo();
        if (interval == null) {
            throw new SchedulerServiceException("the dev host runs interval schedules only: " + id);
        }
        Date first = interval.getFirstRunTime();
        synchronized (cluster) {
            jobs.remove(id);
            cluster.jobs.remove(id); // a job id names one job, whatever its run mode
            store(config).put(id, new Scheduled(config, first == null ? clock.instant() : first.toInstant()));
            log.add("schedule " + id);
        }
    }

    @Override
    public JobDetails getJobDetails(JobId id) {
        synchronized (cluster) {
            return jobs.containsKey(id) || cluster.jobs.containsKey(id) ? new JobDetails() { } : null;
        }
    }

    /** Runs every job due now; returns their job ids, in the order they were scheduled. */
    public List<String> runDue() {
        Instant now = clock.instant();
        Map<JobId, JobRunner> due = new LinkedHashMap<>();
        Map<JobId, JobConfig> configs = new LinkedHashMap<>();
        synchronized (cluster) {
            List<Map.Entry<JobId, Scheduled>> all = new ArrayList<>(cluster.jobs.entrySet());
            all.addAll(jobs.entrySet());
            for (Map.Entry<JobId, Scheduled> job : all) {
                Scheduled s = job.getValue();
                JobRunner runner = runners.get(s.config.getJobRunnerKey());
                if (runner != null && !s.next.isAfter(now)) {
                    due.put(job.getKey(), runner);
                    configs.put(job.getKey(), s.config);
                    long interval = s.config.getSchedule().getIntervalScheduleInfo().getIntervalInMillis();
                    if (interval <= 0) {
                        s.next = Instant.MAX; // run once
                    } else {
                        long behind = now.toEpochMilli() - s.next.toEpochMilli();
                        s.next = s.next.plusMillis((behind / interval + 1) * interval);
                    }
                }
            }
        }
        List<String> ran = new ArrayList<>();
        for (Map.Entry<JobId, JobRunner> job : due.entrySet()) {
            JobConfig config = configs.get(job.getKey());
            JobRunnerResponse response = job.getValue().runJob(request(job.getKey(), config, now));
            synchronized (cluster) {
                log.add("ran " + job.getKey() + ": " + response);
            }
            ran.add(job.getKey().toString());
        }
        return ran;
    }

    /** What happened, in order: register, unregister, schedule and run entries, for tests. */
    public List<String> log() {
        synchronized (cluster) {
            return new ArrayList<>(log);
        }
    }

    /** The keys of the runners registered now. */
    public List<String> registeredRunners() {
        synchronized (cluster) {
            List<String> out = new ArrayList<>();
            runners.keySet().forEach(k -> out.add(k.toString()));
            return out;
        }
    }

    private static JobRunnerRequest request(JobId id, JobConfig config, Instant start) {
        return new JobRunnerRequest() {
            @Override
            public Date getStartTime() {
                return Date.from(start);
            }

            @Override
            public JobId getJobId() {
                return id;
            }

            @Override
            public JobConfig getJobConfig() {
                return config;
            }

            @Override
            public boolean isCancellationRequested() {
                return false;
            }
        };
    }
}
