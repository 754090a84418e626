// Host API declaration (never shipped): follows docs/host-api.md, entry "CacheSettingsBuilder".
// A class with a no-arg constructor; every method returns the builder. Bodies exist only so the dev host can run it:
// they keep what was set, as the real builder does, for the dev host's cache manager to read.
package com.atlassian.cache;

import java.util.concurrent.TimeUnit;

public class CacheSettingsBuilder {
    private Long expireAfterWrite;
    private Boolean local;
    private Integer maxEntries;
    private Boolean replicateViaCopy;
    private Boolean replicateAsynchronously;

    public CacheSettingsBuilder() {
    }

    public CacheSettingsBuilder expireAfterWrite(long expireAfter, TimeUnit timeUnit) {
        this.expireAfterWrite = timeUnit.toMillis(expireAfter);
        return this;
    }

    public CacheSettingsBuilder maxEntries(int maxEntries) {
        this.maxEntries = maxEntries;
        return this;
    }

    public CacheSettingsBuilder local() {
        this.local = true;
        return this;
    }

    public CacheSettingsBuilder replicateViaInvalidation() {
        this.replicateViaCopy = false;
        return this;
    }

    public CacheSettingsBuilder replicateSynchronously() {
        this.replicateAsynchronously = false;
        return this;
    }

    public CacheSettings build() {
        Long expire = expireAfterWrite;
        Boolean isLocal = local;
        Integer max = maxEntries;
        Boolean viaCopy = replicateViaCopy;
        Boolean async = replicateAsynchronously;
        return new CacheSettings() {
            @Override
            public Long getExpireAfterWrite() {
                return expire;
            }

            @Override
            public Boolean getLocal() {
                return isLocal;
            }

            @Override
            public Integer getMaxEntries() {
                return max;
            }

            @Override
            public Boolean getReplicateViaCopy() {
                return viaCopy;
            }

            @Override
            public Boolean getReplicateAsynchronously() {
                return async;
            }
        };
    }
}
