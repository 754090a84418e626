package dev.jirapat.devhost;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.sal.api.transaction.TransactionCallback;
import net.java.ao.EntityManager;
import net.java.ao.Query;
import net.java.ao.RawEntity;
import net.java.ao.Transaction;

import java.sql.SQLException;
import java.util.Map;

/**
 * Our declared {@link ActiveObjects} over a real AO {@link EntityManager}, the way the AO plugin backs it in
 * Jira: SQL failures surface as unchecked exceptions carrying the {@link SQLException}, and
 * {@link #executeInTransaction} commits or rolls back one JDBC transaction.
 */
public final class EntityManagerActiveObjects implements ActiveObjects {
    private final EntityManager em;

    public EntityManagerActiveObjects(EntityManager em) {
        this.em = em;
    }

    @Override
    @SafeVarargs
    public final void migrate(Class<? extends RawEntity<?>>... entities) {
        try {
            em.migrate(entities);
        } catch (SQLException e) {
            throw new AoSqlException(e);
        }
    }

    @Override
    public <T extends RawEntity<K>, K> T create(Class<T> type, Map<String, Object> params) {
        try {
            return em.create(type, params);
        } catch (SQLException e) {
            throw new AoSqlException(e);
        }
    }

    @Override
    public <T extends RawEntity<K>, K> T[] find(Class<T> type, Query query) {
        try {
            return em.find(type, query);
        } catch (SQLException e) {
            throw new AoSqlException(e);
        }
    }

    @Override
    public <K> int count(Class<? extends RawEntity<K>> type, Query query) {
        try {
            return em.count(type, query);
        } catch (SQLException e) {
            throw new AoSqlException(e);
        }
    }

    @Override
    public void delete(RawEntity<?>... entities) {
        try {
            em.delete(entities);
        } catch (SQLException e) {
            throw new AoSqlException(e);
        }
    }

    @Override
    public <T> T executeInTransaction(TransactionCallback<T> callback) {
        try {
            return new Transaction<T>(em) {
                @Override
                protected T run() {
                    return callback.doInTransaction();
                }
            }.execute();
        } catch (SQLException e) {
            throw new AoSqlException(e);
        }
    }

    /** What the AO plugin throws for a failed statement (its own type is an unchecked SQL wrapper too). */
    public static final class AoSqlException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AoSqlException(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
