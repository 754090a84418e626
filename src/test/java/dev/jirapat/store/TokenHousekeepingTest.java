package dev.jirapat.store;

import dev.jirapat.devhost.EntityManagerActiveObjects;
import dev.jirapat.testing.AtlassianTableNames;
import dev.jirapat.testing.FakeUsers;
import dev.jirapat.testing.MutableClock;
import dev.jirapat.token.AccessToken;
import dev.jirapat.token.Actor;
import dev.jirapat.token.ExpiryNotices;
import dev.jirapat.token.ForwardingTokenStore;
import dev.jirapat.token.InMemoryPolicy;
import dev.jirapat.token.NoticeStage;
import dev.jirapat.token.TokenEvent;
import dev.jirapat.token.TokenHousekeeping;
import dev.jirapat.token.TokenMint;
import dev.jirapat.token.TokenRequest;
import dev.jirapat.token.TokenService;
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

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.jirapat.testing.FakeUsers.key;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/**
 * The background use cases ({@link TokenHousekeeping}) on a real database through AO's JUnit runner: each expiry
 * notice exactly once (at its threshold, never again, not after a rotation or revocation, across a restart, with
 * two runs racing on two stores), and the guard against an unreachable user directory. The batch tests over
 * 100,000 rows take minutes, so they are an integration test: {@link HousekeepingBatchesIT}.
 */
@RunWith(ActiveObjectsJUnitRunner.class)
@Jdbc(DynamicJdbcConfiguration.class)
@Data(StoreTestSupport.Schema.class)
@NameConverters(table = AtlassianTableNames.class, field = UpperCaseFieldNameConverter.class)
public class TokenHousekeepingTest {
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00.000Z");
    private static final int BATCH = 500;

    private EntityManager entityManager; // injected by the runner

    private MutableClock clock;
    private FakeUsers users;
    private Map<String, String> overrides;
    private InMemoryPolicy policy;
    private RecordingNotices notices;
    private List<TokenEvent> events;
    private TokenStore store;
    private TokenService service;
    private TokenHousekeeping housekeeping;
    private final Actor alice = Actor.user(key("alice"));

    @Before
    public void setUp() throws Exception {
        entityManager.deleteWithSQL(TokenEntity.class, TokenEntity.ID + " > ?", 0);
        entityManager.deleteWithSQL(dev.jirapat.store.NoticeClaimEntity.class, "ID > ?", 0);
        clock = new MutableClock(T0);
        users = FakeUsers.fixture();
        overrides = new HashMap<>();
        policy = new InMemoryPolicy(overrides);
        notices = new RecordingNotices();
        events = new CopyOnWriteArrayList<>();
        store = newStore();
        service = new TokenService(store, users, policy, policy, new TokenMint(new SecureRandom()), events::add, clock);
        housekeeping = housekeeping(store, notices, BATCH);
    }

    private TokenStore newStore() {
        return new AoTokenStore(new EntityManagerActiveObjects(entityManager));
    }

    private TokenHousekeeping housekeeping(TokenStore on, ExpiryNotices to, int batch) {
        return new TokenHousekeeping(on, users, policy, to, events::add, clock, batch);
    }

    private int runNotices() {
        return housekeeping.sendExpiryNotices(() -> false);
    }

    private AccessToken create(int days) {
        return service.create(alice, TokenRequest.named("t" + System.nanoTime(), days)).value().token();
    }

    // --- expiry notices ------------------------------------------------------------------------------------

    @Test
    @NonTransactional
    public void expiryNoticesWhenThresholdReachedThenOnceAtItAndNeverBeforeOrAgain() {
        AccessToken token = create(10);
        assertEquals(0, runNotices());
        clock.advance(Duration.ofDays(5).minusMillis(1)); // 5 days and 1 ms left: not yet
        assertEquals(0, runNotices());
        clock.advance(Duration.ofMillis(1)); // exactly 5 days left
        assertEquals(1, runNotices());
        assertEquals(Collections.singletonList("soon:" + token.id() + ":5"), notices.sent);
        assertEquals(0, runNotices());
        clock.advance(Duration.ofDays(4));
        assertEquals(0, runNotices());
        clock.advance(Duration.ofDays(1)); // expired now
        assertEquals(1, runNotices());
        assertEquals(0, runNotices());
        clock.advance(Duration.ofDays(10));
        assertEquals(0, runNotices());
        assertEquals(List.of("soon:" + token.id() + ":5", "expired:" + token.id()), notices.sent);
    }

    @Test
    @NonTransactional
    public void expiryNoticesWhenSeveralDaysConfiguredThenEachOnceInOrder() {
        overrides.put("expiryNoticeDays", "30,7,1");
        AccessToken token = create(40);
        for (int day = 0; day < 45; day++) {
            runNotices();
            clock.advance(Duration.ofHours(12));
            runNotices();
            clock.advance(Duration.ofHours(12));
        }
        long id = token.id();
        assertEquals(List.of("soon:" + id + ":30", "soon:" + id + ":7", "soon:" + id + ":1", "expired:" + id), notices.sent);
    }

    @Test
    @NonTransactional
    public void expiryNoticesWhenTokenCreatedInsideSeveralThresholdsThenOnlyTheSmallestGoes() {
        overrides.put("expiryNoticeDays", "30,7,1");
        AccessToken token = create(3);
        assertEquals(1, runNotices());
        assertEquals(List.of("soon:" + token.id() + ":7"), notices.sent);
    }

    @Test
    @NonTransactional
    public void expiryNoticesWhenRotatedBeforeTheNoticeThenNoneForTheOldExpiry() {
        AccessToken token = create(10);
        clock.advance(Duration.ofDays(6)); // 4 days left: due
        service.rotate(alice, token.id()).value();
        assertEquals(0, runNotices()); // a fresh 10-day lifetime: not due
        // a claim computed before the rotation (a job that read the old row) claims nothing
        assertFalse(store.inTransaction(() -> store.claimNotice(token.id(), token.expiresAt().get(), NoticeStage.expiresWithin(5))));
        clock.advance(Duration.ofDays(5)); // the new expiry's notice goes, once
        assertEquals(1, runNotices());
        assertEquals(0, runNotices());
    }

    @Test
    @NonTransactional
    public void expiryNoticesWhenRotatedAfterANoticeThenTheNewLifetimeGetsItsOwn() {
        AccessToken token = create(10);
        clock.advance(Duration.ofDays(6));
        assertEquals(1, runNotices());
        service.rotate(alice, token.id()).value();
        assertEquals(0, runNotices());
        clock.advance(Duration.ofDays(6));
        assertEquals(1, runNotices());
        assertEquals(2, notices.sent.size());
    }

    @Test
    @NonTransactional
    public void expiryNoticesWhenRevokedBeforeTheNoticeThenNone() {
        AccessToken token = create(10);
        clock.advance(Duration.ofDays(6));
        service.revoke(alice, token.id());
        assertEquals(0, runNotices());
        assertFalse(store.inTransaction(() -> store.claimNotice(token.id(), token.expiresAt().get(), NoticeStage.expiresWithin(5))));
        assertEquals(Collections.emptyList(), notices.sent);
    }

    @Test
    @NonTransactional
    public void expiryNoticesWhenRestartedThenNotSentAgain() {
        create(10);
        clock.advance(Duration.ofDays(6));
        assertEquals(1, runNotices());
        // a restart: new store and use-case instances on the same database
        RecordingNotices afterRestart = new RecordingNotices();
        TokenHousekeeping restarted = housekeeping(newStore(), afterRestart, BATCH);
        assertEquals(0, restarted.sendExpiryNotices(() -> false));
        assertEquals(Collections.emptyList(), afterRestart.sent);
    }

    @Test
    @NonTransactional
    public void expiryNoticesWhenTwoRunsRaceOnTwoStoresThenEachNoticeGoesOnce() throws Exception {
        overrides.put("maxTokensPerUser", "100");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ids.add(create(10).id());
        }
        clock.advance(Duration.ofDays(6));
        // Both runs read their candidates before either claims: each believes every notice is still due.
        CyclicBarrier bothRead = new CyclicBarrier(2);
        RecordingNotices shared = new RecordingNotices();
        List<TokenHousekeeping> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            TokenStore racing = new ForwardingTokenStore(newStore()) {
                @Override
                public List<AccessToken> findNoticeCandidates(Instant until, Instant now, int smallest, long afterId, int limit) {
                    List<AccessToken> found = super.findNoticeCandidates(until, now, smallest, afterId, limit);
                    try {
                        bothRead.await(10, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return found;
                }
            };
            runs.add(housekeeping(racing, shared, BATCH));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (TokenHousekeeping run : runs) {
                results.add(pool.submit(() -> run.sendExpiryNotices(() -> false)));
            }
            int total = 0;
            for (Future<Integer> result : results) {
                total += result.get(60, TimeUnit.SECONDS);
            }
            assertEquals(ids.size(), total);
        } finally {
            pool.shutdownNow();
        }
        List<String> expected = new ArrayList<>();
        ids.forEach(id -> expected.add("soon:" + id + ":5"));
        List<String> sent = new ArrayList<>(shared.sent);
        Collections.sort(sent);
        Collections.sort(expected);
        assertEquals(expected, sent);
    }

    // --- deleted users (the 100,000-row batch tests are HousekeepingBatchesIT) -----------------------------

    @Test
    @NonTransactional
    public void removeMissingOwnersWhenMostOwnersSeemMissingThenNothingIsDeleted() throws Exception {
        insertTokens(100, i -> key("ghost" + (i % 25)), i -> T0.plus(Duration.ofDays(30)));
        TokenHousekeeping.OwnerSweep sweep = housekeeping.removeTokensOfMissingOwners(() -> false);
        assertTrue(sweep.toString(), sweep.refused());
        assertEquals(100, entityManager.count(TokenEntity.class));
        assertTrue(events.isEmpty());
    }

    private int insertTokens(int count, java.util.function.IntFunction<String> owner,
                             java.util.function.IntFunction<Instant> expires) throws Exception {
        return insertTokens(entityManager, count, owner, expires);
    }

    /** Inserts tokens by SQL (far faster than through the use cases); returns how many expired 30+ days before T0. */
    static int insertTokens(EntityManager entityManager, int count, java.util.function.IntFunction<String> owner,
                             java.util.function.IntFunction<Instant> expires) throws Exception {
        String table = entityManager.getProvider().withSchema(StoreTestSupport.tokenTable());
        StringBuilder columns = new StringBuilder();
        for (String column : new String[] {TokenEntity.OWNER_KEY, TokenEntity.NAME, TokenEntity.NAME_LOWER,
                TokenEntity.CREATED, TokenEntity.EXPIRES, TokenEntity.SCOPE, TokenEntity.ALLOWED_IPS,
                TokenEntity.CREATED_BY, TokenEntity.HASH, TokenEntity.HASH_ALG, TokenEntity.HINT, TokenEntity.SLOT}) {
            columns.append(columns.length() == 0 ? "" : ", ").append(entityManager.getProvider().processID(column));
        }
        String sql = "INSERT INTO " + table + " (" + columns + ") VALUES (?, ?, ?, ?, ?, 'write', '', ?, ?, 'SHA-256', ?, ?)";
        int prunable = 0;
        try (Connection c = entityManager.getProvider().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            for (int i = 0; i < count; i++) {
                Instant exp = expires.apply(i);
                if (!exp.isAfter(T0.minus(Duration.ofDays(30)))) {
                    prunable++;
                }
                ps.setString(1, owner.apply(i));
                ps.setString(2, "n" + i);
                ps.setString(3, "n" + i);
                ps.setTimestamp(4, Timestamp.from(T0.minus(Duration.ofDays(100))));
                ps.setTimestamp(5, Timestamp.from(exp));
                ps.setString(6, owner.apply(i));
                ps.setString(7, "hash" + i);
                ps.setString(8, "jpat_..." + (i % 10000));
                ps.setString(9, "slot" + i);
                ps.addBatch();
                if (i % 1000 == 999) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
            c.commit();
            c.setAutoCommit(auto);
        }
        return prunable;
    }

    /** The real store, measuring the largest batch any background query returned or deleted. */
    static final class BatchMeter extends ForwardingTokenStore {
        final AtomicInteger maxRows = new AtomicInteger();
        final AtomicInteger batches = new AtomicInteger();

        BatchMeter(TokenStore delegate) {
            super(delegate);
        }

        private <T extends java.util.Collection<?>> T seen(T rows) {
            maxRows.accumulateAndGet(rows.size(), Math::max);
            batches.incrementAndGet();
            return rows;
        }

        @Override
        public List<AccessToken> findExpired(Instant expiredBy, long afterId, int limit) {
            return seen(super.findExpired(expiredBy, afterId, limit));
        }

        @Override
        public List<AccessToken> findNoticeCandidates(Instant expiresUntil, Instant now, int smallest, long afterId, int limit) {
            return seen(super.findNoticeCandidates(expiresUntil, now, smallest, afterId, limit));
        }

        @Override
        public java.util.SortedSet<String> findOwnerKeys(String afterKey, int limit) {
            return seen(super.findOwnerKeys(afterKey, limit));
        }

        @Override
        public List<AccessToken> findByOwner(String ownerKey) {
            return seen(super.findByOwner(ownerKey));
        }

        @Override
        public void deleteAll(List<AccessToken> tokens) {
            seen(tokens);
            super.deleteAll(tokens);
        }
    }

    /** Records each notice as {@code soon:<id>:<days>} or {@code expired:<id>}. */
    static final class RecordingNotices implements ExpiryNotices {
        final List<String> sent = new CopyOnWriteArrayList<>();

        @Override
        public void expiresSoon(AccessToken token, int thresholdDays) {
            sent.add("soon:" + token.id() + ":" + thresholdDays);
        }

        @Override
        public void expired(AccessToken token) {
            sent.add("expired:" + token.id());
        }
    }
}
