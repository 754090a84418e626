// Host API declaration (never shipped): follows docs/host-api.md, entry "atlassian-scheduler".
// Only the members we call (the dev host reads a schedule back through the getters).
package com.atlassian.scheduler;

import com.atlassian.scheduler.config.JobConfig;
import com.atlassian.scheduler.config.JobId;

import java.util.Date;

public interface JobRunnerRequest {
    Date getStartTime();

    JobId getJobId();

    JobConfig getJobConfig();

    boolean isCancellationRequested();
}
