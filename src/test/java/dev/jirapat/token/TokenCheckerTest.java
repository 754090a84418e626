package dev.jirapat.token;

import dev.jirapat.testing.FakeUsers;
import dev.jirapat.testing.ForwardingUsers;
import dev.jirapat.testing.InMemoryTokenStore;
import org.junit.Test;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/**
 * Every refusal of {@link TokenChecker} and the order of its checks: each row sets up one token and one request,
 * and where two rules apply at once the row says which one wins. Every row also counts look-ups: a malformed
 * token or switched-off tokens never reach the store, and the owner is looked up at most once.
 */
public class TokenCheckerTest {
    private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");
    private static final TokenPolicy ON = TokenPolicy.defaults();
    private static final TokenPolicy OFF = TokenPolicy.defaults().withOverrides(Map.of("enabled", "false"), m -> { });
    private static final Optional<TokenRefusal> ACCEPTED = Optional.empty();

    private final InMemoryTokenStore stored = new InMemoryTokenStore();
    private final AtomicInteger tokenLookups = new AtomicInteger();
    private final AtomicInteger ownerLookups = new AtomicInteger();
    private final TokenStore store = new ForwardingTokenStore(stored) {
        @Override
        public Optional<AccessToken> findByHash(String hash) {
            tokenLookups.incrementAndGet();
            return super.findByHash(hash);
        }
    };
    private final FakeUsers directory = FakeUsers.fixture(); // alice, bob, admin active; carol inactive
    private final TokenChecker checker = new TokenChecker(store, new ForwardingUsers(directory) {
        @Override
        public Optional<UserAccount> byKey(String key) {
            ownerLookups.incrementAndGet();
            return super.byKey(key);
        }
    });
    private final TokenMint mint = new TokenMint(new SecureRandom());

    /** A stored token of alice's: write scope, any address, 30 days left, unless {@code shape} changes that. */
    private String issue(Consumer<AccessToken.Builder> shape) {
        TokenString raw = mint.mint();
        AccessToken.Builder token = AccessToken.builder().ownerKey(FakeUsers.key("alice")).name("t")
                .createdAt(NOW.minus(Duration.ofDays(1))).expiresAt(NOW.plus(Duration.ofDays(30)))
                .createdBy(FakeUsers.key("alice")).hash(TokenHasher.hash(raw), TokenHasher.ALGORITHM).hint(raw.hint());
        shape.accept(token);
        stored.insert(token.build(), 1000);
        return raw.reveal();
    }

    private static Consumer<AccessToken.Builder> as(String username) {
        return t -> t.ownerKey(FakeUsers.key(username)).createdBy(FakeUsers.key(username));
    }

    private static final Consumer<AccessToken.Builder> PLAIN = t -> { };
    private static final Consumer<AccessToken.Builder> EXPIRED = t -> t.expiresAt(NOW);
    private static final Consumer<AccessToken.Builder> READ = t -> t.scope(Scope.READ);
    private static final Consumer<AccessToken.Builder> TEN_ONLY = t -> t.allowedIps(
            Collections.singletonList(IpRange.parse("10.0.0.0/8").get()));

    private static RequestFacts get() {
        return RequestFacts.restApi("GET", "10.1.2.3");
    }

    private static RequestFacts request(String method, PathKind path) {
        return new RequestFacts(method, "10.1.2.3", path);
    }

    private static RequestFacts from(String address) {
        return RequestFacts.restApi("GET", address);
    }

    private static RequestFacts basic(String username, String method, String address) {
        return new RequestFacts(method, address, PathKind.REST_API, username);
    }

    /** One case: a token (or a text that is none), a request, the policy, and what must come of it. */
    private static final class Row {
        final String why;
        final Consumer<AccessToken.Builder> token;
        final String presentedInstead;
        final RequestFacts request;
        final TokenPolicy policy;
        final Optional<TokenRefusal> expected;

        Row(String why, Consumer<AccessToken.Builder> token, String presentedInstead, RequestFacts request,
            TokenPolicy policy, Optional<TokenRefusal> expected) {
            this.why = why;
            this.token = token;
            this.presentedInstead = presentedInstead;
            this.request = request;
            this.policy = policy;
            this.expected = expected;
        }
    }

    private static Row row(String why, Consumer<AccessToken.Builder> token, RequestFacts request, TokenRefusal expected) {
        return new Row(why, token, null, request, ON, Optional.ofNullable(expected));
    }

    private static final String MADE_UP = new TokenMint(new SecureRandom()).mint().reveal();

    private static List<Row> table() {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("switched off", PLAIN, null, get(), OFF, Optional.of(TokenRefusal.DISABLED)));
        rows.add(new Row("switched off wins over malformed", PLAIN, "jpat_nonsense", get(), OFF,
                Optional.of(TokenRefusal.DISABLED)));
        rows.add(new Row("malformed", PLAIN, "jpat_nonsense", get(), ON, Optional.of(TokenRefusal.MALFORMED)));
        rows.add(new Row("malformed: not ours at all", PLAIN, "", get(), ON, Optional.of(TokenRefusal.MALFORMED)));
        rows.add(new Row("never issued", PLAIN, MADE_UP, get(), ON, Optional.of(TokenRefusal.UNKNOWN)));
        rows.add(row("expired", EXPIRED, get(), TokenRefusal.EXPIRED));
        rows.add(row("expired wins over an inactive owner", EXPIRED.andThen(as("carol")), get(), TokenRefusal.EXPIRED));
        rows.add(row("inactive owner", as("carol"), get(), TokenRefusal.OWNER_INACTIVE));
        rows.add(row("deleted owner", t -> t.ownerKey("gone"), get(), TokenRefusal.OWNER_INACTIVE));
        rows.add(row("inactive owner wins over another Basic username", as("carol"), basic("bob", "GET", "10.1.2.3"),
                TokenRefusal.OWNER_INACTIVE));
        rows.add(row("Basic with another user's name", PLAIN, basic("bob", "GET", "10.1.2.3"),
                TokenRefusal.USERNAME_MISMATCH));
        rows.add(row("Basic username wins over the allowlist", TEN_ONLY, basic("bob", "GET", "192.0.2.1"),
                TokenRefusal.USERNAME_MISMATCH));
        rows.add(row("Basic with the owner's name in another case", PLAIN, basic("ALICE", "GET", "10.1.2.3"), null));
        rows.add(row("address outside the allowlist", TEN_ONLY, from("192.0.2.1"), TokenRefusal.IP_NOT_ALLOWED));
        rows.add(row("allowlist wins over scope", READ.andThen(TEN_ONLY), new RequestFacts("POST", "192.0.2.1",
                PathKind.REST_API), TokenRefusal.IP_NOT_ALLOWED));
        rows.add(row("address inside the allowlist", TEN_ONLY, from("10.200.0.1"), null));
        rows.add(row("read token writing", READ, request("POST", PathKind.REST_API), TokenRefusal.INSUFFICIENT_SCOPE));
        rows.add(row("read token outside the REST API", READ, request("GET", PathKind.OTHER), TokenRefusal.INSUFFICIENT_SCOPE));
        rows.add(row("read token on an ambiguous path", READ, request("GET", PathKind.AMBIGUOUS), TokenRefusal.AMBIGUOUS_PATH));
        rows.add(row("read token reading the REST API", READ, request("HEAD", PathKind.REST_API), null));
        rows.add(row("write token on an ambiguous path: not confined", PLAIN, request("POST", PathKind.AMBIGUOUS), null));
        rows.add(row("write token anywhere", PLAIN, request("DELETE", PathKind.OTHER), null));
        return rows;
    }

    @Test
    public void checkWhenEachRuleAppliesThenItsRefusalInTheOrderOfTheRules() {
        for (Row row : table()) {
            tokenLookups.set(0);
            ownerLookups.set(0);
            String issued = issue(row.token);
            String presented = row.presentedInstead != null ? row.presentedInstead : issued;
            CheckResult result = checker.check(presented, row.request, row.policy, NOW);

            assertEquals(row.why, row.expected, result.refusal());
            assertEquals(row.why, !row.expected.isPresent(), result.isAccepted());
            boolean neverLookedUp = row.expected.equals(Optional.of(TokenRefusal.DISABLED))
                    || row.expected.equals(Optional.of(TokenRefusal.MALFORMED));
            assertEquals(row.why + ": token look-ups", neverLookedUp ? 0 : 1, tokenLookups.get());
            assertTrue(row.why + ": the owner is looked up at most once", ownerLookups.get() <= 1);
            boolean found = !neverLookedUp && !row.expected.equals(Optional.of(TokenRefusal.UNKNOWN));
            assertEquals(row.why + ": the found token comes back for the log's hint", found, result.token().isPresent());
            assertEquals(row.why + ": the owner only with an accepted token", result.isAccepted(), result.owner().isPresent());
            assertFalse(row.why, result.toString().contains(presented.isEmpty() ? "\u0000" : presented));
        }
    }

    @Test
    public void checkWhenAcceptedThenTheOwnerLookedUpOnceIsTheOneReturned() {
        String raw = issue(PLAIN);
        CheckResult result = checker.check(raw, get(), ON, NOW);
        assertTrue(result.isAccepted());
        assertEquals(1, ownerLookups.get());
        assertEquals(FakeUsers.key("alice"), result.owner().get().key());
        assertEquals("alice", result.owner().get().username());
        assertEquals(FakeUsers.key("alice"), result.token().get().ownerKey());
    }

    @Test
    public void checkWhenTheOwnerIsDeactivatedThenTheNextCheckRefuses() {
        String raw = issue(PLAIN);
        assertEquals(ACCEPTED, checker.check(raw, get(), ON, NOW).refusal());
        directory.setActive("alice", false);
        assertEquals(Optional.of(TokenRefusal.OWNER_INACTIVE), checker.check(raw, get(), ON, NOW).refusal());
    }

    @Test
    public void checkWhenTheExpiryInstantIsReachedThenExpired() {
        String raw = issue(t -> t.expiresAt(NOW.plusMillis(1)));
        assertEquals(ACCEPTED, checker.check(raw, get(), ON, NOW).refusal());
        assertEquals(Optional.of(TokenRefusal.EXPIRED), checker.check(raw, get(), ON, NOW.plusMillis(1)).refusal());
    }

    @Test
    public void checkHashWhenASessionPresentsItsTokensHashThenTheSameRulesFromTheLookUpOn() {
        String raw = issue(READ.andThen(TEN_ONLY));
        String hash = TokenHasher.hash(TokenString.parse(raw).get());
        assertEquals(ACCEPTED, checker.checkHash(hash, get(), ON, NOW).refusal());
        assertEquals(Optional.of(TokenRefusal.IP_NOT_ALLOWED), checker.checkHash(hash, from("192.0.2.1"), ON, NOW).refusal());
        assertEquals(Optional.of(TokenRefusal.INSUFFICIENT_SCOPE),
                checker.checkHash(hash, request("POST", PathKind.REST_API), ON, NOW).refusal());
        assertEquals(Optional.of(TokenRefusal.EXPIRED), checker.checkHash(hash, get(), ON, NOW.plus(Duration.ofDays(31))).refusal());
        assertEquals(Optional.of(TokenRefusal.UNKNOWN),
                checker.checkHash(TokenHasher.hash(TokenString.parse(MADE_UP).get()), get(), ON, NOW).refusal());
    }

    @Test
    public void checkHashWhenTokensAreTurnedOffThenDisabled() {
        String hash = TokenHasher.hash(TokenString.parse(issue(t -> { })).get());
        assertEquals(ACCEPTED, checker.checkHash(hash, get(), ON, NOW).refusal());
        assertEquals(Optional.of(TokenRefusal.DISABLED), checker.checkHash(hash, get(), OFF, NOW).refusal());
    }

    @Test
    public void checkHashWhenTheStoredHashDiffersThenUnknown() {
        String raw = issue(PLAIN);
        String hash = TokenHasher.hash(TokenString.parse(raw).get());
        // A store whose look-up is not exact (a case-insensitive collation) must not let a near miss through.
        TokenChecker sloppy = new TokenChecker(new ForwardingTokenStore(stored) {
            @Override
            public Optional<AccessToken> findByHash(String h) {
                return super.findByHash(h.toLowerCase());
            }
        }, directory);
        assertEquals(ACCEPTED, sloppy.checkHash(hash, get(), ON, NOW).refusal());
        assertEquals(Optional.of(TokenRefusal.UNKNOWN), sloppy.checkHash(hash.toUpperCase(), get(), ON, NOW).refusal());
    }

    @Test
    public void beyondScopeIsOnlyAWorkingTokenUsedWhereItMayNotBe() {
        for (TokenRefusal refusal : TokenRefusal.values()) {
            assertEquals(refusal.name(), refusal == TokenRefusal.INSUFFICIENT_SCOPE || refusal == TokenRefusal.AMBIGUOUS_PATH,
                    refusal.isBeyondScope());
        }
    }
}
