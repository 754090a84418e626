package dev.jirapat.jira;

import com.atlassian.cache.Cache;
import com.atlassian.cache.CacheManager;
import com.atlassian.cache.CacheSettingsBuilder;
import dev.jirapat.token.AccessToken;
import dev.jirapat.token.ForwardingTokenStore;
import dev.jirapat.token.TokenStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A {@link TokenStore} that keeps found tokens by hash in a Jira cache, so a Bearer request does not wait for the
 * database. Only hits are cached (a made-up token is looked up every time, never remembered). Every change that
 * can end a token (delete, replace, delete by owner) removes its entry at once and again after its transaction
 * commits. The cache replicates by invalidation: on Data Center a removal reaches the other nodes, which then
 * read the database again; values never travel. Calls that cannot end a token are forwarded unchanged (the cached
 * copy's last-use fields are not used by the check). Entries also expire {@value #TTL_MINUTES} minutes after they
 * were read, which bounds what a lost invalidation message could keep alive.
 */
public final class CachingTokenStore extends ForwardingTokenStore {
    static final String CACHE_NAME = "dev.jirapat.tokens.byHash";
    static final long TTL_MINUTES = 5;
    static final int MAX_ENTRIES = 10_000;

    private final TokenStore delegate;
    private final Cache<String, AccessToken> byHash;
    /** Bumped on every invalidation; a load started before one must not fill the cache with what it read. */
    private final Object lock = new Object();
    private long generation;
    private final ThreadLocal<List<String>> invalidatedInTransaction = new ThreadLocal<>();

    public CachingTokenStore(TokenStore delegate, CacheManager cacheManager) {
        super(delegate);
        this.delegate = delegate;
        this.byHash = cacheManager.getCache(CACHE_NAME, null, new CacheSettingsBuilder()
                .expireAfterWrite(TTL_MINUTES, TimeUnit.MINUTES)
                .maxEntries(MAX_ENTRIES)
                .replicateViaInvalidation()
                .replicateSynchronously()
                .build());
    }

    @Override
    public Optional<AccessToken> findByHash(String hash) {
        AccessToken cached = byHash.get(hash);
        if (cached != null) {
            return Optional.of(cached);
        }
        long before;
        synchronized (lock) {
            before = generation;
        }
        Optional<AccessToken> found = delegate.findByHash(hash);
        if (!found.isPresent()) {
            return found;
        }
        synchronized (lock) {
            if (generation != before) {
                return found; // a revocation ran here meanwhile: don't cache what we read before it
            }
            byHash.put(hash, found.get());
        }
        // A revocation on another node that committed between our read and our put reached this node only as the
        // removal of an entry that did not exist yet. Reading once more, after the put, closes that gap: either
        // we see the row gone, or its after-commit invalidation is still to arrive and will remove our entry.
        Optional<AccessToken> again = delegate.findByHash(hash);
        if (!again.isPresent() || again.get().id() != found.get().id()) {
            invalidate(hash);
        }
        return again;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (invalidatedInTransaction.get() != null) {
            return delegate.inTransaction(work); // nested: the outermost call invalidates after commit
        }
        List<String> invalidated = new ArrayList<>();
        invalidatedInTransaction.set(invalidated);
        try {
            return delegate.inTransaction(work);
        } finally {
            invalidatedInTransaction.remove();
            // Again after commit (or rollback): a reader that loaded the old row before the commit cannot keep it.
            for (String hash : invalidated) {
                invalidate(hash);
            }
        }
    }

    @Override
    public Optional<AccessToken> replace(long oldId, AccessToken replacement) {
        delegate.findById(oldId).ifPresent(old -> invalidateNowAndAfterCommit(old.hash()));
        return delegate.replace(oldId, replacement);
    }

    @Override
    public boolean delete(long id) {
        delegate.findById(id).ifPresent(old -> invalidateNowAndAfterCommit(old.hash()));
        return delegate.delete(id);
    }

    @Override
    public int deleteByOwner(String ownerKey) {
        for (AccessToken old : delegate.findByOwner(ownerKey)) {
            invalidateNowAndAfterCommit(old.hash());
        }
        return delegate.deleteByOwner(ownerKey);
    }

    private void invalidateNowAndAfterCommit(String hash) {
        invalidate(hash);
        List<String> pending = invalidatedInTransaction.get();
        if (pending != null) {
            pending.add(hash);
        }
    }

    private void invalidate(String hash) {
        synchronized (lock) {
            generation++;
            byHash.remove(hash);
        }
    }
}
