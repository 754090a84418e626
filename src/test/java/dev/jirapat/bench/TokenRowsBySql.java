package dev.jirapat.bench;

import dev.jirapat.store.TokenEntity;
import dev.jirapat.testing.AtlassianTableNames;
import net.java.ao.EntityManager;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fills the token table of a PostgreSQL database with one INSERT ... SELECT over {@code generate_series}: a million
 * rows in seconds, no client-side list. Each column is an SQL expression of {@code g}, the row's number (1..n).
 */
final class TokenRowsBySql {
    private final Map<String, String> columns = new LinkedHashMap<>();

    /** Column (a {@link TokenEntity} constant) = SQL expression of {@code g}. */
    TokenRowsBySql column(String column, String expression) {
        columns.put(column, expression);
        return this;
    }

    /** Inserts rows 1..count, then ANALYZEs (and with {@code vacuum}, VACUUMs) the table as autovacuum would. */
    void insert(EntityManager em, int count, boolean vacuum) throws Exception {
        String table = em.getProvider().withSchema(new AtlassianTableNames().getName(TokenEntity.class));
        List<String> names = new ArrayList<>();
        for (String c : columns.keySet()) {
            names.add(em.getProvider().processID(c));
        }
        String sql = "INSERT INTO " + table + " (" + String.join(", ", names) + ") SELECT "
                + String.join(", ", columns.values()) + " FROM generate_series(1, " + count + ") AS g";
        try (Connection c = em.getProvider().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
            s.execute((vacuum ? "VACUUM ANALYZE " : "ANALYZE ") + table);
        }
    }
}
