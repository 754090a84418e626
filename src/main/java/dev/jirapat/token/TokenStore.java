package dev.jirapat.token;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Port: where tokens are kept. Methods other than {@link #inTransaction} expect to run inside one.
 * Infrastructure faults surface as unchecked exceptions (never as "not found").
 */
public interface TokenStore {
    <T> T inTransaction(Supplier<T> work);

    /**
     * Stores a new token (its id is ignored) unless its owner already holds {@code limit} tokens.
     *
     * @return the stored token with its id, or empty when the owner is at the limit
     * @throws StoreConflictException when a concurrent writer took the same place; retry in a new transaction
     */
    Optional<AccessToken> insert(AccessToken token, int limit);

    /**
     * Replaces a token by a new one in the same transaction, keeping its place under the owner's limit.
     *
     * @return the stored replacement, or empty when the old token is gone (revoked meanwhile)
     * @throws StoreConflictException when a concurrent writer took the same place; the old token is kept
     */
    Optional<AccessToken> replace(long oldId, AccessToken replacement);

    Optional<AccessToken> findByHash(String hash);

    Optional<AccessToken> findById(long id);

    /** The owner's tokens, newest first. */
    List<AccessToken> findByOwner(String ownerKey);

    int countByOwner(String ownerKey);

    /** @return whether a row was deleted */
    boolean delete(long id);

    /** @return how many rows were deleted */
    int deleteByOwner(String ownerKey);

    /** Records the last use of a token; a missing token (revoked meanwhile) is ignored. */
    void recordUse(long id, Instant at, String ip);

    TokenPage search(TokenSearch search);
}
