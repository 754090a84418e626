package dev.jirapat.token;

import java.util.function.Supplier;

/**
 * Deleting tokens in a transaction, again when a concurrent writer of the same rows (a rotation, a use, another
 * job run) made it roll back: a deletion must not fail because the token changed meanwhile, and the retry deletes
 * what is there now. Shared by the user's and admin's revocations and the jobs' deletions.
 */
final class Deletions {
    /** Attempts of a deletion that keeps losing to concurrent writers before the fault reaches the caller. */
    static final int MAX_ATTEMPTS = 5;

    private Deletions() {
    }

    static <T> T retryingConflicts(TokenStore store, Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return store.inTransaction(work);
            } catch (StoreConflictException e) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
