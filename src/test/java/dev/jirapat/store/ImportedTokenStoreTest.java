package dev.jirapat.store;

import dev.jirapat.devhost.DevCacheManager;
import dev.jirapat.devhost.EntityManagerActiveObjects;
import dev.jirapat.testing.AtlassianTableNames;
import dev.jirapat.testing.FakeUsers;
import dev.jirapat.token.AccessToken;
import dev.jirapat.token.Actor;
import dev.jirapat.token.BuiltinFixtures;
import dev.jirapat.token.BuiltinImport;
import dev.jirapat.token.CheckResult;
import dev.jirapat.token.ForwardingTokenStore;
import dev.jirapat.token.ImportRecord;
import dev.jirapat.token.ImportReport;
import dev.jirapat.token.InMemoryPolicy;
import dev.jirapat.token.IssuedToken;
import dev.jirapat.token.NoticeStage;
import dev.jirapat.token.PathKind;
import dev.jirapat.token.RequestFacts;
import dev.jirapat.token.TokenChecker;
import dev.jirapat.token.TokenOrigin;
import dev.jirapat.token.TokenPolicy;
import dev.jirapat.token.TokenServices;
import dev.jirapat.token.TokenStore;
import net.java.ao.EntityManager;
import net.java.ao.test.converters.NameConverters;
import net.java.ao.test.converters.UpperCaseFieldNameConverter;
import net.java.ao.test.jdbc.Data;
import net.java.ao.test.jdbc.DynamicJdbcConfiguration;
import net.java.ao.test.jdbc.Jdbc;
import net.java.ao.test.jdbc.NonTransactional;
import net.java.ao.test.junit.ActiveObjectsJUnitRunner;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.jirapat.testing.FakeUsers.key;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/**
 * Imported tokens of Jira's built-in app on a real database (HSQLDB, H2, PostgreSQL as the store tier runs it): the
 * new columns, batches beyond one owner's limit, the look-ups by built-in id, the hash upgrade on first use, the
 * rotation that makes a token ours, and the cached "imported?" answer that an import, a rotation and a revocation
 * each correct at once.
 */
@RunWith(ActiveObjectsJUnitRunner.class)
@Jdbc(DynamicJdbcConfiguration.class)
@Data(StoreTestSupport.Schema.class)
@NameConverters(table = AtlassianTableNames.class, field = UpperCaseFieldNameConverter.class)
public class ImportedTokenStoreTest {
    private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");
    private static final Actor ADMIN = Actor.user(key("admin"));
    private static final RequestFacts GET = new RequestFacts("GET", "10.0.0.1", PathKind.REST_API);

    private EntityManager entityManager; // injected by the runner

    private AtomicInteger databaseIdQuestions;
    private TokenStore store;
    private FakeUsers users;
    private BuiltinImport imports;
    private TokenChecker checker;

    @Before
    public void setUp() throws Exception {
        entityManager.deleteWithSQL(TokenEntity.class, TokenEntity.ID + " > ?", 0);
        databaseIdQuestions = new AtomicInteger();
        TokenStore database = new ForwardingTokenStore(new AoTokenStore(new EntityManagerActiveObjects(entityManager))) {
            @Override
            public boolean isImported(String builtinId) {
                databaseIdQuestions.incrementAndGet();
                return super.isImported(builtinId);
            }
        };
        store = new CachingTokenStore(database, new DevCacheManager());
        users = FakeUsers.fixture();
        imports = new BuiltinImport(store, users, event -> { }, Clock.fixed(NOW, ZoneOffset.UTC));
        checker = new TokenChecker(store, users);
    }

    private static Map<String, String> row(String tokenId, String hash, String owner) {
        Map<String, String> cells = new HashMap<>();
        cells.put("TOKEN_ID", tokenId);
        cells.put("USER_KEY", key(owner));
        cells.put("NAME", "n" + tokenId);
        cells.put("HASHED_TOKEN", hash);
        cells.put("CREATED_AT", "2026-01-31 09:15:00.123");
        cells.put("EXPIRING_AT", "9999-12-31 00:00:00");
        return cells;
    }

    private ImportReport importRows(List<Map<String, String>> rows) {
        List<ImportRecord> records = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            records.add(ImportRecord.of(i + 2, rows.get(i)));
        }
        return imports.run(ADMIN, records.iterator(), ZoneOffset.UTC, false).value();
    }

    @Test
    @NonTransactional
    public void importWhenTheBuiltinAppSentTheExpiredNoticeThenTheStoredTokenKeepsIt() {
        Map<String, String> sent = row("000000000042", BuiltinFixtures.someHash(), "alice");
        sent.put("NOTIFICATION_STATE", "EXPIRED_SENT");

        importRows(Arrays.asList(sent, row("000000000043", BuiltinFixtures.someHash(), "alice")));

        assertEquals(NoticeStage.EXPIRED, store.inTransaction(() -> store.findByBuiltinId("000000000042")).get().noticeSent().get());
        assertFalse(store.inTransaction(() -> store.findByBuiltinId("000000000043")).get().noticeSent().isPresent());
    }

    @Test
    @NonTransactional
    public void importWhenMoreRowsThanABatchAndTheOwnersLimitThenAllStoredOnceEach() {
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            rows.add(row(String.format("%012d", i), BuiltinFixtures.someHash(), i % 2 == 0 ? "alice" : "bob"));
        }
        ImportReport first = importRows(rows);
        assertEquals("ImportReport[imported=1200, skipped=0, failed=0]", first.toString());

        ImportReport again = importRows(rows);
        assertEquals("ImportReport[imported=0, skipped=1200, failed=0]", again.toString());
        assertEquals(600, store.inTransaction(() -> store.countByOwner(key("alice"))).intValue());
        Set<String> ids = store.inTransaction(() -> store.importedAmong(Arrays.asList("000000000000", "000000000599",
                "000000001199", "000000001200")));
        assertEquals(new HashSet<>(Arrays.asList("000000000000", "000000000599", "000000001199")), ids);
        AccessToken token = store.inTransaction(() -> store.findByBuiltinId("000000000599")).get();
        assertEquals(TokenOrigin.BUILTIN, token.origin());
        assertEquals(key("bob"), token.ownerKey());
        assertFalse(token.expiresAt().isPresent());
    }

    @Test
    @NonTransactional
    public void importWhenTheSameHashUnderTwoIdsThenTheSecondIsAConflictAndTheRestImported() {
        String hash = BuiltinFixtures.someHash();
        ImportReport report = importRows(Arrays.asList(row("100000000001", hash, "alice"),
                row("100000000002", BuiltinFixtures.someHash(), "alice"), row("100000000003", hash, "alice")));

        assertEquals(2, report.imported());
        assertEquals(1, report.failed());
        assertEquals("line 4: CONFLICT[]", report.errors().get(0).toString());
    }

    @Test
    @NonTransactional
    public void checkWhenImportedTokenUsedThenUpgradedInTheDatabaseAndRotationMakesItOurs() {
        BuiltinFixtures.Issued issued = BuiltinFixtures.issue();
        importRows(Arrays.asList(row(issued.tokenId, issued.hashedToken, "alice")));

        CheckResult first = checker.check(issued.presented, GET, TokenPolicy.defaults(), NOW);
        assertTrue(first.toString(), first.isAccepted());
        AccessToken upgraded = store.inTransaction(() -> store.findByBuiltinId(issued.tokenId)).get();
        assertEquals("SHA-256", upgraded.hashAlgorithm());
        assertTrue(checker.check(issued.presented, GET, TokenPolicy.defaults(), NOW).isAccepted());
        assertFalse(checker.check(issued.wrongSecret(), GET, TokenPolicy.defaults(), NOW).isAccepted());

        IssuedToken rotated = TokenServices.of(store, users, new InMemoryPolicy(), Clock.fixed(NOW, ZoneOffset.UTC))
                .rotate(Actor.user(key("alice")), upgraded.id()).value();

        AccessToken now = store.inTransaction(() -> store.findById(upgraded.id())).get();
        assertEquals(TokenOrigin.JPAT, now.origin());
        assertFalse(store.inTransaction(() -> store.findByBuiltinId(issued.tokenId)).isPresent());
        assertFalse("the cached answer was corrected by the rotation", checker.isImportedBuiltin(issued.presented));
        assertFalse(checker.check(issued.presented, GET, TokenPolicy.defaults(), NOW).isAccepted());
        assertTrue(checker.check(rotated.rawToken(), GET, TokenPolicy.defaults(), NOW).isAccepted());
    }

    @Test
    @NonTransactional
    public void isImportedWhenAskedAgainThenAnsweredFromTheCacheUntilAnImportOrRevocationChangesIt() {
        BuiltinFixtures.Issued issued = BuiltinFixtures.issue();
        assertFalse(checker.isImportedBuiltin(issued.presented));
        assertFalse(checker.isImportedBuiltin(issued.presented));
        assertEquals("a never-imported id costs one database question, then none", 1, databaseIdQuestions.get());

        importRows(Arrays.asList(row(issued.tokenId, issued.hashedToken, "alice")));
        assertTrue("the import removed the cached no", checker.isImportedBuiltin(issued.presented));
        assertTrue(checker.isImportedBuiltin(issued.presented));

        long id = store.inTransaction(() -> store.findByBuiltinId(issued.tokenId)).get().id();
        TokenServices.of(store, users, new InMemoryPolicy(), Clock.fixed(NOW, ZoneOffset.UTC)).revoke(ADMIN, id);
        assertFalse("the revocation removed the cached yes", checker.isImportedBuiltin(issued.presented));
    }
}
