package dev.jirapat.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.function.BooleanSupplier;

/**
 * The background use cases, run by the system ({@link Actor#system()}) from scheduled jobs: expiry notices, pruning
 * of expired tokens, removal of tokens whose owner no longer exists. Each works through the store in batches of at
 * most {@code batchSize} rows, one short transaction per batch, keyset-paged by id: a run over a million tokens
 * never holds one transaction or one list of every row, and its memory does not grow with the table. Events are
 * published per token after its batch committed. Each run stops early, between batches, when {@code stop} says so
 * (the scheduler asked it to); the next run carries on.
 */
public final class TokenHousekeeping {
    /** Missing owners collected by one run; more wait for the next run. */
    static final int MAX_MISSING_OWNERS = 10_000;

    private final TokenStore store;
    private final Users users;
    private final PolicySource settings;
    private final ExpiryNotices notices;
    private final TokenEvents events;
    private final Clock clock;
    private final int batchSize;

    public TokenHousekeeping(TokenStore store, Users users, PolicySource settings, ExpiryNotices notices,
                             TokenEvents events, Clock clock, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1: " + batchSize);
        }
        this.store = store;
        this.users = users;
        this.settings = settings;
        this.notices = notices;
        this.events = events;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    public int batchSize() {
        return batchSize;
    }

    /**
     * Tells owners, through {@link ExpiryNotices}, that a token expires within one of the policy's
     * {@link TokenPolicy#expiryNoticeDays() notice days}, and once that it has expired. Each notice is claimed in the
     * store before it is sent ({@link TokenStore#claimNotice}), so it goes at most once per token and stage across
     * runs, restarts and nodes; a token rotated or revoked before its claim gets none.
     *
     * @return how many notices were sent
     */
    public int sendExpiryNotices(BooleanSupplier stop) {
        Instant now = now();
        NoticeDays days = settings.policy().expiryNoticeDays();
        Instant until = now.plus(Duration.ofDays(days.largest()));
        int sent = 0;
        long afterId = 0;
        while (!stop.getAsBoolean()) {
            long after = afterId;
            List<AccessToken> batch = store.inTransaction(() -> store.findNoticeCandidates(until, now, days.smallest(),
                    after, batchSize));
            for (AccessToken token : batch) {
                Optional<NoticeStage> due = days.due(token.expiresAt().get(), now);
                if (!due.isPresent() || (token.noticeSent().isPresent() && !due.get().isAfter(token.noticeSent().get()))) {
                    continue;
                }
                if (claim(token, due.get())) {
                    if (due.get().isExpired()) {
                        notices.expired(token);
                    } else {
                        notices.expiresSoon(token, due.get().days());
                    }
                    sent++;
                }
            }
            if (batch.size() < batchSize) {
                break;
            }
            afterId = batch.get(batch.size() - 1).id();
        }
        return sent;
    }

    private boolean claim(AccessToken token, NoticeStage stage) {
        try {
            return store.inTransaction(() -> store.claimNotice(token.id(), token.expiresAt().get(), stage));
        } catch (StoreConflictException e) {
            return false; // a concurrent run (or a rotation) wrote the row first; if it was a claim, it sends
        }
    }

    /**
     * Deletes tokens that expired at least {@link TokenPolicy#pruningDelayDays()} days ago (Jira's built-in rule),
     * publishing {@link TokenEvent.Pruned} for each.
     *
     * @return how many tokens were deleted
     */
    public int pruneExpired(BooleanSupplier stop) {
        Instant now = now();
        Instant cutoff = now.minus(Duration.ofDays(settings.policy().pruningDelayDays()));
        int pruned = 0;
        long afterId = 0;
        while (!stop.getAsBoolean()) {
            long after = afterId;
            List<AccessToken> deleted = Deletions.retryingConflicts(store, () -> {
                List<AccessToken> batch = store.findExpired(cutoff, after, batchSize);
                store.deleteAll(batch);
                return batch;
            });
            for (AccessToken token : deleted) {
                events.publish(new TokenEvent.Pruned(now, token));
            }
            pruned += deleted.size();
            if (deleted.size() < batchSize) {
                break;
            }
            afterId = deleted.get(deleted.size() - 1).id();
        }
        // Notice claims only guard against racing runs; a day later the token's own notice state is enough.
        Instant claimedBefore = now.minus(Duration.ofDays(1));
        while (!stop.getAsBoolean() && store.inTransaction(() -> store.deleteNoticeClaims(claimedBefore, batchSize)) == batchSize) {
            continue;
        }
        return pruned;
    }

    /**
     * Deletes the tokens of owners the host no longer knows (deleted users), publishing
     * {@link TokenEvent.RemovedWithOwner} for each. Tokens of deactivated users stay: they are refused while the user
     * is inactive and work again if the user is reactivated. As a guard against a user directory that is briefly
     * unreachable (every look-up then says "no such user"), nothing is deleted when more than half of at least
     * {@value #SUSPICIOUS_MINIMUM} distinct owners seem to be missing; the result says so.
     */
    public OwnerSweep removeTokensOfMissingOwners(BooleanSupplier stop) {
        Set<String> missing = new LinkedHashSet<>();
        int checked = 0;
        String afterKey = "";
        boolean complete = false;
        while (!stop.getAsBoolean() && missing.size() < MAX_MISSING_OWNERS) {
            String after = afterKey;
            SortedSet<String> owners = store.inTransaction(() -> store.findOwnerKeys(after, batchSize));
            for (String owner : owners) {
                checked++;
                if (!users.byKey(owner).isPresent() && missing.size() < MAX_MISSING_OWNERS) {
                    missing.add(owner);
                }
            }
            if (owners.isEmpty()) {
                complete = true;
                break;
            }
            afterKey = owners.last();
        }
        if (checked >= SUSPICIOUS_MINIMUM && missing.size() * 2 > checked) {
            return new OwnerSweep(0, missing.size(), checked, true, complete);
        }
        int removed = 0;
        Instant now = now();
        for (String owner : missing) {
            if (stop.getAsBoolean()) {
                break;
            }
            List<AccessToken> deleted = Deletions.retryingConflicts(store, () -> {
                if (users.byKey(owner).isPresent()) {
                    return Collections.<AccessToken>emptyList(); // came back meanwhile (a directory resync)
                }
                List<AccessToken> tokens = store.findByOwner(owner);
                store.deleteAll(tokens);
                return tokens;
            });
            for (AccessToken token : deleted) {
                events.publish(new TokenEvent.RemovedWithOwner(now, token));
            }
            removed += deleted.size();
        }
        return new OwnerSweep(removed, missing.size(), checked, false, complete);
    }

    /** Below this many distinct owners, a majority of missing ones is believable (a small test instance). */
    static final int SUSPICIOUS_MINIMUM = 20;

    /** What a sweep for missing owners did. */
    public static final class OwnerSweep {
        private final int removedTokens;
        private final int missingOwners;
        private final int checkedOwners;
        private final boolean refused;
        private final boolean complete;

        OwnerSweep(int removedTokens, int missingOwners, int checkedOwners, boolean refused, boolean complete) {
            this.removedTokens = removedTokens;
            this.missingOwners = missingOwners;
            this.checkedOwners = checkedOwners;
            this.refused = refused;
            this.complete = complete;
        }

        public int removedTokens() {
            return removedTokens;
        }

        public int missingOwners() {
            return missingOwners;
        }

        public int checkedOwners() {
            return checkedOwners;
        }

        /** True when nothing was deleted because most owners seemed missing (a directory outage, probably). */
        public boolean refused() {
            return refused;
        }

        /** Whether every token was looked at (not stopped early or capped). */
        public boolean complete() {
            return complete;
        }

        @Override
        public String toString() {
            return "OwnerSweep[removedTokens=" + removedTokens + ", missingOwners=" + missingOwners + ", checkedOwners="
                    + checkedOwners + (refused ? ", refused" : "") + (complete ? "" : ", incomplete") + "]";
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
