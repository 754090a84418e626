package dev.jirapat.store;

import com.atlassian.cache.Cache;
import com.atlassian.cache.CacheManager;
import com.atlassian.cache.CacheSettings;
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
 * can end a token (delete, replace, delete by owner) removes its entries at once and again after its transaction
 * commits. The caches replicate by invalidation: on Data Center a removal reaches the other nodes, which then
 * read the database again; values never travel. Calls that cannot end a token are forwarded unchanged (the cached
 * copy's last-use fields are not used by the check). Entries also expire {@value #TTL_MINUTES} minutes after they
 * were read, which bounds what a lost invalidation message could keep alive.
 *
 * <p>A second cache maps a token id to the hash it holds now, and confirms every hash hit: a hit is served only
 * while the id entry names that same hash; otherwise the database decides. A rotation keeps the id and changes the
 * hash, so a revocation cannot rely on the hash it read: it may have read the old hash while a rotation committed
 * the new one, which a reader then cached. Revocation and rotation therefore also remove the id entry, now and
 * after commit, and the id is all a revocation needs to know. Both entries are written only by a load, under the
 * same two guards: a load that overlapped an invalidation on this node does not cache ({@code generation}), and
 * a load reads the row once more after its put, so a revocation that committed on another node before that
 * re-read is seen, and one that commits after it sends its id invalidation after our put and removes it.
 *
 * <p>A third cache answers "is this built-in token id imported?" both ways, because every built-in-shaped Bearer
 * token asks it, and most were never imported (they pass through untouched). Importing, rotating or deleting a
 * token removes its id's answer now and after commit. A stale "no" (an import committing on another node while
 * this one loaded) lets that token pass through unauthenticated until the entry expires; a stale "yes" only sends
 * the token to the full check, which reads the database.
 */
public final class CachingTokenStore extends ForwardingTokenStore {
    static final String CACHE_NAME = "dev.jirapat.tokens.byHash";
    static final String ID_CACHE_NAME = "dev.jirapat.tokens.hashById";
    static final String IMPORTED_CACHE_NAME = "dev.jirapat.tokens.importedByBuiltinId";
    static final long TTL_MINUTES = 5;
    static final int MAX_ENTRIES = 10_000;

    private final TokenStore delegate;
    private final Cache<String, AccessToken> byHash;
    private final Cache<Long, String> hashById;
    private final Cache<String, Boolean> importedByBuiltinId;
    /** Bumped on every invalidation; a load started before one must not fill the cache with what it read. */
    private final Object lock = new Object();
    private long generation;
    private final ThreadLocal<List<Invalidation>> invalidatedInTransaction = new ThreadLocal<>();

    public CachingTokenStore(TokenStore delegate, CacheManager cacheManager) {
        super(delegate);
        this.delegate = delegate;
        this.byHash = cacheManager.getCache(CACHE_NAME, null, settings());
        this.hashById = cacheManager.getCache(ID_CACHE_NAME, null, settings());
        this.importedByBuiltinId = cacheManager.getCache(IMPORTED_CACHE_NAME, null, settings());
    }

    private static CacheSettings settings() {
        return new CacheSettingsBuilder()
                .expireAfterWrite(TTL_MINUTES, TimeUnit.MINUTES)
                .maxEntries(MAX_ENTRIES)
                .replicateViaInvalidation()
                .replicateSynchronously()
                .build();
    }

    @Override
    public Optional<AccessToken> findByHash(String hash) {
        AccessToken cached = byHash.get(hash);
        if (cached != null && hash.equals(hashById.get(cached.id()))) {
            return Optional.of(cached);
        }
        long before;
        synchronized (lock) {
            before = generation;
        }
        Optional<AccessToken> found = delegate.findByHash(hash);
        if (!found.isPresent()) {
            if (cached != null) {
                invalidate(new Invalidation(hash, cached.id(), null));
            }
            return found;
        }
        synchronized (lock) {
            if (generation != before) {
                return found; // a revocation ran here meanwhile: don't cache what we read before it
            }
            byHash.put(hash, found.get());
            hashById.put(found.get().id(), hash);
        }
        // A revocation on another node that committed between our read and our put reached this node only as the
        // removal of entries that did not exist yet. Reading once more, after the put, closes that gap: either
        // we see the row gone, or its after-commit invalidation is still to arrive and will remove our entries.
        Optional<AccessToken> again = delegate.findByHash(hash);
        if (!again.isPresent() || again.get().id() != found.get().id()) {
            invalidate(new Invalidation(hash, found.get().id(), null));
        }
        return again;
    }

    @Override
    public boolean isImported(String builtinId) {
        Boolean cached = importedByBuiltinId.get(builtinId);
        if (cached != null) {
            return cached;
        }
        long before;
        synchronized (lock) {
            before = generation;
        }
        boolean imported = delegate.isImported(builtinId);
        synchronized (lock) {
            if (generation == before) {
                importedByBuiltinId.put(builtinId, imported);
            }
        }
        return imported;
    }

    @Override
    public int insertImported(List<AccessToken> tokens) {
        for (AccessToken token : tokens) {
            invalidateNowAndAfterCommit(new Invalidation(null, 0, token.builtinId().orElse(null)));
        }
        return delegate.insertImported(tokens);
    }

    @Override
    public boolean upgradeHash(long id, String expectedHash, String newHash, String algorithm, String hint) {
        invalidateNowAndAfterCommit(id);
        return delegate.upgradeHash(id, expectedHash, newHash, algorithm, hint);
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (invalidatedInTransaction.get() != null) {
            return delegate.inTransaction(work); // nested: the outermost call invalidates after commit
        }
        List<Invalidation> invalidated = new ArrayList<>();
        invalidatedInTransaction.set(invalidated);
        try {
            return delegate.inTransaction(work);
        } finally {
            invalidatedInTransaction.remove();
            // Again after commit (or rollback): a reader that loaded the old row before the commit cannot keep it.
            for (Invalidation entry : invalidated) {
                invalidate(entry);
            }
        }
    }

    @Override
    public Optional<AccessToken> replace(long id, AccessToken replacement) {
        invalidateNowAndAfterCommit(id);
        return delegate.replace(id, replacement);
    }

    @Override
    public boolean delete(long id) {
        invalidateNowAndAfterCommit(id);
        return delegate.delete(id);
    }

    @Override
    public int deleteByOwner(String ownerKey) {
        for (AccessToken old : delegate.findByOwner(ownerKey)) {
            invalidateNowAndAfterCommit(new Invalidation(old.hash(), old.id(), old.builtinId().orElse(null)));
        }
        return delegate.deleteByOwner(ownerKey);
    }

    @Override
    public void deleteAll(List<AccessToken> tokens) {
        for (AccessToken token : tokens) {
            invalidateNowAndAfterCommit(new Invalidation(token.hash(), token.id(), token.builtinId().orElse(null)));
        }
        delegate.deleteAll(tokens);
    }

    /** The id entry is what ends the token everywhere; the hash entry it read is removed too, to free memory. */
    private void invalidateNowAndAfterCommit(long id) {
        Optional<AccessToken> old = delegate.findById(id);
        invalidateNowAndAfterCommit(new Invalidation(old.map(AccessToken::hash).orElse(null), id,
                old.flatMap(AccessToken::builtinId).orElse(null)));
    }

    private void invalidateNowAndAfterCommit(Invalidation entry) {
        invalidate(entry);
        List<Invalidation> pending = invalidatedInTransaction.get();
        if (pending != null) {
            pending.add(entry);
        }
    }

    private void invalidate(Invalidation entry) {
        synchronized (lock) {
            generation++;
            if (entry.id > 0) {
                hashById.remove(entry.id);
            }
            if (entry.hash != null) {
                byHash.remove(entry.hash);
            }
            if (entry.builtinId != null) {
                importedByBuiltinId.remove(entry.builtinId);
            }
        }
    }

    /**
     * The entries of one token: its id (0 before it has one), the hash it held when read (null when the row was
     * already gone) and its built-in id (null for ours).
     */
    private static final class Invalidation {
        final String hash;
        final long id;
        final String builtinId;

        Invalidation(String hash, long id, String builtinId) {
            this.hash = hash;
            this.id = id;
            this.builtinId = builtinId;
        }
    }
}
