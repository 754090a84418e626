// Host API declaration (never shipped): follows docs/host-api.md, entry "TransactionCallback".
package com.atlassian.sal.api.transaction;

public interface TransactionCallback<T> {
    T doInTransaction();
}
