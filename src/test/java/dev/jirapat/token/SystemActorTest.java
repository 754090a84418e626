package dev.jirapat.token;

import dev.jirapat.testing.FakeUsers;
import dev.jirapat.testing.InMemoryTokenStore;
import org.junit.Test;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collections;
import java.util.Optional;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/** {@link Actor#system()}: reads and revokes every user's tokens, as jobs need, and may do nothing else. */
public class SystemActorTest {
    private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");

    private final InMemoryTokenStore store = new InMemoryTokenStore();
    private final FakeUsers users = FakeUsers.fixture();
    private final InMemoryPolicy policy = new InMemoryPolicy();
    private final TokenService service = TokenServices.of(store, users, policy, Clock.fixed(NOW, ZoneOffset.UTC));
    private final Actor alice = Actor.user(FakeUsers.key("alice"));

    private AccessToken alices(String name) {
        return service.create(alice, TokenRequest.named(name, 30)).value().token();
    }

    @Test
    public void systemIsNoUser() {
        Actor system = Actor.system();
        assertTrue(system.isSystem());
        assertSame(system, Actor.system());
        assertFalse(system.viaToken().isPresent());
        assertEquals("Actor[system]", system.toString());
        try {
            system.userKey();
            fail("the system actor has no user key to compare or look up");
        } catch (IllegalStateException expected) {
            // a check that needs a user key fails rather than guessing
        }
        assertFalse("a user keyed \"system\" is a user", Actor.user("system").isSystem());
        assertFalse(alice.isSystem());
    }

    @Test
    public void systemReadsEveryUsersTokens() {
        AccessToken token = alices("t");
        assertEquals(Optional.of(token), service.get(Actor.system(), token.id()));
        assertEquals(Collections.singletonList(token), service.listOf(Actor.system(), FakeUsers.key("alice")));
        assertFalse(service.search(Actor.system(), TokenSearch.all()).isRejected());
        assertTrue("it owns no tokens", service.list(Actor.system()).isEmpty());
        assertTrue(service.mayActFor(Actor.system(), FakeUsers.key("bob")));
    }

    @Test
    public void systemRevokesAnyTokenAsCleanUpJobsNeed() {
        AccessToken one = alices("one");
        AccessToken two = alices("two");
        AccessToken three = alices("three");
        AccessToken four = alices("four");
        assertFalse(service.revoke(Actor.system(), one.id()).isRejected());
        assertEquals(Optional.of(two), service.revokeIfExists(Actor.system(), two.id()).value());
        assertEquals(Collections.singletonList(three),
                service.revokeAll(Actor.system(), Arrays.asList(three.id(), 999L)).value());
        assertEquals(Integer.valueOf(1), service.revokeAllOf(Actor.system(), FakeUsers.key("alice")).value());
        assertFalse(store.findById(four.id()).isPresent());
    }

    @Test
    public void systemMayNotCreateForAnyoneNorRotate() {
        AccessToken token = alices("t");
        assertEquals(Rejection.NOT_PERMITTED, service.create(Actor.system(), TokenRequest.named("t", 30)).rejection());
        assertEquals(Rejection.NOT_PERMITTED,
                service.createFor(Actor.system(), FakeUsers.key("alice"), TokenRequest.named("t", 30)).rejection());
        assertEquals(Rejection.NOT_PERMITTED, service.rotate(Actor.system(), token.id()).rejection());
        assertEquals("nothing was minted", 1, store.findByOwner(FakeUsers.key("alice")).size());
        assertEquals(token, store.findById(token.id()).get());
    }

    @Test
    public void systemNeverPassesForAUserKeyedSystem() {
        // A token owned by a user whose key happens to be "system": the system actor still may not rotate it.
        TokenString raw = new TokenMint(new SecureRandom()).mint();
        AccessToken owned = store.insert(AccessToken.builder().ownerKey("system").createdBy("system").name("t")
                .createdAt(NOW).expiresAt(NOW.plus(Duration.ofDays(30)))
                .hash(TokenHasher.hash(raw), TokenHasher.ALGORITHM).hint(raw.hint()).build(), 100).get();
        assertEquals(Rejection.NOT_PERMITTED, service.rotate(Actor.system(), owned.id()).rejection());
        assertEquals(owned, store.findById(owned.id()).get());
        assertTrue("while that user may see it as its owner", service.get(Actor.user("system"), owned.id()).isPresent());
        assertFalse("and another user may not", service.get(alice, owned.id()).isPresent());
    }
}
