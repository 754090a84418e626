package dev.jirapat.store.upgrade;

import dev.jirapat.devhost.EntityManagerActiveObjects;
import dev.jirapat.store.upgrade.v2.NoticeClaimV2;
import dev.jirapat.store.upgrade.v2.TokenV2;
import dev.jirapat.testing.AtlassianTableNames;
import net.java.ao.EntityManager;
import net.java.ao.Query;
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
import java.util.Map;
import java.util.UUID;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

/**
 * The schema-2 upgrade on a database the first release created: the notice column and claim table appear, tokens
 * that had already expired count as notified (in batches), the others keep "none sent"; running it again changes
 * nothing.
 */
public class NoticeStageUpgradeTest {
    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    private EntityManager em;

    @Before
    public void schemaOne() throws Exception {
        em = EntityManagerBuilder.url("jdbc:h2:mem:upgrade-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
                .username("sa").password("").auto()
                .tableNameConverter(new AtlassianTableNames())
                .fieldNameConverter(new UnderscoreFieldNameConverter(Case.UPPER)).build();
        em.migrate(TokenV1.class);
    }

    @After
    public void close() {
        em.getProvider().dispose();
    }

    private void insert(int i, Instant expires) throws Exception {
        Map<String, Object> row = new HashMap<>();
        row.put("OWNER_KEY", "u" + i);
        row.put("NAME", "n" + i);
        row.put("NAME_LOWER", "n" + i);
        row.put("CREATED", Date.from(NOW.minus(Duration.ofDays(400))));
        row.put("EXPIRES", Date.from(expires));
        row.put("SCOPE", "write");
        row.put("ALLOWED_IPS", "");
        row.put("CREATED_BY", "u" + i);
        row.put("HASH", "h" + i);
        row.put("HASH_ALG", "SHA-256");
        row.put("HINT", "jpat_...x");
        row.put("SLOT", "s" + i);
        em.create(TokenV1.class, row);
    }

    @Test
    public void upgradeWhenTokensExistThenExpiredOnesCountAsNotifiedAndTheOthersAreStillDue() throws Exception {
        int expired = NoticeStageUpgrade.BATCH * 2 + 7; // more than one batch
        for (int i = 0; i < expired; i++) {
            insert(i, NOW.minus(Duration.ofDays(1 + i % 20)));
        }
        for (int i = expired; i < expired + 30; i++) {
            insert(i, NOW.plus(Duration.ofDays(1 + i % 20)));
        }
        NoticeStageUpgrade task = new NoticeStageUpgrade(Clock.fixed(NOW, ZoneOffset.UTC));
        assertEquals("2", task.getModelVersion().toString());

        task.upgrade(com.atlassian.activeobjects.external.ModelVersion.valueOf("1"), new EntityManagerActiveObjects(em));

        assertEquals(expired, em.count(TokenV2.class, Query.select().where(TokenV2.NOTICE_STAGE + " = ?", 0)));
        assertEquals(30, em.count(TokenV2.class, Query.select().where(TokenV2.NOTICE_STAGE + " IS NULL")));
        for (TokenV2 row : em.find(TokenV2.class, Query.select().where(TokenV2.EXPIRES + " > ?", Date.from(NOW)))) {
            assertNull(row.getNoticeStage());
        }
        assertEquals(0, em.count(NoticeClaimV2.class)); // the claim table exists

        task.upgrade(com.atlassian.activeobjects.external.ModelVersion.valueOf("2"), new EntityManagerActiveObjects(em));
        assertEquals(expired, em.count(TokenV2.class, Query.select().where(TokenV2.NOTICE_STAGE + " = ?", 0)));
    }

    @Test
    public void upgradeWhenFreshInstallThenCreatesTheSchemaAndMarksNothing() throws Exception {
        NoticeStageUpgrade task = new NoticeStageUpgrade(Clock.fixed(NOW, ZoneOffset.UTC));
        task.upgrade(com.atlassian.activeobjects.external.ModelVersion.valueOf("0"), new EntityManagerActiveObjects(em));
        assertEquals(0, em.count(TokenV2.class));
        assertEquals(0, em.count(NoticeClaimV2.class));
    }
}
