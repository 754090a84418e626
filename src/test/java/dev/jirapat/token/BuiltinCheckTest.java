package dev.jirapat.token;

import dev.jirapat.testing.FakeUsers;
import dev.jirapat.testing.InMemoryTokenStore;
import org.junit.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/**
 * {@link TokenChecker} on tokens of Jira's built-in app: only imported ids are checked; the first success verifies
 * PBKDF2 once and upgrades the row to SHA-256 (later checks find it by hash); wrong secrets are refused without a
 * second PBKDF2; acceptance can be turned off; a rotation ends the built-in secret. Counts writes and id look-ups.
 */
public class BuiltinCheckTest {
    private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");
    private static final TokenPolicy ON = TokenPolicy.defaults();
    private static final TokenPolicy NOT_ACCEPTED = TokenPolicy.defaults()
            .withOverrides(Map.of("importedTokensAccepted", "false"), m -> { });
    private static final RequestFacts GET = new RequestFacts("GET", "10.0.0.1", PathKind.REST_API, null);

    private final InMemoryTokenStore stored = new InMemoryTokenStore();
    private final AtomicInteger upgrades = new AtomicInteger();
    private final AtomicInteger idLookups = new AtomicInteger();
    private final TokenStore store = new ForwardingTokenStore(stored) {
        @Override
        public boolean upgradeHash(long id, String expectedHash, String newHash, String algorithm, String hint) {
            upgrades.incrementAndGet();
            return super.upgradeHash(id, expectedHash, newHash, algorithm, hint);
        }

        @Override
        public Optional<AccessToken> findByBuiltinId(String builtinId) {
            idLookups.incrementAndGet();
            return super.findByBuiltinId(builtinId);
        }
    };
    private final FakeUsers users = FakeUsers.fixture();
    private final TokenChecker checker = new TokenChecker(store, users);

    /** Imports one row of alice's through the use case, as an admin would. */
    private BuiltinFixtures.Issued imported(Instant expires) {
        BuiltinFixtures.Issued issued = BuiltinFixtures.issue();
        Map<String, String> cells = new java.util.HashMap<>();
        cells.put("TOKEN_ID", issued.tokenId);
        cells.put("USER_KEY", FakeUsers.key("alice"));
        cells.put("NAME", "ci");
        cells.put("HASHED_TOKEN", issued.hashedToken);
        cells.put("CREATED_AT", "2026-01-31 09:15:00.123");
        cells.put("EXPIRING_AT", expires == null ? "9999-12-31 00:00:00" : expires.toString());
        BuiltinImport imports = new BuiltinImport(store, users, event -> { }, Clock.fixed(NOW, ZoneOffset.UTC));
        ImportReport report = imports.run(Actor.user(FakeUsers.key("admin")),
                Collections.singletonList(ImportRecord.of(2, cells)).iterator(), ZoneOffset.UTC, false).value();
        assertEquals(report.toString(), 1, report.imported());
        return issued;
    }

    private CheckResult check(String presented, TokenPolicy policy) {
        return checker.check(presented, GET, policy, NOW);
    }

    @Test
    public void checkWhenImportedAndSecretRightThenAcceptedAsOwnerAndHashUpgradedOnce() {
        BuiltinFixtures.Issued issued = imported(null);
        assertTrue(checker.isImportedBuiltin(issued.presented));

        CheckResult first = check(issued.presented, ON);
        assertTrue(first.toString(), first.isAccepted());
        assertEquals(FakeUsers.key("alice"), first.owner().get().key());
        assertEquals(TokenOrigin.BUILTIN, first.token().get().origin());
        AccessToken row = stored.findByBuiltinId(issued.tokenId).get();
        assertEquals(TokenHasher.ALGORITHM, row.hashAlgorithm());
        assertEquals(BuiltinToken.parse(issued.presented).get().cacheKey(), row.hash());
        assertEquals(issued.presented.substring(0, 8) + "\u2026" + issued.presented.substring(40), row.hint());

        for (int i = 0; i < 3; i++) {
            assertTrue(check(issued.presented, ON).isAccepted());
        }
        assertEquals("one write per token, ever", 1, upgrades.get());
        assertEquals("later checks find the token by hash, not by id", 1, idLookups.get());
    }

    @Test
    public void checkWhenSecretWrongThenUnknownAndRepeatingItCostsNoSecondLookUp() {
        BuiltinFixtures.Issued issued = imported(null);
        String wrong = issued.wrongSecret();

        assertEquals(Optional.of(TokenRefusal.UNKNOWN), check(wrong, ON).refusal());
        assertEquals(Optional.of(TokenRefusal.UNKNOWN), check(wrong, ON).refusal());
        assertEquals("the second attempt is answered from memory: no PBKDF2", 1, idLookups.get());
        assertEquals(0, upgrades.get());
        assertEquals(Pkcs5s2Hash.ALGORITHM, stored.findByBuiltinId(issued.tokenId).get().hashAlgorithm());
        assertTrue("the right secret still works after wrong ones", check(issued.presented, ON).isAccepted());
    }

    @Test
    public void checkWhenUpgradedAndAnotherSecretForTheSameIdThenUnknownWithoutPbkdf2() {
        BuiltinFixtures.Issued issued = imported(null);
        assertTrue(check(issued.presented, ON).isAccepted());

        CheckResult wrong = check(issued.wrongSecret(), ON);

        assertEquals(Optional.of(TokenRefusal.UNKNOWN), wrong.refusal());
        assertEquals(TokenHasher.ALGORITHM, stored.findByBuiltinId(issued.tokenId).get().hashAlgorithm());
    }

    @Test
    public void checkWhenAcceptanceOffThenRefusedBeforeAndAfterUpgrade() {
        BuiltinFixtures.Issued before = imported(null);
        assertEquals(Optional.of(TokenRefusal.IMPORTED_NOT_ACCEPTED), check(before.presented, NOT_ACCEPTED).refusal());
        assertEquals("refused before paying for PBKDF2: nothing upgraded", 0, upgrades.get());

        assertTrue(check(before.presented, ON).isAccepted());
        assertEquals(Optional.of(TokenRefusal.IMPORTED_NOT_ACCEPTED), check(before.presented, NOT_ACCEPTED).refusal());
        String hash = stored.findByBuiltinId(before.tokenId).get().hash();
        assertEquals("a session that keeps the hash is refused too", Optional.of(TokenRefusal.IMPORTED_NOT_ACCEPTED),
                checker.checkHash(hash, GET, NOT_ACCEPTED, NOW).refusal());
    }

    @Test
    public void checkWhenAcceptanceOffThenOurTokensStillWork() {
        TokenString raw = new TokenMint(new java.security.SecureRandom()).mint();
        stored.insert(AccessToken.builder().ownerKey(FakeUsers.key("bob")).name("ours").createdAt(NOW)
                .createdBy(FakeUsers.key("bob")).hash(TokenHasher.hash(raw), TokenHasher.ALGORITHM).hint(raw.hint()).build(), 10);

        assertTrue(check(raw.reveal(), NOT_ACCEPTED).isAccepted());
    }

    @Test
    public void checkWhenIdNeverImportedThenNotOursAndNoRowLookedUpByTheFilterQuestion() {
        BuiltinFixtures.Issued stranger = BuiltinFixtures.issue();
        assertFalse(checker.isImportedBuiltin(stranger.presented));
        assertFalse(checker.isImportedBuiltin("jpat_notbuiltin"));
        assertFalse(checker.isImportedBuiltin(null));
        assertEquals("asked directly, the checker refuses it as unknown", Optional.of(TokenRefusal.UNKNOWN),
                check(stranger.presented, ON).refusal());
    }

    @Test
    public void checkWhenImportedTokenExpiredOrOwnerInactiveThenTheSameRulesAsOurs() {
        BuiltinFixtures.Issued expired = imported(NOW.minus(Duration.ofDays(1)));
        assertEquals(Optional.of(TokenRefusal.EXPIRED), check(expired.presented, ON).refusal());

        BuiltinFixtures.Issued active = imported(NOW.plus(Duration.ofDays(1)));
        users.setActive("alice", false);
        assertEquals(Optional.of(TokenRefusal.OWNER_INACTIVE), check(active.presented, ON).refusal());
    }

    @Test
    public void checkWhenTokensTurnedOffThenImportedTokensAreRefusedAsDisabled() {
        BuiltinFixtures.Issued issued = imported(null);
        TokenPolicy off = TokenPolicy.defaults().withOverrides(Map.of("enabled", "false"), m -> { });
        assertEquals(Optional.of(TokenRefusal.DISABLED), check(issued.presented, off).refusal());
    }

    @Test
    public void rotateWhenImportedThenIssuesOursAndTheBuiltinSecretNoLongerWorks() {
        BuiltinFixtures.Issued issued = imported(NOW.plus(Duration.ofDays(90)));
        long id = stored.findByBuiltinId(issued.tokenId).get().id();
        TokenService service = TokenServices.of(store, users, new InMemoryPolicy(), Clock.fixed(NOW, ZoneOffset.UTC));

        IssuedToken rotated = service.rotate(Actor.user(FakeUsers.key("alice")), id).value();

        assertTrue(TokenString.parse(rotated.rawToken()).isPresent());
        assertEquals(id, rotated.token().id());
        assertEquals(TokenOrigin.JPAT, rotated.token().origin());
        assertFalse(rotated.token().builtinId().isPresent());
        assertFalse(checker.isImportedBuiltin(issued.presented));
        assertEquals(Optional.of(TokenRefusal.UNKNOWN), check(issued.presented, ON).refusal());
        assertTrue(check(rotated.rawToken(), ON).isAccepted());
    }

    @Test
    public void recentFailuresWhenFullOrOldThenForgetsTheOldestFirst() {
        RecentFailures failures = new RecentFailures();
        for (int i = 0; i <= RecentFailures.MAX_ENTRIES; i++) {
            failures.add("k" + i, NOW);
        }
        assertEquals(RecentFailures.MAX_ENTRIES, failures.size());
        assertFalse(failures.contains("k0", NOW));
        assertTrue(failures.contains("k1", NOW));
        assertFalse(failures.contains("k1", NOW.plusSeconds(RecentFailures.TTL_SECONDS)));
        assertEquals(0, failures.size());
    }
}
