// Host API declaration (never shipped): follows docs/host-api.md, entry "CacheSettingsBuilder".
// A class with a no-arg constructor; every method returns the builder. Bodies exist only so the dev host can run it.
package com.atlassian.cache;

import java.util.concurrent.TimeUnit;

public class CacheSettingsBuilder {
    public CacheSettingsBuilder() {
    }

    public CacheSettingsBuilder expireAfterWrite(long expireAfter, TimeUnit timeUnit) {
        return this;
    }

    public CacheSettingsBuilder maxEntries(int maxEntries) {
        return this;
    }

    public CacheSettingsBuilder replicateViaInvalidation() {
        return this;
    }

    public CacheSettingsBuilder replicateSynchronously() {
        return this;
    }

    public CacheSettings build() {
        return new CacheSettings() {
        };
    }
}
