package dev.jirapat.token;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Something a use case changed, for {@link TokenEvents}: who did it (a user, through a token or not, or the
 * system) and when, and which tokens or settings. Events carry ids, names, hints, keys and times only, never a
 * token or its hash, so every event and its {@link #toString()} may go to a log or an audit trail as is.
 */
public abstract class TokenEvent {
    private final Instant at;
    private final String actorKey;
    private final Long viaTokenId;
    private final String clientAddress;

    TokenEvent(Instant at, Actor actor) {
        this.at = Objects.requireNonNull(at);
        this.actorKey = actor.isSystem() ? null : actor.userKey();
        this.viaTokenId = actor.viaToken().map(AccessToken::id).orElse(null);
        this.clientAddress = actor.clientAddress().orElse(null);
    }

    public Instant at() {
        return at;
    }

    /** The user who acted; empty when the system did (a job). */
    public Optional<String> actorKey() {
        return Optional.ofNullable(actorKey);
    }

    /** The id of the token that authenticated the actor's request, when one did. */
    public Optional<Long> viaTokenId() {
        return Optional.ofNullable(viaTokenId);
    }

    /** The client address of the request that made the change, when a user's request did and it was known. */
    public Optional<String> clientAddress() {
        return Optional.ofNullable(clientAddress);
    }

    String by() {
        return "by=" + (actorKey == null ? "system" : actorKey + (viaTokenId == null ? "" : " via token " + viaTokenId))
                + (clientAddress == null ? "" : " from " + clientAddress) + ", at=" + at;
    }

    /** A name as typed by a user, quoted, with anything that could break a log line escaped. */
    static String quoted(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                    || Character.getType(c) == Character.LINE_SEPARATOR || Character.getType(c) == Character.PARAGRAPH_SEPARATOR) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** What every event about one token names: its id, owner, name and hint. */
    public abstract static class OfToken extends TokenEvent {
        private final long tokenId;
        private final String ownerKey;
        private final String name;
        private final String hint;

        OfToken(Instant at, Actor actor, AccessToken token) {
            super(at, actor);
            this.tokenId = token.id();
            this.ownerKey = token.ownerKey();
            this.name = token.name();
            this.hint = token.hint();
        }

        public long tokenId() {
            return tokenId;
        }

        public String ownerKey() {
            return ownerKey;
        }

        public String name() {
            return name;
        }

        /** The token's hint ({@code jpat_…abcd}), not a secret. */
        public String hint() {
            return hint;
        }

        String token() {
            return "id=" + tokenId + ", name=" + quoted(name) + ", hint=" + hint + ", owner=" + ownerKey;
        }
    }

    /** A token was created: by the actor, for its owner (the same user, or another when an admin minted it). */
    public static final class Created extends OfToken {
        private final Scope scope;
        private final Instant expiresAt;

        Created(Instant at, Actor actor, AccessToken token) {
            super(at, actor, token);
            this.scope = token.scope();
            this.expiresAt = token.expiresAt().orElse(null);
        }

        public Scope scope() {
            return scope;
        }

        /** Empty for a token that never expires. */
        public Optional<Instant> expiresAt() {
            return Optional.ofNullable(expiresAt);
        }

        @Override
        public String toString() {
            return "TokenCreated[" + token() + ", scope=" + scope.wireName() + ", expires="
                    + (expiresAt == null ? "never" : expiresAt) + ", " + by() + "]";
        }
    }

    /** A token got a new secret under the same id; the old secret stopped working. */
    public static final class Rotated extends OfToken {
        private final String previousHint;
        private final Instant expiresAt;

        Rotated(Instant at, Actor actor, AccessToken before, AccessToken after) {
            super(at, actor, after);
            this.previousHint = before.hint();
            this.expiresAt = after.expiresAt().orElse(null);
        }

        /** The hint of the secret the rotation replaced. */
        public String previousHint() {
            return previousHint;
        }

        public Optional<Instant> expiresAt() {
            return Optional.ofNullable(expiresAt);
        }

        @Override
        public String toString() {
            return "TokenRotated[" + token() + ", previous=" + previousHint + ", expires="
                    + (expiresAt == null ? "never" : expiresAt) + ", " + by() + "]";
        }
    }

    /** One token was revoked. */
    public static final class Revoked extends OfToken {
        Revoked(Instant at, Actor actor, AccessToken token) {
            super(at, actor, token);
        }

        @Override
        public String toString() {
            return "TokenRevoked[" + token() + ", " + by() + "]";
        }
    }

    /** An expired token was deleted by the pruning job, {@code pruningDelayDays} after it expired. */
    public static final class Pruned extends OfToken {
        private final Instant expiredAt;

        Pruned(Instant at, AccessToken token) {
            super(at, Actor.system(), token);
            this.expiredAt = token.expiresAt().orElseThrow(() -> new IllegalArgumentException("a token that never expires is never pruned"));
        }

        public Instant expiredAt() {
            return expiredAt;
        }

        @Override
        public String toString() {
            return "TokenPruned[" + token() + ", expired=" + expiredAt + ", " + by() + "]";
        }
    }

    /** A token was deleted because its owner no longer exists in Jira. */
    public static final class RemovedWithOwner extends OfToken {
        RemovedWithOwner(Instant at, AccessToken token) {
            super(at, Actor.system(), token);
        }

        @Override
        public String toString() {
            return "TokenRemovedWithOwner[" + token() + ", " + by() + "]";
        }
    }

    /** Several tokens were revoked at once (an admin's selection, or every token of one user). */
    public static final class BulkRevoked extends TokenEvent {
        private final List<Long> tokenIds;
        private final List<Revoked> revocations;

        BulkRevoked(Instant at, Actor actor, List<AccessToken> revoked) {
            super(at, actor);
            List<Long> ids = new ArrayList<>();
            List<Revoked> each = new ArrayList<>();
            for (AccessToken token : revoked) {
                ids.add(token.id());
                each.add(new Revoked(at, actor, token));
            }
            this.tokenIds = Collections.unmodifiableList(ids);
            this.revocations = Collections.unmodifiableList(each);
        }

        public List<Long> tokenIds() {
            return tokenIds;
        }

        /** Each revoked token as its own revocation (same actor and time), for consumers that tell each owner. */
        public List<Revoked> revocations() {
            return revocations;
        }

        @Override
        public String toString() {
            return "TokensRevoked[ids=" + tokenIds + ", " + by() + "]";
        }
    }

    /**
     * An administrator imported tokens of Jira's built-in app: how many rows were imported, skipped (imported
     * before) and refused. One event per import, never per token: an import may hold 100,000 rows.
     */
    public static final class Imported extends TokenEvent {
        private final int imported;
        private final int skipped;
        private final int failed;

        Imported(Instant at, Actor actor, int imported, int skipped, int failed) {
            super(at, actor);
            this.imported = imported;
            this.skipped = skipped;
            this.failed = failed;
        }

        public int imported() {
            return imported;
        }

        public int skipped() {
            return skipped;
        }

        public int failed() {
            return failed;
        }

        @Override
        public String toString() {
            return "TokensImported[source=builtin, imported=" + imported + ", skipped=" + skipped + ", failed=" + failed
                    + ", " + by() + "]";
        }
    }

    /** An administrator changed the policy: each setting whose value in force changed, with its old and new value. */
    public static final class SettingsChanged extends TokenEvent {
        private final Map<String, Change> changes;

        SettingsChanged(Instant at, Actor actor, Map<String, Change> changes) {
            super(at, actor);
            this.changes = Collections.unmodifiableMap(new LinkedHashMap<>(changes));
        }

        /** By setting key ({@link TokenPolicy.Setting#key()}). */
        public Map<String, Change> changes() {
            return changes;
        }

        @Override
        public String toString() {
            return "SettingsChanged[" + changes + ", " + by() + "]";
        }
    }

    /** One setting's value in force before and after a change. */
    public static final class Change {
        private final String before;
        private final String after;

        Change(String before, String after) {
            this.before = before;
            this.after = after;
        }

        public String before() {
            return before;
        }

        public String after() {
            return after;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Change && ((Change) o).before.equals(before) && ((Change) o).after.equals(after);
        }

        @Override
        public int hashCode() {
            return Objects.hash(before, after);
        }

        @Override
        public String toString() {
            return before + "->" + after;
        }
    }
}
