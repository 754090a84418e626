package dev.jirapat.token;

import java.time.Instant;
import java.util.Optional;

/**
 * The whole decision on a presented token, from the facts of the request that presents it. In this order, the
 * first that applies wins: tokens switched off; malformed (no look-up); unknown; imported tokens not accepted;
 * expired; owner gone or inactive;
 * a Basic username that is not the owner's (case-insensitive); a client address outside the allowlist; scope by
 * method and path. The owner is looked up once, and the accepted result carries that account, so the caller logs
 * in exactly the user this check saw active. Expected refusals are values; a store or user look-up that fails
 * throws, and the caller must fail closed (never treat it as "unknown" or serve the request anonymously).
 *
 * <p>A token of Jira's built-in app ({@link BuiltinToken}) is checked here only when its id was imported
 * ({@link #isImportedBuiltin}); otherwise it is none of ours and the caller passes it on. Its first successful check
 * verifies the built-in PKCS5S2 hash (PBKDF2, milliseconds) and replaces it with SHA-256 of the presented text, so
 * from then on it is found by hash like ours (cached, microseconds). A failed PBKDF2 check is remembered for a
 * minute ({@link RecentFailures}), so repeating it costs no PBKDF2.
 */
public final class TokenChecker {
    private final TokenStore store;
    private final Users users;
    private final RecentFailures failures = new RecentFailures();

    public TokenChecker(TokenStore store, Users users) {
        this.store = store;
        this.users = users;
    }

    /** Checks the token text a request presents (the raw text never leaves this call, hashed or not). */
    public CheckResult check(String presented, RequestFacts request, TokenPolicy policy, Instant now) {
        if (!policy.enabled()) {
            return CheckResult.refused(TokenRefusal.DISABLED);
        }
        Optional<TokenString> parsed = TokenString.parse(presented);
        if (parsed.isPresent()) {
            return checkStored(TokenHasher.hash(parsed.get()), request, policy, now);
        }
        Optional<BuiltinToken> builtin = BuiltinToken.parse(presented);
        if (builtin.isPresent()) {
            return checkBuiltin(builtin.get(), request, policy, now);
        }
        return CheckResult.refused(TokenRefusal.MALFORMED);
    }

    /**
     * Whether {@code presented} is a token of Jira's built-in app whose id was imported: only then is it ours to
     * check. Cheap for the ids that were never imported too (the store may cache the answer).
     */
    public boolean isImportedBuiltin(String presented) {
        Optional<BuiltinToken> builtin = BuiltinToken.parse(presented);
        return builtin.isPresent() && store.isImported(builtin.get().id());
    }

    private CheckResult checkBuiltin(BuiltinToken presented, RequestFacts request, TokenPolicy policy, Instant now) {
        String key = presented.cacheKey();
        Optional<AccessToken> upgraded = store.findByHash(key);
        if (upgraded.isPresent() && TokenHasher.same(upgraded.get().hash(), key)) {
            return checkFound(upgraded.get(), request, policy, now); // used before: as fast as ours
        }
        if (failures.contains(key, now)) {
            return CheckResult.refused(TokenRefusal.UNKNOWN);
        }
        Optional<AccessToken> found = store.findByBuiltinId(presented.id());
        if (!found.isPresent()) {
            return CheckResult.refused(TokenRefusal.UNKNOWN); // rotated or revoked meanwhile
        }
        AccessToken token = found.get();
        if (!policy.importedTokensAccepted()) {
            return CheckResult.refused(TokenRefusal.IMPORTED_NOT_ACCEPTED, token); // before paying for PBKDF2
        }
        if (!Pkcs5s2Hash.ALGORITHM.equals(token.hashAlgorithm())) {
            // Upgraded, and the presented text is not the one it was upgraded with: a wrong secret for this id.
            failures.add(key, now);
            return CheckResult.refused(TokenRefusal.UNKNOWN);
        }
        Optional<Pkcs5s2Hash> stored = Pkcs5s2Hash.parse(token.hash());
        if (!stored.isPresent() || !presented.matches(stored.get())) {
            failures.add(key, now);
            return CheckResult.refused(TokenRefusal.UNKNOWN);
        }
        AccessToken ours = token.toBuilder().hash(key, TokenHasher.ALGORITHM).hint(presented.hint()).build();
        try {
            store.inTransaction(() -> store.upgradeHash(token.id(), token.hash(), ours.hash(), ours.hashAlgorithm(), ours.hint()));
        } catch (StoreConflictException e) {
            // Another node upgraded it at the same moment, to the same hash: the secret is proven either way.
        }
        return checkFound(ours, request, policy, now);
    }

    /**
     * Checks the token stored under {@code hash}, for a request on a session that a token request started (the
     * session keeps the hash, never the token): the same rules as {@link #check} but the format, so the session
     * keeps the token's scope and allowlist and ends with the token, or when tokens are turned off.
     */
    public CheckResult checkHash(String hash, RequestFacts request, TokenPolicy policy, Instant now) {
        if (!policy.enabled()) {
            return CheckResult.refused(TokenRefusal.DISABLED);
        }
        return checkStored(hash, request, policy, now);
    }

    private CheckResult checkStored(String hash, RequestFacts request, TokenPolicy policy, Instant now) {
        Optional<AccessToken> found = store.findByHash(hash);
        if (!found.isPresent() || !TokenHasher.same(found.get().hash(), hash)) {
            return CheckResult.refused(TokenRefusal.UNKNOWN);
        }
        return checkFound(found.get(), request, policy, now);
    }

    /** The rules after the secret is proven: the same for ours and for imported tokens. */
    private CheckResult checkFound(AccessToken token, RequestFacts request, TokenPolicy policy, Instant now) {
        if (token.origin() == TokenOrigin.BUILTIN && !policy.importedTokensAccepted()) {
            return CheckResult.refused(TokenRefusal.IMPORTED_NOT_ACCEPTED, token);
        }
        if (token.isExpired(now)) {
            return CheckResult.refused(TokenRefusal.EXPIRED, token);
        }
        Optional<UserAccount> owner = users.byKey(token.ownerKey());
        if (!owner.isPresent() || !owner.get().active()) {
            return CheckResult.refused(TokenRefusal.OWNER_INACTIVE, token);
        }
        Optional<String> basicUsername = request.basicUsername();
        if (basicUsername.isPresent() && !owner.get().username().equalsIgnoreCase(basicUsername.get())) {
            return CheckResult.refused(TokenRefusal.USERNAME_MISMATCH, token);
        }
        if (!token.allowsAddress(request.clientAddress())) {
            return CheckResult.refused(TokenRefusal.IP_NOT_ALLOWED, token);
        }
        if (!token.scope().permits(request.method(), request.path())) {
            return CheckResult.refused(request.path() == PathKind.AMBIGUOUS ? TokenRefusal.AMBIGUOUS_PATH
                    : TokenRefusal.INSUFFICIENT_SCOPE, token);
        }
        return CheckResult.accepted(token, owner.get());
    }
}
