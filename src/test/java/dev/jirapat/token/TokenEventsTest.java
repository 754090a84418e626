package dev.jirapat.token;

import dev.jirapat.testing.FakeUsers;
import dev.jirapat.testing.InMemoryTokenStore;
import org.junit.Test;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * What the use cases publish: one event per change, after its transaction committed; nothing for a refusal or a
 * rollback; and never a token or a hash in any event.
 */
public class TokenEventsTest {
    private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");

    private final Actor alice = Actor.user(FakeUsers.key("alice"));
    private final Actor bob = Actor.user(FakeUsers.key("bob"));
    private final Actor admin = Actor.user(FakeUsers.key("admin"));

    /** A store that knows whether a transaction is open and can fail the next commit (a rollback). */
    private final class TransactionalStore extends ForwardingTokenStore {
        int open;
        int committed;
        boolean failNextCommit;

        TransactionalStore() {
            super(new InMemoryTokenStore());
        }

        @Override
        public <T> T inTransaction(Supplier<T> work) {
            open++;
            try {
                T result = super.inTransaction(work);
                if (failNextCommit) {
                    failNextCommit = false;
                    throw new IllegalStateException("the commit failed: rolled back");
                }
                committed++;
                return result;
            } finally {
                open--;
            }
        }
    }

    private final TransactionalStore store = new TransactionalStore();
    private final List<TokenEvent> events = new ArrayList<>();
    private final List<String> secrets = new ArrayList<>();
    private final InMemoryPolicy policy = new InMemoryPolicy();
    private final TokenService service = new TokenService(store, FakeUsers.fixture(), policy, policy,
            new TokenMint(new SecureRandom()), event -> {
                assertEquals("published inside a transaction: " + event, 0, store.open);
                assertTrue("published before anything committed: " + event, store.committed > 0
                        || event instanceof TokenEvent.SettingsChanged);
                events.add(event);
            }, Clock.fixed(NOW, ZoneOffset.UTC));

    private IssuedToken issue(Actor actor, String ownerKey, String name) {
        IssuedToken issued = service.createFor(actor, ownerKey, TokenRequest.named(name, 30)).value();
        remember(issued);
        return issued;
    }

    private void remember(IssuedToken issued) {
        secrets.add(issued.rawToken());
        secrets.add(issued.rawToken().substring(TokenString.PREFIX.length(), TokenString.LENGTH - 4));
        secrets.add(issued.token().hash());
    }

    private <T extends TokenEvent> T only(Class<T> type) {
        assertEquals(events.toString(), 1, events.size());
        assertTrue(events.toString(), type.isInstance(events.get(0)));
        return type.cast(events.get(0));
    }

    @Test
    public void createWhenAnAdminMintsForAUserThenOneEventNamingBoth() {
        IssuedToken issued = issue(admin, FakeUsers.key("alice"), "svc");
        TokenEvent.Created created = only(TokenEvent.Created.class);
        assertEquals(Optional.of(FakeUsers.key("admin")), created.actorKey());
        assertEquals(FakeUsers.key("alice"), created.ownerKey());
        assertEquals(issued.token().id(), created.tokenId());
        assertEquals("svc", created.name());
        assertEquals(issued.token().hint(), created.hint());
        assertEquals(Scope.WRITE, created.scope());
        assertEquals(issued.token().expiresAt(), created.expiresAt());
        assertEquals(NOW, created.at());
        assertFalse(created.viaTokenId().isPresent());
    }

    @Test
    public void createWhenCalledThroughATokenThenTheEventNamesThatToken() {
        IssuedToken caller = issue(alice, FakeUsers.key("alice"), "caller");
        events.clear();
        remember(service.create(Actor.viaToken(caller.token()), TokenRequest.named("child", 30)).value());
        assertEquals(Optional.of(caller.token().id()), only(TokenEvent.Created.class).viaTokenId());
    }

    @Test
    public void rotateThenOneEventWithTheOldAndNewHintAndTheSameId() {
        IssuedToken issued = issue(alice, FakeUsers.key("alice"), "t");
        events.clear();
        IssuedToken rotated = service.rotate(alice, issued.token().id()).value();
        remember(rotated);
        TokenEvent.Rotated event = only(TokenEvent.Rotated.class);
        assertEquals(issued.token().id(), event.tokenId());
        assertEquals(issued.token().hint(), event.previousHint());
        assertEquals(rotated.token().hint(), event.hint());
        assertEquals(Optional.of(FakeUsers.key("alice")), event.actorKey());
    }

    @Test
    public void revokeThenOneEventAndNoneForAnUnknownOrForeignId() {
        IssuedToken one = issue(alice, FakeUsers.key("alice"), "one");
        IssuedToken two = issue(alice, FakeUsers.key("alice"), "two");
        events.clear();
        assertEquals(Rejection.NOT_FOUND, service.revoke(bob, one.token().id()).rejection());
        assertEquals(Rejection.NOT_FOUND, service.revokeIfExists(bob, one.token().id()).rejection());
        assertFalse(service.revokeIfExists(alice, 999).value().isPresent());
        assertTrue("refused or nothing to revoke: no event", events.isEmpty());

        service.revoke(alice, one.token().id());
        service.revokeIfExists(admin, two.token().id());
        assertEquals(2, events.size());
        TokenEvent.Revoked first = (TokenEvent.Revoked) events.get(0);
        TokenEvent.Revoked second = (TokenEvent.Revoked) events.get(1);
        assertEquals(one.token().id(), first.tokenId());
        assertEquals(Optional.of(FakeUsers.key("alice")), first.actorKey());
        assertEquals(two.token().id(), second.tokenId());
        assertEquals(FakeUsers.key("alice"), second.ownerKey());
        assertEquals(Optional.of(FakeUsers.key("admin")), second.actorKey());
    }

    @Test
    public void revokeAllThenOneEventNamingTheRevokedIdsOnly() {
        IssuedToken one = issue(alice, FakeUsers.key("alice"), "one");
        IssuedToken two = issue(admin, FakeUsers.key("bob"), "two");
        events.clear();
        assertEquals(Rejection.NOT_PERMITTED, service.revokeAll(alice, Arrays.asList(one.token().id())).rejection());
        service.revokeAll(admin, Collections.singletonList(4242L));
        assertTrue("refused, or no id was known: no event", events.isEmpty());

        service.revokeAll(admin, Arrays.asList(one.token().id(), 4242L, two.token().id()));
        assertEquals(Arrays.asList(one.token().id(), two.token().id()), only(TokenEvent.BulkRevoked.class).tokenIds());
    }

    @Test
    public void revokeAllOfAUserThenOneEventNamingEachOfTheirTokens() {
        IssuedToken one = issue(alice, FakeUsers.key("alice"), "one");
        IssuedToken two = issue(alice, FakeUsers.key("alice"), "two");
        issue(bob, FakeUsers.key("bob"), "bobs");
        events.clear();
        assertEquals(Integer.valueOf(2), service.revokeAllOf(Actor.system(), FakeUsers.key("alice")).value());
        TokenEvent.BulkRevoked event = only(TokenEvent.BulkRevoked.class);
        assertEquals(Set.of(one.token().id(), two.token().id()), Set.copyOf(event.tokenIds()));
        assertEquals("the system did it", Optional.empty(), event.actorKey());
        assertTrue(event.toString(), event.toString().contains("by=system"));
    }

    @Test
    public void changeSettingsThenOldAndNewValueOfEachSettingThatChanged() {
        Map<String, String> set = new HashMap<>();
        set.put("maxTokensPerUser", "5");
        set.put("eternalTokensAllowed", "true"); // already so: not a change
        TokenPolicy after = service.changeSettings(admin, set, Collections.emptySet()).value();
        assertEquals(5, after.maxTokensPerUser());
        TokenEvent.SettingsChanged changed = only(TokenEvent.SettingsChanged.class);
        assertEquals(Collections.singletonMap("maxTokensPerUser", new TokenEvent.Change("10", "5")), changed.changes());
        assertEquals(Optional.of(FakeUsers.key("admin")), changed.actorKey());

        events.clear();
        service.changeSettings(admin, Collections.emptyMap(), Collections.singleton("maxTokensPerUser"));
        assertEquals(Collections.singletonMap("maxTokensPerUser", new TokenEvent.Change("5", "10")),
                only(TokenEvent.SettingsChanged.class).changes());

        events.clear();
        service.changeSettings(admin, Collections.singletonMap("enabled", "true"), Collections.emptySet());
        assertTrue("nothing in force changed: no event", events.isEmpty());
    }

    @Test
    public void changeSettingsWhenNotAnAdminThenRefusedAndNothingStored() {
        Actor aliceViaToken = Actor.viaToken(issue(alice, FakeUsers.key("alice"), "t").token());
        events.clear();
        for (Actor actor : Arrays.asList(alice, aliceViaToken, Actor.system())) {
            assertEquals(actor.toString(), Rejection.NOT_PERMITTED,
                    service.changeSettings(actor, Collections.singletonMap("enabled", "false"), Collections.emptySet())
                            .rejection());
        }
        assertTrue(policy.overrides().isEmpty());
        assertTrue(events.isEmpty());
    }

    @Test
    public void changeSettingsWhenAValueIsInvalidThenThrowsAndNoEvent() {
        try {
            service.changeSettings(admin, Collections.singletonMap("maxTokensPerUser", "lots"), Collections.emptySet());
            fail("an invalid value is the caller's to prevent");
        } catch (IllegalArgumentException expected) {
            // as PolicyStore.apply says
        }
        assertTrue(events.isEmpty());
        assertTrue(policy.overrides().isEmpty());
    }

    @Test
    public void useCaseWhenItsTransactionRollsBackThenNoEvent() {
        IssuedToken issued = issue(alice, FakeUsers.key("alice"), "kept");
        events.clear();
        for (Runnable change : Arrays.<Runnable>asList(
                () -> service.create(alice, TokenRequest.named("lost", 30)),
                () -> service.rotate(alice, issued.token().id()),
                () -> service.revoke(alice, issued.token().id()),
                () -> service.revokeIfExists(alice, issued.token().id()),
                () -> service.revokeAll(admin, Collections.singletonList(issued.token().id())),
                () -> service.revokeAllOf(alice, FakeUsers.key("alice")))) {
            store.failNextCommit = true;
            try {
                change.run();
                fail("the commit failure reaches the caller");
            } catch (IllegalStateException expected) {
                // rolled back
            }
        }
        assertTrue("nothing committed, nothing published: " + events, events.isEmpty());
    }

    @Test
    public void useCaseWhenRefusedThenNoEvent() {
        IssuedToken issued = issue(alice, FakeUsers.key("alice"), "t");
        events.clear();
        service.create(alice, TokenRequest.named(" ", 30));
        service.createFor(bob, FakeUsers.key("alice"), TokenRequest.named("t", 30));
        service.create(Actor.system(), TokenRequest.named("t", 30));
        service.rotate(bob, issued.token().id());
        service.rotate(Actor.system(), issued.token().id());
        policy.apply(Collections.singletonMap("enabled", "false"), Collections.emptySet());
        service.create(alice, TokenRequest.named("off", 30));
        service.rotate(alice, issued.token().id());
        assertTrue(events.toString(), events.isEmpty());
    }

    @Test
    public void everyEventWhenPrintedHoldsNoTokenAndNoHash() {
        IssuedToken a = issue(alice, FakeUsers.key("alice"), "a \"quoted\" name");
        IssuedToken b = issue(admin, FakeUsers.key("bob"), "b");
        IssuedToken child = service.create(Actor.viaToken(a.token()), TokenRequest.named("child", 30)).value();
        remember(child);
        remember(service.rotate(alice, a.token().id()).value());
        service.revoke(admin, b.token().id());
        service.revokeAll(admin, Collections.singletonList(child.token().id()));
        service.changeSettings(admin, Collections.singletonMap("maxExpiryDays", "90"), Collections.emptySet());
        // A name stored before today's name rules, with a line break: it cannot forge a log line.
        TokenString legacy = new TokenMint(new SecureRandom()).mint();
        secrets.add(legacy.reveal());
        secrets.add(TokenHasher.hash(legacy));
        AccessToken old = store.insert(a.token().toBuilder().name("old\nINFO forged line")
                .hash(TokenHasher.hash(legacy), TokenHasher.ALGORITHM).hint(legacy.hint()).build(), 100).get();
        service.revoke(alice, old.id());
        service.revokeAllOf(alice, FakeUsers.key("alice"));

        assertEquals(events.toString(), 9, events.size());
        for (TokenEvent event : events) {
            String printed = event.toString();
            for (String secret : secrets) {
                assertFalse(printed + " holds a secret", printed.contains(secret));
            }
            assertFalse(printed, printed.contains("\n"));
        }
        assertTrue(events.get(7).toString(), events.get(7).toString().contains("name=\"old\\u000aINFO forged line\""));
        assertTrue(events.get(0).toString(), events.get(0).toString().contains("name=\"a \\\"quoted\\\" name\""));
    }
}
