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
 */
public final class DevScheduler implements SchedulerService {
    private final DevClock clock;
    private final Map<JobRunnerKey, JobRunner> runners = new LinkedHashMap<>();
    private final Map<JobId, Scheduled> jobs = new LinkedHashMap<>();
    private final List<String> log = new ArrayList<>();

    public DevScheduler(DevClock clock) {
        this.clock = clock;
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
    public synchronized void registerJobRunner(JobRunnerKey key, JobRunner runner) {
        runners.put(key, runner);
        log.add("register " + key);
    }

    @Override
    public synchronized void unregisterJobRunner(JobRunnerKey key) {
        runners.remove(key);
        log.add("unregister " + key);
    }

    @Override
    public synchronized void scheduleJob(JobId id, JobConfig config) throws SchedulerServiceException {
        IntervalScheduleInfo interval = config.getSchedule().getIntervalScheduleInfo();
        if (interval == null) {
            throw new SchedulerServiceException("the dev host runs interval schedules only: " + id);
        }
        Date first = interval.getFirstRunTime();
        jobs.put(id, new Scheduled(config, first == null ? clock.instant() : first.toInstant()));
        log.add("schedule " + id);
    }

    @Override
    public synchronized JobDetails getJobDetails(JobId id) {
        return jobs.containsKey(id) ? new JobDetails() { } : null;
    }

    /** Runs every job due now; returns their job ids, in the order they were scheduled. */
    public List<String> runDue() {
        Instant now = clock.instant();
        Map<JobId, JobRunner> due = new LinkedHashMap<>();
        synchronized (this) {
            for (Map.Entry<JobId, Scheduled> job : jobs.entrySet()) {
                Scheduled s = job.getValue();
                JobRunner runner = runners.get(s.config.getJobRunnerKey());
                if (runner != null && !s.next.isAfter(now)) {
                    due.put(job.getKey(), runner);
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
            JobConfig config;
            synchronized (this) {
                config = jobs.get(job.getKey()).config;
            }
            JobRunnerResponse response = job.getValue().runJob(request(job.getKey(), config, now));
            synchronized (this) {
                log.add("ran " + job.getKey() + ": " + response);
            }
            ran.add(job.getKey().toString());
        }
        return ran;
    }

    /** What happened, in order: register, unregister, schedule and run entries, for tests. */
    public synchronized List<String> log() {
        return new ArrayList<>(log);
    }

    /** The keys of the runners registered now. */
    public synchronized List<String> registeredRunners() {
        List<String> out = new ArrayList<>();
        runners.keySet().forEach(k -> out.add(k.toString()));
        return out;
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
