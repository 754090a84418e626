package dev.jirapat.store.upgrade;

import dev.jirapat.devhost.EntityManagerActiveObjects;
import dev.jirapat.store.NoticeClaimEntity;
import dev.jirapat.store.StoreTestSupport;
import dev.jirapat.store.TokenEntity;
import dev.jirapat.testing.AtlassianTableNames;
import net.java.ao.EntityManager;
import net.java.ao.builder.EntityManagerBuilder;
import net.java.ao.schema.Case;
import net.java.ao.schema.UnderscoreFieldNameConverter;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * The admin search's indexes arrive as additions: a database of an earlier release, with tokens, migrated to this
 * release's entities (as the AO plugin does at start) keeps every index it had, under the same name and columns, and
 * every row, and gains the sort indexes. No upgrade task is needed: an index covers the rows it is built over.
 */
public class SearchIndexUpgradeTest {
    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    private EntityManager em;

    @Before
    public void schemaOne() throws Exception {
        em = EntityManagerBuilder.url("jdbc:h2:mem:search-upgrade-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
                .username("sa").password("").auto()
                .tableNameConverter(new AtlassianTableNames())
                .fieldNameConverter(new UnderscoreFieldNameConverter(Case.UPPER)).build();
        em.migrate(TokenV1.class);
    }

    @After
    public void close() {
        em.getProvider().dispose();
    }

    @Test
    public void migrateWhenEarlierSchemaHasTokensThenIndexesAreOnlyAddedAndRowsKept() throws Exception {
        for (int i = 0; i < 25; i++) {
            Map<String, Object> row = new HashMap<>();
            row.put("OWNER_KEY", "u" + i % 4);
            row.put("NAME", "n" + i);
            row.put("NAME_LOWER", "n" + i);
            row.put("CREATED", Date.from(NOW.minus(Duration.ofDays(i))));
            row.put("EXPIRES", Date.from(NOW.plus(Duration.ofDays(i))));
            row.put("SCOPE", "write");
            row.put("ALLOWED_IPS", "");
            row.put("CREATED_BY", "u" + i % 4);
            row.put("HASH", "h" + i);
            row.put("HASH_ALG", "SHA-256");
            row.put("HINT", "jpat_...x");
            row.put("SLOT", "s" + i);
            em.create(TokenV1.class, row);
        }
        // The release before this one: schema 2 and its imported-token columns, by its upgrade task and migration.
        new NoticeStageUpgrade(Clock.fixed(NOW, ZoneOffset.UTC))
                .upgrade(com.atlassian.activeobjects.external.ModelVersion.valueOf("1"), new EntityManagerActiveObjects(em));
        Map<String, List<String>> before = StoreTestSupport.indexes(em);

        em.migrate(TokenEntity.class, NoticeClaimEntity.class);
        Map<String, List<String>> after = StoreTestSupport.indexes(em);

        for (Map.Entry<String, List<String>> index : before.entrySet()) {
            assertEquals("index " + index.getKey() + " kept as it was", index.getValue(), after.get(index.getKey()));
        }
        assertTrue("new indexes added: " + after, after.size() >= before.size() + 5);
        assertTrue(after.containsValue(List.of(TokenEntity.NAME_LOWER, TokenEntity.CREATED, TokenEntity.ID)));
        assertEquals(25, em.count(TokenEntity.class));
        em.migrate(TokenEntity.class, NoticeClaimEntity.class); // again: nothing changes
        assertEquals(after, StoreTestSupport.indexes(em));
    }
}
