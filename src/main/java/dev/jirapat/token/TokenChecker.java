package dev.jirapat.token;

import java.time.Instant;
import java.util.Optional;

/**
 * The whole decision on a presented token, from the facts of the request that presents it. In this order, the
 * first that applies wins: tokens switched off; malformed (no look-up); unknown; expired; owner gone or inactive;
 * a Basic username that is not the owner's (case-insensitive); a client address outside the allowlist; scope by
 * method and path. The owner is looked up once, and the accepted result carries that account, so the caller logs
 * in exactly the user this check saw active. Expected refusals are values; a store or user look-up that fails
 * throws, and the caller must fail closed (never treat it as "unknown" or serve the request anonymously).
 */
public final class TokenChecker {
    private final TokenStore store;
    private final Users users;

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
        if (!parsed.isPresent()) {
            return CheckResult.refused(TokenRefusal.MALFORMED);
        }
        return checkStored(TokenHasher.hash(parsed.get()), request, now);
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
        return checkStored(hash, request, now);
    }

    private CheckResult checkStored(String hash, RequestFacts request, Instant now) {
        Optional<AccessToken> found = store.findByHash(hash);
        if (!found.isPresent() || !TokenHasher.same(found.get().hash(), hash)) {
            return CheckResult.refused(TokenRefusal.UNKNOWN);
        }
        AccessToken token = found.get();
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
