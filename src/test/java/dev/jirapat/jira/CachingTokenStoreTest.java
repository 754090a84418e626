package dev.jirapat.jira;

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
    };
    private final CachingTokenStore cache = new CachingTokenStore(counting, new DevCacheManager());

    private String issue() {
        TokenService service = new TokenService(database, FakeUsers.fixture(), TokenPolicy::defaults,
                new TokenMint(new SecureRandom()), Clock.systemUTC());
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
    public void findWhenAnotherNodeRevokesBetweenReadAndPutThenTheEntryIsDropped() {
        String hash = issue();
        long id = database.findByHash(hash).get().id();
        // Another node's revocation commits right after our read; its invalidation found nothing here to remove.
        duringLookup = () -> database.delete(id);
        assertFalse("the re-read after the put sees the row gone", cache.findByHash(hash).isPresent());
        assertFalse(cache.findByHash(hash).isPresent());
    }
}
