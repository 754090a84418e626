// Host API declaration (never shipped): follows docs/host-api.md, entry "CacheSettings".
// As returned by CacheSettingsBuilder.build(). The plugin only passes it on; the dev host's cache manager reads
// the getters (null: not specified), as Jira's does, to expire entries and to replicate invalidations.
package com.atlassian.cache;

public interface CacheSettings {
    /** Milliseconds an entry is kept after it was written, or null. */
    Long getExpireAfterWrite();

    /** Whether the cache stays on its node (never replicated), or null. */
    Boolean getLocal();

    Integer getMaxEntries();

    /** False: replicated by invalidation (a removal reaches the other nodes); true: by copy; null: not specified. */
    Boolean getReplicateViaCopy();

    Boolean getReplicateAsynchronously();
}
