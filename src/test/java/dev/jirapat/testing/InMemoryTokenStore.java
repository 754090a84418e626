package dev.jirapat.testing;

import dev.jirapat.token.AccessToken;
import dev.jirapat.token.TokenPage;
import dev.jirapat.token.TokenSearch;
import dev.jirapat.token.TokenStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A map-backed store for benchmarks that isolate the check's own cost from the database's. Not a test double
 * for behaviour: the real store is tested on real databases.
 */
public final class InMemoryTokenStore implements TokenStore {
    private final Map<Long, AccessToken> byId = new ConcurrentHashMap<>();
    private final Map<String, AccessToken> byHash = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final Map<String, Long> idByBuiltinId = new ConcurrentHashMap<>();

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        synchronized (this) {
            return work.get();
        }
    }

    @Override
    public Optional<AccessToken> insert(AccessToken token, int limit) {
        if (countByOwner(token.ownerKey()) >= limit) {
            return Optional.empty();
        }
        AccessToken stored = token.toBuilder().id(ids.incrementAndGet()).build();
        byId.put(stored.id(), stored);
        byHash.put(stored.hash(), stored);
        return Optional.of(stored);
    }

    @Override
    public Optional<AccessToken> replace(long id, AccessToken replacement) {
        AccessToken old = byId.get(id);
        if (old == null) {
            return Optional.empty();
        }
        AccessToken stored = replacement.toBuilder().id(id).build();
        byHash.remove(old.hash());
        byId.put(id, stored);
        byHash.put(stored.hash(), stored);
        return Optional.of(stored);
    }

    @Override
    public Optional<AccessToken> findByHash(String hash) {
        return Optional.ofNullable(byHash.get(hash));
    }

    @Override
    public Optional<AccessToken> findById(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public List<AccessToken> findByOwner(String ownerKey) {
        return byId.values().stream().filter(t -> t.ownerKey().equals(ownerKey)).collect(Collectors.toList());
    }

    @Override
    public int countByOwner(String ownerKey) {
        return findByOwner(ownerKey).size();
    }

    @Override
    public boolean delete(long id) {
        AccessToken removed = byId.remove(id);
        if (removed != null) {
            byHash.remove(removed.hash());
        }
        return removed != null;
    }

    @Override
    public int deleteByOwner(String ownerKey) {
        List<AccessToken> owned = findByOwner(ownerKey);
        owned.forEach(t -> delete(t.id()));
        return owned.size();
    }

    @Override
    public void recordUse(long id, Instant at, String ip) {
        AccessToken t = byId.get(id);
        if (t != null && !at.isBefore(t.createdAt()) && !t.lastUsedAt().filter(last -> !last.isBefore(at)).isPresent()) {
            AccessToken used = t.toBuilder().lastUsed(at, ip).build();
            byId.put(id, used);
            byHash.put(used.hash(), used);
        }
    }

    @Override
    public TokenPage search(TokenSearch search) {
        List<AccessToken> all = new ArrayList<>(byId.values());
        return new TokenPage(all, 0, Math.max(1, all.size()), all.size());
    }

    // Background work is measured on real databases (the lifecycle benchmark), never on this map.

    @Override
    public List<AccessToken> findNoticeCandidates(Instant expiresUntil, Instant now, int smallestDays, long afterId, int limit) {
        throw new UnsupportedOperationException("not for benchmarks of the check");
    }

    @Override
    public List<AccessToken> findExpired(Instant expiredBy, long afterId, int limit) {
        throw new UnsupportedOperationException("not for benchmarks of the check");
    }

    @Override
    public java.util.SortedSet<String> findOwnerKeys(String afterKey, int limit) {
        throw new UnsupportedOperationException("not for benchmarks of the check");
    }

    @Override
    public boolean claimNotice(long id, Instant expiresAt, dev.jirapat.token.NoticeStage stage) {
        throw new UnsupportedOperationException("not for benchmarks of the check");
    }

    @Override
    public int deleteNoticeClaims(Instant claimedBefore, int limit) {
        throw new UnsupportedOperationException("not for benchmarks of the check");
    }

    @Override
    public void deleteAll(List<AccessToken> tokens) {
        throw new UnsupportedOperationException("not for benchmarks of the check");
    }

    @Override
    public int insertImported(List<AccessToken> tokens) {
        for (AccessToken token : tokens) {
            AccessToken stored = token.toBuilder().id(ids.incrementAndGet()).build();
            byId.put(stored.id(), stored);
            byHash.put(stored.hash(), stored);
            idByBuiltinId.put(stored.builtinId().get(), stored.id());
        }
        return tokens.size();
    }

    @Override
    public Optional<AccessToken> findByBuiltinId(String builtinId) {
        Long id = idByBuiltinId.get(builtinId);
        return Optional.ofNullable(id == null ? null : byId.get(id)).filter(t -> t.builtinId().map(builtinId::equals).orElse(false));
    }

    @Override
    public boolean isImported(String builtinId) {
        return findByBuiltinId(builtinId).isPresent();
    }

    @Override
    public Set<String> importedAmong(Collection<String> builtinIds) {
        Set<String> out = new HashSet<>();
        for (String id : builtinIds) {
            if (isImported(id)) {
                out.add(id);
            }
        }
        return out;
    }

    @Override
    public synchronized boolean upgradeHash(long id, String expectedHash, String newHash, String algorithm, String hint) {
        AccessToken old = byId.get(id);
        if (old == null || !old.hash().equals(expectedHash)) {
            return false;
        }
        AccessToken stored = old.toBuilder().hash(newHash, algorithm).hint(hint).build();
        byHash.remove(old.hash());
        byId.put(id, stored);
        byHash.put(newHash, stored);
        return true;
    }
}
