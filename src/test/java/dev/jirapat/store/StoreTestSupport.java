package dev.jirapat.store;

import dev.jirapat.testing.AtlassianTableNames;
import net.java.ao.EntityManager;
import net.java.ao.test.jdbc.DatabaseUpdater;

/** Schema set-up for the AO runner: the plugin's entities, as the {@code <ao>} module declares them. */
public final class StoreTestSupport {
    private StoreTestSupport() {
    }

    public static final class Schema implements DatabaseUpdater {
        @Override
        public void update(EntityManager em) throws Exception {
            em.migrate(TokenEntity.class, NoticeClaimEntity.class);
        }
    }

    public static String tokenTable() {
        return new AtlassianTableNames().getName(TokenEntity.class);
    }
}
