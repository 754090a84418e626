// Host API declaration (never shipped): follows docs/host-api.md, entry "atlassian-scheduler".
// Only the members we call (the dev host reads a schedule back through the getters).
package com.atlassian.scheduler.config;

import java.io.Serializable;

public final class JobId implements Serializable, Comparable<JobId> {
    private static final long serialVersionUID = 1L;
    private final String key;

    private JobId(String key) {
        if (key == null) {
            throw new NullPointerException("key");
        }
        this.key = key;
    }

    public static JobId of(String key) {
        return new JobId(key);
    }

    @Override
    public int compareTo(JobId o) {
        return key.compareTo(o.key);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JobId && ((JobId) o).key.equals(key);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    @Override
    public String toString() {
        return key;
    }
}
