package dev.jirapat.devhost;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.sal.api.transaction.TransactionCallback;
import net.java.ao.Query;
import net.java.ao.RawEntity;

import java.sql.SQLTransientConnectionException;
import java.util.Map;

/**
 * The host's ActiveObjects with a switch that simulates a database outage: while it is down every call throws
 * what a dead connection pool makes the AO plugin throw (an unchecked wrapper around a connection failure).
 */
final class OutageActiveObjects implements ActiveObjects {
    private final ActiveObjects delegate;
    private volatile boolean down;

    OutageActiveObjects(ActiveObjects delegate) {
        this.delegate = delegate;
    }

    void setDown(boolean down) {
        this.down = down;
    }

    private void failIfDown() {
        if (down) {
            throw new DatabaseDownException();
        }
    }

    @Override
    public <T extends RawEntity<K>, K> T create(Class<T> type, Map<String, Object> params) {
        failIfDown();
        return delegate.create(type, params);
    }

    @Override
    public <T extends RawEntity<K>, K> T[] find(Class<T> type, Query query) {
        failIfDown();
        return delegate.find(type, query);
    }

    @Override
    public <K> int count(Class<? extends RawEntity<K>> type, Query query) {
        failIfDown();
        return delegate.count(type, query);
    }

    @Override
    public void delete(RawEntity<?>... entities) {
        failIfDown();
        delegate.delete(entities);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void migrate(Class<? extends net.java.ao.RawEntity<?>>... entities) {
        failIfDown();
        delegate.migrate(entities);
    }

    @Override
    public <T> T executeInTransaction(TransactionCallback<T> callback) {
        failIfDown();
        return delegate.executeInTransaction(callback);
    }

    static final class DatabaseDownException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DatabaseDownException() {
            super("Cannot get a connection, pool error Timeout waiting for idle object (simulated database outage)",
                    new SQLTransientConnectionException("Connection refused (simulated database outage)", "08001"));
        }
    }
}
