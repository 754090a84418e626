package dev.jirapat.store;

import dev.jirapat.testing.AtlassianTableNames;
import net.java.ao.EntityManager;
import net.java.ao.test.jdbc.DatabaseUpdater;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

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

    /** The token table's indexes as the database reports them: lower-case name to upper-case columns in order. */
    public static Map<String, List<String>> indexes(EntityManager em) throws Exception {
        Map<String, List<String>> indexes = new TreeMap<>();
        try (Connection c = em.getProvider().getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            String table = tokenTable();
            for (String name : new String[] {table, table.toLowerCase(Locale.ROOT)}) { // PostgreSQL folds to lower case
                try (ResultSet rs = meta.getIndexInfo(null, null, name, false, false)) {
                    while (rs.next()) {
                        if (rs.getString("INDEX_NAME") == null || rs.getString("COLUMN_NAME") == null) {
                            continue;
                        }
                        List<String> columns = indexes.computeIfAbsent(rs.getString("INDEX_NAME").toLowerCase(Locale.ROOT),
                                k -> new ArrayList<>());
                        int position = rs.getShort("ORDINAL_POSITION");
                        while (columns.size() < position) {
                            columns.add(null);
                        }
                        columns.set(position - 1, rs.getString("COLUMN_NAME").toUpperCase(Locale.ROOT));
                    }
                }
            }
        }
        return indexes;
    }
}
