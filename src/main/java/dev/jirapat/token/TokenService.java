package dev.jirapat.token;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The token use cases. Each is one transaction; expected refusals come back as {@link Rejection}s. What a use
 * case changed is published to {@link TokenEvents} after its transaction commits, so a use case must not be
 * called inside a caller's own transaction. Permission rules: a user sees and manages their own tokens; a system
 * administrator sees, revokes and searches everyone's, mints tokens for others and changes the policy; only the
 * owner rotates (a rotation hands out a new secret). The system actor ({@link Actor#system()}, jobs) reads and
 * revokes, nothing more.
 */
public final class TokenService {
    /** At most this many IP ranges per token (keeps the stored list within one indexed-size column). */
    public static final int MAX_IP_RANGES = TokenTerms.MAX_IP_RANGES;

    private final TokenStore store;
    private final Users users;
    private final PolicySource settings;
    private final PolicyStore policyStore;
    private final TokenMint mint;
    private final TokenEvents events;
    private final Clock clock;

    public TokenService(TokenStore store, Users users, PolicySource settings, PolicyStore policyStore, TokenMint mint,
                        TokenEvents events, Clock clock) {
        this.store = store;
        this.users = users;
        this.settings = settings;
        this.policyStore = policyStore;
        this.mint = mint;
        this.events = events;
        this.clock = clock;
    }

    /** Creates a token for the actor. */
    public Outcome<IssuedToken> create(Actor actor, TokenRequest request) {
        if (actor.isSystem()) {
            return Outcome.rejected(Rejection.NOT_PERMITTED); // the system owns no tokens
        }
        return createFor(actor, actor.userKey(), request);
    }

    /**
     * Creates a token for {@code ownerKey}: the actor themself, or anyone when the actor is a system admin. Never
     * for the system actor: a token is minted by a person, who is recorded as its creator.
     */
    public Outcome<IssuedToken> createFor(Actor actor, String ownerKey, TokenRequest request) {
        TokenPolicy policy = settings.policy();
        if (!policy.enabled()) {
            return Outcome.rejected(Rejection.FEATURE_DISABLED);
        }
        if (actor.isSystem() || !mayActFor(actor, ownerKey)) {
            return Outcome.rejected(Rejection.NOT_PERMITTED);
        }
        Optional<UserAccount> owner = users.byKey(ownerKey);
        if (!owner.isPresent()) {
            return Outcome.rejected(Rejection.OWNER_UNKNOWN);
        }
        if (!owner.get().active()) {
            return Outcome.rejected(Rejection.OWNER_INACTIVE);
        }
        Instant now = now();
        Outcome<TokenTerms> terms = TokenTerms.forNew(actor, request, policy, now);
        if (terms.isRejected()) {
            return Outcome.rejected(terms.rejection());
        }
        AccessToken.Builder draft = terms.value().applyTo(AccessToken.builder().ownerKey(ownerKey))
                .createdAt(now).createdBy(actor.userKey());
        Outcome<IssuedToken> issued = insertWithRetry(draft, policy.maxTokensPerUser());
        if (!issued.isRejected()) {
            events.publish(new TokenEvent.Created(now, actor, issued.value().token()));
        }
        return issued;
    }

    private Outcome<IssuedToken> insertWithRetry(AccessToken.Builder draft, int limit) {
        // Each lost race means another token took a place, so the owner reaches the limit after at most
        // `limit` losses; the bound only guards against a store that keeps failing.
        for (int attempt = 0; ; attempt++) {
            TokenString raw = mint.mint();
            AccessToken candidate = draft.hash(TokenHasher.hash(raw), TokenHasher.ALGORITHM).hint(raw.hint()).build();
            try {
                Optional<AccessToken> stored = store.inTransaction(() -> store.insert(candidate, limit));
                return stored.isPresent() ? Outcome.of(new IssuedToken(stored.get(), raw))
                        : Outcome.<IssuedToken>rejected(Rejection.TOKEN_LIMIT_REACHED);
            } catch (StoreConflictException e) {
                if (attempt >= limit + 3) {
                    throw e;
                }
            }
        }
    }

    /** The actor's own tokens, newest first (none for the system actor). */
    public List<AccessToken> list(Actor actor) {
        if (actor.isSystem()) {
            return Collections.emptyList();
        }
        return store.inTransaction(() -> store.findByOwner(actor.userKey()));
    }

    /** The tokens of {@code ownerKey}: for the owner or a system admin; empty for anyone else. */
    public List<AccessToken> listOf(Actor actor, String ownerKey) {
        if (!mayActFor(actor, ownerKey)) {
            return Collections.emptyList();
        }
        return store.inTransaction(() -> store.findByOwner(ownerKey));
    }

    /** A token visible to the actor (their own, or any for a system admin); empty otherwise, so ids don't leak. */
    public Optional<AccessToken> get(Actor actor, long id) {
        return store.inTransaction(() -> store.findById(id).filter(t -> mayActFor(actor, t.ownerKey())));
    }

    /** Revokes (deletes) a token the actor may manage. {@link Rejection#NOT_FOUND} for unknown or foreign ids. */
    public Outcome<AccessToken> revoke(Actor actor, long id) {
        Outcome<AccessToken> revoked = Deletions.retryingConflicts(store, () -> {
            Optional<AccessToken> token = store.findById(id).filter(t -> mayActFor(actor, t.ownerKey()));
            if (!token.isPresent()) {
                return Outcome.<AccessToken>rejected(Rejection.NOT_FOUND);
            }
            store.delete(id);
            return Outcome.of(token.get());
        });
        if (!revoked.isRejected()) {
            events.publish(new TokenEvent.Revoked(now(), actor, revoked.value()));
        }
        return revoked;
    }

    /**
     * Revokes a token for an idempotent caller (REST {@code DELETE}): an unknown id succeeds with nothing revoked,
     * while a token the actor may not manage is {@link Rejection#NOT_FOUND}, so a non-owner learns nothing more
     * than {@link #get} tells them and is never told "done" for a token that still works.
     */
    public Outcome<Optional<AccessToken>> revokeIfExists(Actor actor, long id) {
        Outcome<Optional<AccessToken>> revoked = Deletions.retryingConflicts(store, () -> {
            Optional<AccessToken> token = store.findById(id);
            if (!token.isPresent()) {
                return Outcome.of(Optional.<AccessToken>empty());
            }
            if (!mayActFor(actor, token.get().ownerKey())) {
                return Outcome.<Optional<AccessToken>>rejected(Rejection.NOT_FOUND);
            }
            store.delete(id);
            return Outcome.of(token);
        });
        if (!revoked.isRejected() && revoked.value().isPresent()) {
            events.publish(new TokenEvent.Revoked(now(), actor, revoked.value().get()));
        }
        return revoked;
    }

    /** Revokes the given ids (system admins and the system only); unknown ids are skipped. Returns what it revoked. */
    public Outcome<List<AccessToken>> revokeAll(Actor actor, Collection<Long> ids) {
        if (!governsEveryone(actor)) {
            return Outcome.rejected(Rejection.NOT_PERMITTED);
        }
        List<AccessToken> revoked = Deletions.retryingConflicts(store, () -> {
            List<AccessToken> deleted = new ArrayList<>();
            for (Long id : ids) {
                Optional<AccessToken> token = store.findById(id);
                if (token.isPresent() && store.delete(id)) {
                    deleted.add(token.get());
                }
            }
            return deleted;
        });
        publishBulk(actor, revoked);
        return Outcome.of(revoked);
    }

    /** Revokes every token of a user: the user themself, a system admin or the system. Returns how many it revoked. */
    public Outcome<Integer> revokeAllOf(Actor actor, String ownerKey) {
        if (!mayActFor(actor, ownerKey)) {
            return Outcome.rejected(Rejection.NOT_PERMITTED);
        }
        // One by one rather than deleteByOwner: the event must name exactly the tokens this transaction deleted.
        List<AccessToken> revoked = Deletions.retryingConflicts(store, () -> {
            List<AccessToken> deleted = new ArrayList<>();
            for (AccessToken token : store.findByOwner(ownerKey)) {
                if (store.delete(token.id())) {
                    deleted.add(token);
                }
            }
            return deleted;
        });
        publishBulk(actor, revoked);
        return Outcome.of(revoked.size());
    }

    private void publishBulk(Actor actor, List<AccessToken> revoked) {
        if (!revoked.isEmpty()) {
            events.publish(new TokenEvent.BulkRevoked(now(), actor, revoked));
        }
    }

    /**
     * Replaces the secret of the actor's own token, keeping its id (so revoking the id ends every secret issued
     * under it): same name, scope, allowlist and lifetime (counted from now), under the same rules as
     * {@link #createFor creating} it, i.e. the policy in force and, through a token, the limits of the calling token
     * (a token without an allowlist gets the caller's). An expired token is refused: it never comes back, a new one
     * must be created. The old secret stops working when this commits.
     */
    public Outcome<IssuedToken> rotate(Actor actor, long id) {
        TokenPolicy policy = settings.policy();
        if (!policy.enabled()) {
            return Outcome.rejected(Rejection.FEATURE_DISABLED);
        }
        if (actor.isSystem()) {
            return Outcome.rejected(Rejection.NOT_PERMITTED); // the new secret would go to no one
        }
        TokenString raw = mint.mint();
        Outcome<Rotation> rotation;
        try {
            rotation = store.inTransaction(() -> rotateInTransaction(actor, id, policy, raw));
        } catch (StoreConflictException e) {
            // A concurrent rotation or revocation of the same token won; this one rolled back and changed nothing.
            return Outcome.rejected(Rejection.NOT_FOUND);
        }
        if (rotation.isRejected()) {
            return Outcome.rejected(rotation.rejection());
        }
        AccessToken renewed = rotation.value().issued.token();
        events.publish(new TokenEvent.Rotated(renewed.createdAt(), actor, rotation.value().before, renewed));
        return Outcome.of(rotation.value().issued);
    }

    /** A committed rotation: the token as it was, and its new secret. */
    private static final class Rotation {
        final AccessToken before;
        final IssuedToken issued;

        Rotation(AccessToken before, IssuedToken issued) {
            this.before = before;
            this.issued = issued;
        }
    }

    private Outcome<Rotation> rotateInTransaction(Actor actor, long id, TokenPolicy policy, TokenString raw) {
        Optional<AccessToken> found = store.findById(id).filter(t -> t.ownerKey().equals(actor.userKey()));
        if (!found.isPresent()) {
            return Outcome.rejected(Rejection.NOT_FOUND);
        }
        AccessToken old = found.get();
        Instant now = now();
        Outcome<TokenTerms> terms = TokenTerms.forRenewal(actor, old, policy, now);
        if (terms.isRejected()) {
            return Outcome.rejected(terms.rejection());
        }
        // A rotation starts a new lifetime: its expiry notices start again (none of the old expiry's will go).
        AccessToken renewed = terms.value().applyTo(old.toBuilder()).createdAt(now).lastUsed(null, null).noticeSent(null)
                .hash(TokenHasher.hash(raw), TokenHasher.ALGORITHM).hint(raw.hint())
                .builtinId(null) // an imported token becomes ours: its built-in secret ends here
                .build();
        Optional<AccessToken> stored = store.replace(id, renewed);
        return stored.isPresent() ? Outcome.of(new Rotation(old, new IssuedToken(stored.get(), raw)))
                : Outcome.<Rotation>rejected(Rejection.NOT_FOUND);
    }

    /** Every user's tokens, filtered, sorted and paged: system admins and the system only. */
    public Outcome<TokenPage> search(Actor actor, TokenSearch search) {
        if (!governsEveryone(actor)) {
            return Outcome.rejected(Rejection.NOT_PERMITTED);
        }
        return Outcome.of(store.inTransaction(() -> store.search(search)));
    }

    /**
     * Changes the policy: stores the settings in {@code set} and puts those in {@code reset} back to their
     * defaults, each on its own ({@link PolicyStore#apply}), for a system administrator only. Publishes the old and
     * new value in force of each of those settings that changed. Returns the policy in force afterwards.
     *
     * @throws IllegalArgumentException for an unknown key, an invalid value or a key both set and reset (the
     *                                  caller's to prevent); nothing is stored then
     */
    public Outcome<TokenPolicy> changeSettings(Actor actor, Map<String, String> set, Set<String> reset) {
        if (!isSystemAdmin(actor)) {
            return Outcome.rejected(Rejection.NOT_PERMITTED);
        }
        TokenPolicy before = settings.policy();
        policyStore.apply(set, reset);
        TokenPolicy after = settings.policy();
        Set<String> touched = new LinkedHashSet<>(set.keySet());
        touched.addAll(reset);
        Map<String, TokenEvent.Change> changed = new LinkedHashMap<>();
        for (TokenPolicy.Setting setting : TokenPolicy.Setting.values()) {
            String old = before.value(setting);
            String now = after.value(setting);
            if (touched.contains(setting.key()) && !Objects.equals(old, now)) {
                changed.put(setting.key(), new TokenEvent.Change(old, now));
            }
        }
        if (!changed.isEmpty()) {
            events.publish(new TokenEvent.SettingsChanged(now(), actor, changed));
        }
        return Outcome.of(after);
    }

    /**
     * The one rule for whose tokens an actor may see and revoke: their own, or anyone's for a system administrator
     * and for the system. Use cases that ask more (minting, rotating, the policy) say so where they apply it.
     */
    public boolean mayActFor(Actor actor, String ownerKey) {
        return actor.isSystem() || actor.userKey().equals(ownerKey) || users.isSystemAdmin(actor.userKey());
    }

    /** A system administrator, or the system: may see and revoke every user's tokens. */
    private boolean governsEveryone(Actor actor) {
        return actor.isSystem() || isSystemAdmin(actor);
    }

    /** A person who is a system administrator (never the system actor). */
    private boolean isSystemAdmin(Actor actor) {
        return !actor.isSystem() && users.isSystemAdmin(actor.userKey());
    }

    private Instant now() {
        // The database keeps milliseconds; so do we, so a stored token equals the one we built.
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
