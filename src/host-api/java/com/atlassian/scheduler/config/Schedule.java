// Host API declaration (never shipped): follows docs/host-api.md, entry "atlassian-scheduler".
// Only the members we call (the dev host reads a schedule back through the getters).
package com.atlassian.scheduler.config;

import java.util.Date;

public final class Schedule {
    private final IntervalScheduleInfo interval;

    private Schedule(IntervalScheduleInfo interval) {
        this.interval = interval;
    }

    /** A run every {@code intervalInMillis} from {@code firstRunTime} (null: as soon as possible). */
    public static Schedule forInterval(long intervalInMillis, Date firstRunTime) {
        return new Schedule(new IntervalScheduleInfo(firstRunTime, intervalInMillis));
    }

    /** Ours only (the real class has runOnce(Date) as an interval of 0); used for the default of JobConfig. */
    static Schedule runOnce(Date runTime) {
        return new Schedule(new IntervalScheduleInfo(runTime, 0));
    }

    /** The interval settings; null for a cron schedule (we never make one). */
    public IntervalScheduleInfo getIntervalScheduleInfo() {
        return interval;
    }
}
