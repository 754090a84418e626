package dev.jirapat.store.upgrade;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.activeobjects.external.ActiveObjectsUpgradeTask;
import com.atlassian.activeobjects.external.ModelVersion;
import dev.jirapat.store.upgrade.v2.NoticeClaimV2;
import dev.jirapat.store.upgrade.v2.TokenV2;
import net.java.ao.Query;

import java.time.Clock;
import java.util.Date;

/**
 * Schema 2: expiry notices. Adds the token's {@code NOTICE_STAGE} column and the {@code NOTICE_CLAIM} table (AO runs
 * upgrade tasks before it migrates the module's entities, so the task migrates its own frozen copies), then marks
 * tokens that had already expired as notified: their owners were never promised a notice, and a first run of the
 * expiry job should not mail about tokens that expired weeks ago. Tokens still to expire keep "none sent" and get
 * their notices. In batches, one transaction each.
 */
public final class NoticeStageUpgrade implements ActiveObjectsUpgradeTask {
    static final int BATCH = 500;

    private final Clock clock;

    public NoticeStageUpgrade(Clock clock) {
        this.clock = clock;
    }

    @Override
    public ModelVersion getModelVersion() {
        return ModelVersion.valueOf("2");
    }

    @Override
    @SuppressWarnings("unchecked")
    public void upgrade(ModelVersion currentVersion, ActiveObjects ao) {
        ao.migrate(TokenV2.class, NoticeClaimV2.class);
        Date now = new Date(clock.millis());
        while (ao.executeInTransaction(() -> {
            TokenV2[] rows = ao.find(TokenV2.class, Query.select().where(TokenV2.EXPIRES + " <= ? AND "
                    + TokenV2.NOTICE_STAGE + " IS NULL", now).order(TokenV2.ID + " ASC").limit(BATCH));
            for (TokenV2 row : rows) {
                row.setNoticeStage(0); // the "expired" notice counts as sent
                row.save();
            }
            return rows.length;
        }) == BATCH) {
            continue;
        }
    }
}
