package dev.jirapat.store;

import dev.jirapat.devhost.DevCacheManager;
import dev.jirapat.testing.FakeUsers;
import dev.jirapat.token.ForwardingTokenStore;
import dev.jirapat.testing.InMemoryTokenStore;
import dev.jirapat.token.AccessToken;
import dev.jirapat.token.Actor;
import dev.jirapat.token.TokenHasher;
import dev.jirapat.token.TokenMint;
import dev.jirapat.token.TokenPolicy;
import dev.jirapat.token.TokenRequest;
import dev.jirapat.token.TokenService;
import dev.jirapat.token.TokenServices;
import dev.jirapat.token.InMemoryPolicy;
import dev.jirapat.token.TokenString;
import org.junit.Test;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/** The hash cache in front of the store: hits are served from memory, and no revoked token survives in it. */
public class CachingTokenStoreTest {
    private final InMemoryTokenStore database = new InMemoryTokenStore();
    private final AtomicInteger lookups = new AtomicInteger();
    private Runnable duringLookup = () -> { };
    private Runnable duringReadById = () -> { };

    private final ForwardingTokenStore counting = new ForwardingTokenStore(database) {
        @Override
        public Optional<AccessToken> findByHash(String hash) {
            lookups.incrementAndGet();
            Optional<AccessToken> found = super.findByHash(hash);
            Runnable hook = duringLookup;
            duringLookup = () -> { };
            hook.run();
            return found;
        }

        @Override
        public Optional<AccessToken> findById(long id) {
            Optional<AccessToken> found = super.findById(id);
            Runnable hook = duringReadById;
            duringReadById = () -> { };
            hook.run();
            return found;
        }
    };
    private final DevCacheManager caches = new DevCacheManager();
    private final CachingTokenStore cache = new CachingTokenStore(counting, caches);

    private String issue() {
        TokenService service = TokenServices.of(database, FakeUsers.fixture(), new InMemoryPolicy(), Clock.systemUTC());
        String raw = service.create(Actor.user(FakeUsers.key("alice")), TokenRequest.named("t", 30)).value().rawToken();
        return TokenHasher.hash(TokenString.parse(raw).get());
    }

    @Test
    public void findWhenFoundOnceThenServedFromMemory() {
        String hash = issue();
        assertTrue(cache.findByHash(hash).isPresent());
        int afterFirst = lookups.get();
        assertTrue(cache.findByHash(hash).isPresent());
        assertEquals("the second look-up is a cache hit", afterFirst, lookups.get());
    }

    @Test
    public void findWhenUnknownThenNeverRemembered() {
        String made = TokenHasher.hash(new TokenMint(new SecureRandom()).mint());
        assertFalse(cache.findByHash(made).isPresent());
        assertFalse(cache.findByHash(made).isPresent());
        assertEquals(2, lookups.get());
    }

    @Test
    public void deleteWhenCachedThenTheNextLookUpMissesAtOnce() {
        String hash = issue();
        long id = cache.findByHash(hash).get().id();
        cache.inTransaction(() -> cache.delete(id));
        assertFalse(cache.findByHash(hash).isPresent());
    }

    @Test
    public void findWhenARevocationOnThisNodeRunsDuringTheLoadThenTheLoadIsNotCached() {
        String hash = issue();
        long id = database.findByHash(hash).get().id();
        duringLookup = () -> cache.inTransaction(() -> cache.delete(id)); // between the read and the put
        assertTrue("this caller read the row before the revocation", cache.findByHash(hash).isPresent());
        assertFalse("the revoked token is not served from the cache", cache.findByHash(hash).isPresent());
    }

    @Test
    public void replaceWhenCachedThenTheOldSecretMissesAtOnceAndTheNewOneIsFoundUnderTheSameId() {
        String oldHash = issue();
        AccessToken old = cache.findByHash(oldHash).get();
        String newHash = newHash();
        cache.inTransaction(() -> cache.replace(old.id(), old.toBuilder().hash(newHash, TokenHasher.ALGORITHM).build()));

        assertFalse(cache.findByHash(oldHash).isPresent());
        assertEquals(old.id(), cache.findByHash(newHash).get().id());
        int afterLoad = lookups.get();
        assertEquals(old.id(), cache.findByHash(newHash).get().id());
        assertEquals("the new secret is served from memory once loaded", afterLoad, lookups.get());
    }

    @Test
    public void deleteWhenItReadTheOldHashWhileARotationCommittedAndItsSecretWasCachedThenThatSecretIsNotServed() {
        String oldHash = issue();
        AccessToken old = cache.findByHash(oldHash).get();
        String newHash = newHash();
        // The revocation reads the row (old hash); before it deletes, a rotation on another node commits the new
        // hash under the same id, and a request caches the new secret here.
        duringReadById = () -> {
            database.replace(old.id(), old.toBuilder().hash(newHash, TokenHasher.ALGORITHM).build());
            assertTrue(cache.findByHash(newHash).isPresent());
        };
        assertTrue(cache.inTransaction(() -> cache.delete(old.id())));

        assertFalse("the rotated secret of a revoked id", cache.findByHash(newHash).isPresent());
        assertFalse(cache.findByHash(oldHash).isPresent());
    }

    @Test
    public void findWhenAHashEntryIsNotConfirmedByItsIdThenTheDatabaseDecides() {
        String oldHash = issue();
        AccessToken old = cache.findByHash(oldHash).get();
        cache.inTransaction(() -> cache.replace(old.id(), old.toBuilder().hash(newHash(), TokenHasher.ALGORITHM).build()));
        // A stale copy of the old entry arrives late (a put racing the invalidation): no id entry confirms it.
        caches.<String, AccessToken>getCache(CachingTokenStore.CACHE_NAME, null, null).put(oldHash, old);
        int before = lookups.get();
        assertFalse(cache.findByHash(oldHash).isPresent());
        assertTrue("went to the database", lookups.get() > before);

        // Nor when the id entry names another hash (the rotated one, cached since).
        String current = database.findById(old.id()).get().hash();
        assertTrue(cache.findByHash(current).isPresent());
        caches.<String, AccessToken>getCache(CachingTokenStore.CACHE_NAME, null, null).put(oldHash, old);
        assertFalse(cache.findByHash(oldHash).isPresent());
        assertTrue("the current secret is unaffected", cache.findByHash(current).isPresent());
    }

    @Test
    public void findWhenAnotherNodeRevokesBetweenReadAndPutThenTheEntryIsDropped() {
        String hash = issue();
        long id = database.findByHash(hash).get().id();
        // Another node's revocation commits right after our read; its invalidation found nothing here to remove.
        duringLookup = () -> database.delete(id);
        assertFalse("the re-read after the put sees the row gone", cache.findByHash(hash).isPresent());
        assertFalse(cache.findByHash(hash).isPresent());
    }

    @Test
    public void findWhenAnotherNodeRotatesBetweenReadAndPutThenTheOldSecretIsNotKept() {
        String oldHash = issue();
        AccessToken old = database.findByHash(oldHash).get();
        duringLookup = () -> database.replace(old.id(), old.toBuilder().hash(newHash(), TokenHasher.ALGORITHM).build());
        assertFalse("the re-read after the put sees the hash gone", cache.findByHash(oldHash).isPresent());
        assertFalse(cache.findByHash(oldHash).isPresent());
    }

    private static String newHash() {
        return TokenHasher.hash(new TokenMint(new SecureRandom()).mint());
    }
}
