package dev.jirapat.token;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
     * Overwrites the token stored under {@code id} with the fields of {@code replacement} (whose own id is ignored),
     * keeping the id and the token's place under the owner's limit: every secret ever issued under an id ends when
     * that id is deleted. The row is read again after the write, so a token deleted meanwhile (a concurrent
     * revocation that committed first) comes back as gone, never as replaced.
     *
     * @return the token as stored now, or empty when it is gone
     * @throws StoreConflictException when a concurrent writer changed the same row; retry in a new transaction
     */
    Optional<AccessToken> replace(long id, AccessToken replacement);

    Optional<AccessToken> findByHash(String hash);

    Optional<AccessToken> findById(long id);

    /** The owner's tokens, newest first. */
    List<AccessToken> findByOwner(String ownerKey);

    int countByOwner(String ownerKey);

    /** @return whether a row was deleted */
    boolean delete(long id);

    /** @return how many rows were deleted */
    int deleteByOwner(String ownerKey);

    /**
     * Records the last use of a token. Ignored for a missing token (revoked meanwhile), a use older than the one
     * stored, and a use older than the token's creation: that use was of a secret the token has since been
     * rotated away from.
     */
    void recordUse(long id, Instant at, String ip);

    TokenPage search(TokenSearch search);

    /**
     * Stores tokens imported from Jira's built-in app (their ids ignored), each under its owner beyond the limit:
     * an owner over it keeps them and creates nothing new until under it.
     *
     * @return how many were stored
     * @throws StoreConflictException when a row collides with a stored one (the same built-in hash); retry row by row
     */
    int insertImported(List<AccessToken> tokens);

    /** The imported token holding the built-in app's {@code TOKEN_ID}, if any (rotated tokens hold none). */
    Optional<AccessToken> findByBuiltinId(String builtinId);

    /**
     * Whether a token holding this built-in {@code TOKEN_ID} is stored. Asked for every built-in-shaped Bearer
     * token, imported or not, so a store may cache the answer (both ways) and must then forget it when that id is
     * imported, rotated or deleted.
     */
    boolean isImported(String builtinId);

    /** Of these built-in {@code TOKEN_ID}s (at most a few hundred), those already imported. */
    Set<String> importedAmong(Collection<String> builtinIds);

    /**
     * Replaces the hash of token {@code id} (and its hint) if it still holds {@code expectedHash}: an imported
     * token's slow built-in hash becomes ours after its first successful check.
     *
     * @return whether the row was changed
     */
    boolean upgradeHash(long id, String expectedHash, String newHash, String algorithm, String hint);
}
