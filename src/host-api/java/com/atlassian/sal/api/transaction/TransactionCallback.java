// Host API declaration (never shipped): reference/host-api-facts.md §5 (TransactionCallback).
package com.atlassian.sal.api.transaction;

public interface TransactionCallback<T> {
    T doInTransaction();
}
