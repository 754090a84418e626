package dev.jirapat.token;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
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

    // --- background work, in batches (keyset paging by id: no offset scans, no list of every row) ------------

    /**
     * Tokens that may be due an expiry notice: expiring at or before {@code expiresUntil} (expired ones too), whose
     * expired notice has not gone yet, and which, if not expired at {@code now}, have had no notice or one for more
     * than {@code smallestDays} days (a token notified at the smallest threshold waits for its expiry); ids above
     * {@code afterId}, ascending, at most {@code limit}.
     */
    List<AccessToken> findNoticeCandidates(Instant expiresUntil, Instant now, int smallestDays, long afterId, int limit);

    /** Tokens that expired at or before {@code expiredBy}; ids above {@code afterId}, ascending, at most {@code limit}. */
    List<AccessToken> findExpired(Instant expiredBy, long afterId, int limit);

    /**
     * Distinct owner keys after {@code afterKey} (empty string: from the first), ascending, read from at most
     * {@code limit} token rows. Each owner comes once per scan: the next call starts after the last key returned.
     */
    SortedSet<String> findOwnerKeys(String afterKey, int limit);

    /**
     * Records that the notice {@code stage} goes for token {@code id}, if the token still exists, still expires at
     * {@code expiresAt} (not rotated meanwhile) and no notice of that stage or a later one was recorded for it: the
     * claim a sender must win before sending, so each notice goes once however many job runs race.
     *
     * @return whether this call claimed the notice
     * @throws StoreConflictException when a concurrent writer changed the row (it may have claimed it); the caller
     *                                treats that as not claimed
     */
    boolean claimNotice(long id, Instant expiresAt, NoticeStage stage);

    /**
     * Deletes at most {@code limit} records of claims made before {@code claimedBefore}: a claim only has to outlive
     * the runs that could race it; the token keeps the notice state.
     *
     * @return how many were deleted
     */
    int deleteNoticeClaims(Instant claimedBefore, int limit);

    /** Deletes these tokens (by id) in one statement; those already gone are skipped. */
    void deleteAll(List<AccessToken> tokens);

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
