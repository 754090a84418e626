package dev.jirapat.jobs;

import com.atlassian.sal.api.lifecycle.LifecycleAware;
import com.atlassian.scheduler.JobRunnerResponse;
import com.atlassian.scheduler.SchedulerService;
import com.atlassian.scheduler.SchedulerServiceException;
import com.atlassian.scheduler.config.JobConfig;
import com.atlassian.scheduler.config.JobId;
import com.atlassian.scheduler.config.JobRunnerKey;
import com.atlassian.scheduler.config.RunMode;
import com.atlassian.scheduler.config.Schedule;
import dev.jirapat.token.TokenHousekeeping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Date;
import java.util.concurrent.TimeUnit;

/**
 * The plugin's scheduled work, through atlassian-scheduler: expiry notices hourly, pruning and the removal of
 * deleted users' tokens daily (the built-in app's rhythm), each {@link RunMode#RUN_ONCE_PER_CLUSTER}, so on Data
 * Center one node runs each run. SAL calls {@link #onStart()} once the plugin is enabled (this bean is exported as
 * an OSGi {@code LifecycleAware} service for that); it registers the job runners and schedules each job unless the
 * cluster already has it (a once-per-cluster schedule is stored in the database and outlives restarts).
 * {@link #onStop()} (SAL, or the bean's destroy method when the plugin is disabled) unregisters the runners, as
 * atlassian-scheduler asks of plugins, and leaves the schedules: other nodes still run them.
 */
public final class HousekeepingJobs implements LifecycleAware {
    private static final Logger log = LoggerFactory.getLogger(HousekeepingJobs.class);
    static final long HOUR = TimeUnit.HOURS.toMillis(1);
    static final long DAY = TimeUnit.DAYS.toMillis(1);

    /** Each job: its runner key (also its job id) and interval. Keys never change: the cluster stores them. */
    public enum Job {
        EXPIRY_NOTICES("dev.jirapat.jobs.expiry-notices", HOUR),
        PRUNE_EXPIRED("dev.jirapat.jobs.prune-expired", DAY),
        REMOVE_MISSING_OWNERS("dev.jirapat.jobs.remove-missing-owners", DAY);

        private final String key;
        private final long intervalMillis;

        Job(String key, long intervalMillis) {
            this.key = key;
            this.intervalMillis = intervalMillis;
        }

        public String key() {
            return key;
        }

        JobRunnerKey runnerKey() {
            return JobRunnerKey.of(key);
        }

        JobId jobId() {
            return JobId.of(key);
        }
    }

    /** The first run after the plugin first starts: soon, but not during start-up. */
    static final long FIRST_RUN_DELAY = TimeUnit.MINUTES.toMillis(1);

    private final SchedulerService scheduler;
    private final TokenHousekeeping housekeeping;
    private final Clock clock;
    private boolean registered;

    public HousekeepingJobs(SchedulerService scheduler, TokenHousekeeping housekeeping, Clock clock) {
        this.scheduler = scheduler;
        this.housekeeping = housekeeping;
        this.clock = clock;
    }

    @Override
    public synchronized void onStart() {
        if (registered) {
            return; // SAL and a re-enabled context may both call; one registration each
        }
        for (Job job : Job.values()) {
            scheduler.registerJobRunner(job.runnerKey(), request -> run(job, request::isCancellationRequested));
            if (scheduler.getJobDetails(job.jobId()) == null) {
                try {
                    scheduler.scheduleJob(job.jobId(), JobConfig.forJobRunnerKey(job.runnerKey())
                            .withRunMode(RunMode.RUN_ONCE_PER_CLUSTER)
                            .withSchedule(Schedule.forInterval(job.intervalMillis,
                                    new Date(clock.millis() + FIRST_RUN_DELAY))));
                } catch (SchedulerServiceException e) {
                    log.error("Could not schedule the job {}: {}", job.key, e.toString());
                }
            }
        }
        registered = true;
        log.info("Registered the personal access token jobs");
    }

    @Override
    public synchronized void onStop() {
        if (!registered) {
            return;
        }
        for (Job job : Job.values()) {
            scheduler.unregisterJobRunner(job.runnerKey());
        }
        registered = false;
    }

    /** Runs one job now, as its runner does; never throws (the scheduler records the outcome). */
    JobRunnerResponse run(Job job, java.util.function.BooleanSupplier stop) {
        long started = System.nanoTime();
        try {
            String outcome;
            switch (job) {
                case EXPIRY_NOTICES:
                    outcome = housekeeping.sendExpiryNotices(stop) + " expiry notices sent";
                    break;
                case PRUNE_EXPIRED:
                    outcome = housekeeping.pruneExpired(stop) + " expired tokens pruned";
                    break;
                case REMOVE_MISSING_OWNERS:
                default:
                    TokenHousekeeping.OwnerSweep sweep = housekeeping.removeTokensOfMissingOwners(stop);
                    if (sweep.refused()) {
                        log.warn("Not removing tokens of missing users: {} of {} owners were not found, which looks "
                                + "like an unreachable user directory rather than deleted users", sweep.missingOwners(),
                                sweep.checkedOwners());
                    }
                    outcome = sweep.toString();
                    break;
            }
            log.info("{}: {} in {} ms", job.key, outcome, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            return JobRunnerResponse.success(outcome);
        } catch (RuntimeException e) {
            log.error("{} failed: {}", job.key, e.toString());
            return JobRunnerResponse.failed(e);
        }
    }
}
