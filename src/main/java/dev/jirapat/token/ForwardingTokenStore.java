package dev.jirapat.token;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.Set;
import java.util.function.Supplier;

/** A store that forwards every call to another: decorators (the cache) and tests override only what they change. */
public class ForwardingTokenStore implements TokenStore {
    private final TokenStore delegate;

    public ForwardingTokenStore(TokenStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return delegate.inTransaction(work);
    }

    @Override
    public Optional<AccessToken> insert(AccessToken token, int limit) {
        return delegate.insert(token, limit);
    }

    @Override
    public Optional<AccessToken> replace(long id, AccessToken replacement) {
        return delegate.replace(id, replacement);
    }

    @Override
    public Optional<AccessToken> findByHash(String hash) {
        return delegate.findByHash(hash);
    }

    @Override
    public Optional<AccessToken> findById(long id) {
        return delegate.findById(id);
    }

    @Override
    public List<AccessToken> findByOwner(String ownerKey) {
        return delegate.findByOwner(ownerKey);
    }

    @Override
    public int countByOwner(String ownerKey) {
        return delegate.countByOwner(ownerKey);
    }

    @Override
    public boolean delete(long id) {
        return delegate.delete(id);
    }

    @Override
    public int deleteByOwner(String ownerKey) {
        return delegate.deleteByOwner(ownerKey);
    }

    @Override
    public void recordUse(long id, Instant at, String ip) {
        delegate.recordUse(id, at, ip);
    }

    @Override
    public TokenPage search(TokenSearch search) {
        return delegate.search(search);
    }

    @Override
    public List<AccessToken> findNoticeCandidates(Instant expiresUntil, Instant now, int smallestDays, long afterId,
                                                  int limit) {
        return delegate.findNoticeCandidates(expiresUntil, now, smallestDays, afterId, limit);
    }

    @Override
    public List<AccessToken> findExpired(Instant expiredBy, long afterId, int limit) {
        return delegate.findExpired(expiredBy, afterId, limit);
    }

    @Override
    public SortedSet<String> findOwnerKeys(String afterKey, int limit) {
        return delegate.findOwnerKeys(afterKey, limit);
    }

    @Override
    public boolean claimNotice(long id, Instant expiresAt, NoticeStage stage) {
        return delegate.claimNotice(id, expiresAt, stage);
    }

    @Override
    public int deleteNoticeClaims(Instant claimedBefore, int limit) {
        return delegate.deleteNoticeClaims(claimedBefore, limit);
    }

    @Override
    public void deleteAll(List<AccessToken> tokens) {
        delegate.deleteAll(tokens);
    }

    @Override
    public int insertImported(List<AccessToken> tokens) {
        return delegate.insertImported(tokens);
    }

    @Override
    public Optional<AccessToken> findByBuiltinId(String builtinId) {
        return delegate.findByBuiltinId(builtinId);
    }

    @Override
    public boolean isImported(String builtinId) {
        return delegate.isImported(builtinId);
    }

    @Override
    public Set<String> importedAmong(Collection<String> builtinIds) {
        return delegate.importedAmong(builtinIds);
    }

    @Override
    public boolean upgradeHash(long id, String expectedHash, String newHash, String algorithm, String hint) {
        return delegate.upgradeHash(id, expectedHash, newHash, algorithm, hint);
    }
}
