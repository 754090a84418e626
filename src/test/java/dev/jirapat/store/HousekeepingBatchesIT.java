package dev.jirapat.store;

import dev.jirapat.devhost.EntityManagerActiveObjects;
import dev.jirapat.testing.AtlassianTableNames;
import dev.jirapat.testing.FakeUsers;
import dev.jirapat.testing.MutableClock;
import dev.jirapat.token.InMemoryPolicy;
import dev.jirapat.token.TokenEvent;
import dev.jirapat.token.TokenHousekeeping;
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

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.jirapat.store.TokenHousekeepingTest.T0;
import static dev.jirapat.testing.FakeUsers.key;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/**
 * Pruning and the removal of deleted users' tokens over 100,000 stored rows, in bounded batches: no query returns
 * and no delete takes more than the batch size, whatever the table holds. An integration test only because filling
 * and draining 100,000 rows takes a minute or more per database; it starts no server.
 */
@RunWith(ActiveObjectsJUnitRunner.class)
@Jdbc(DynamicJdbcConfiguration.class)
@Data(StoreTestSupport.Schema.class)
@NameConverters(table = AtlassianTableNames.class, field = UpperCaseFieldNameConverter.class)
public class HousekeepingBatchesIT {
    private static final int BATCH = 500;

    private EntityManager entityManager; // injected by the runner

    private FakeUsers users;
    private InMemoryPolicy policy;
    private List<TokenEvent> events;

    @Before
    public void setUp() throws Exception {
        entityManager.deleteWithSQL(TokenEntity.class, TokenEntity.ID + " > ?", 0);
        users = FakeUsers.fixture();
        policy = new InMemoryPolicy(new HashMap<>());
        events = new CopyOnWriteArrayList<>();
    }

    private TokenStore newStore() {
        return new AoTokenStore(new EntityManagerActiveObjects(entityManager));
    }

    private TokenHousekeeping housekeeping(TokenStore on) {
        return new TokenHousekeeping(on, users, policy, new TokenHousekeepingTest.RecordingNotices(), events::add,
                new MutableClock(T0), BATCH);
    }

    private int insertTokens(int count, java.util.function.IntFunction<String> owner,
                             java.util.function.IntFunction<Instant> expires) throws Exception {
        return TokenHousekeepingTest.insertTokens(entityManager, count, owner, expires);
    }

    @Test
    @NonTransactional
    public void pruneWhenExpiredLongerThanTheDelayThenDeletedInBoundedBatchesWithAnEventEach() throws Exception {
        int total = 100_000;
        // every 4th token expired 40 days ago (prunable), every 4th+1 expired 10 days ago (kept), the rest active
        int prunable = insertTokens(total, i -> "owner" + (i % 1000), i -> i % 4 == 0 ? T0.minus(Duration.ofDays(40))
                : i % 4 == 1 ? T0.minus(Duration.ofDays(10)) : T0.plus(Duration.ofDays(30)));
        TokenHousekeepingTest.BatchMeter meter = new TokenHousekeepingTest.BatchMeter(newStore());
        TokenHousekeeping pruning = housekeeping(meter);

        int pruned = pruning.pruneExpired(() -> false);

        assertEquals(total / 4, prunable);
        assertEquals(prunable, pruned);
        assertEquals(prunable, events.stream().filter(e -> e instanceof TokenEvent.Pruned).count());
        assertEquals(total - prunable, entityManager.count(TokenEntity.class));
        assertTrue("rows per batch " + meter.maxRows, meter.maxRows.get() <= BATCH);
        assertTrue("batches " + meter.batches, meter.batches.get() >= prunable / BATCH);
        assertEquals(0, pruning.pruneExpired(() -> false));
    }

    @Test
    @NonTransactional
    public void removeMissingOwnersWhenSomeUsersAreGoneThenOnlyTheirTokensGoInBoundedBatches() throws Exception {
        int total = 100_000;
        // 2,000 owners; every 50th does not exist in the directory (40 owners, 2,000 tokens)
        for (int o = 0; o < 2000; o++) {
            if (o % 50 != 0) {
                users.add("owner" + o, o % 7 != 0, false); // some inactive: their tokens stay
            }
        }
        insertTokens(total, i -> key("owner" + (i % 2000)), i -> T0.plus(Duration.ofDays(30)));
        TokenHousekeepingTest.BatchMeter meter = new TokenHousekeepingTest.BatchMeter(newStore());

        TokenHousekeeping.OwnerSweep sweep = housekeeping(meter).removeTokensOfMissingOwners(() -> false);

        assertFalse(sweep.toString(), sweep.refused());
        assertTrue(sweep.complete());
        assertEquals(40, sweep.missingOwners());
        assertEquals(2000, sweep.checkedOwners());
        assertEquals(2000, sweep.removedTokens());
        assertEquals(2000, events.stream().filter(e -> e instanceof TokenEvent.RemovedWithOwner).count());
        assertEquals(total - 2000, entityManager.count(TokenEntity.class));
        assertTrue("rows per batch " + meter.maxRows, meter.maxRows.get() <= BATCH);
    }

}
