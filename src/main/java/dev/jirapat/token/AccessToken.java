package dev.jirapat.token;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A stored token as the domain sees it. Immutable; holds the hash, never the raw token. */
public final class AccessToken {
    private final long id;
    private final String ownerKey;
    private final String name;
    private final Instant createdAt;
    private final Instant expiresAt;
    private final Instant lastUsedAt;
    private final String lastUsedIp;
    private final Scope scope;
    private final List<IpRange> allowedIps;
    private final String createdBy;
    private final String hash;
    private final String hashAlgorithm;
    private final String hint;
    private final NoticeStage noticeSent;
    private final String builtinId;

    private AccessToken(Builder b) {
        this.id = b.id;
        this.ownerKey = Objects.requireNonNull(b.ownerKey, "ownerKey");
        this.name = Objects.requireNonNull(b.name, "name");
        this.createdAt = Objects.requireNonNull(b.createdAt, "createdAt");
        this.expiresAt = b.expiresAt;
        this.lastUsedAt = b.lastUsedAt;
        this.lastUsedIp = b.lastUsedIp;
        this.scope = Objects.requireNonNull(b.scope, "scope");
        this.allowedIps = Collections.unmodifiableList(new ArrayList<>(b.allowedIps));
        this.createdBy = Objects.requireNonNull(b.createdBy, "createdBy");
        this.hash = Objects.requireNonNull(b.hash, "hash");
        this.hashAlgorithm = Objects.requireNonNull(b.hashAlgorithm, "hashAlgorithm");
        this.hint = Objects.requireNonNull(b.hint, "hint");
        this.noticeSent = b.noticeSent;
        this.builtinId = b.builtinId;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().id(id).ownerKey(ownerKey).name(name).createdAt(createdAt).expiresAt(expiresAt)
                .lastUsed(lastUsedAt, lastUsedIp).scope(scope).allowedIps(allowedIps).createdBy(createdBy)
                .hash(hash, hashAlgorithm).hint(hint).noticeSent(noticeSent).builtinId(builtinId);
    }

    public long id() {
        return id;
    }

    public String ownerKey() {
        return ownerKey;
    }

    public String name() {
        return name;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** Empty for a token that never expires. */
    public Optional<Instant> expiresAt() {
        return Optional.ofNullable(expiresAt);
    }

    public Optional<Instant> lastUsedAt() {
        return Optional.ofNullable(lastUsedAt);
    }

    public Optional<String> lastUsedIp() {
        return Optional.ofNullable(lastUsedIp);
    }

    public Scope scope() {
        return scope;
    }

    /** Empty means any address may use the token. */
    public List<IpRange> allowedIps() {
        return allowedIps;
    }

    /** The user key of whoever minted the token: the owner, or an administrator for a service account. */
    public String createdBy() {
        return createdBy;
    }

    public String hash() {
        return hash;
    }

    public String hashAlgorithm() {
        return hashAlgorithm;
    }

    public String hint() {
        return hint;
    }

    /** The last expiry notice sent for the current expiry; empty when none was. */
    public Optional<NoticeStage> noticeSent() {
        return Optional.ofNullable(noticeSent);
    }

    /** Who issued the secret: this app, or Jira's built-in app (an imported token, until it is rotated). */
    public TokenOrigin origin() {
        return builtinId == null ? TokenOrigin.JPAT : TokenOrigin.BUILTIN;
    }

    /** For an imported token: the built-in app's 12-digit {@code TOKEN_ID} (not secret); empty for ours. */
    public Optional<String> builtinId() {
        return Optional.ofNullable(builtinId);
    }

    public boolean isExpired(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    public boolean allowsAddress(String remoteIp) {
        if (allowedIps.isEmpty()) {
            return true;
        }
        for (IpRange range : allowedIps) {
            if (range.contains(remoteIp)) {
                return true;
            }
        }
        return false;
    }

    /** Expired at or after the expiry instant; expires soon within {@code warningDays} before it. */
    public TokenStatus status(Instant now, int warningDays) {
        if (expiresAt == null) {
            return TokenStatus.ACTIVE;
        }
        if (!now.isBefore(expiresAt)) {
            return TokenStatus.EXPIRED;
        }
        return now.isBefore(expiresAt.minus(Duration.ofDays(warningDays))) ? TokenStatus.ACTIVE : TokenStatus.EXPIRES_SOON;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof AccessToken)) {
            return false;
        }
        AccessToken t = (AccessToken) o;
        return id == t.id && ownerKey.equals(t.ownerKey) && name.equals(t.name) && createdAt.equals(t.createdAt)
                && Objects.equals(expiresAt, t.expiresAt) && Objects.equals(lastUsedAt, t.lastUsedAt)
                && Objects.equals(lastUsedIp, t.lastUsedIp) && scope == t.scope && allowedIps.equals(t.allowedIps)
                && createdBy.equals(t.createdBy) && hash.equals(t.hash) && hashAlgorithm.equals(t.hashAlgorithm)
                && hint.equals(t.hint) && Objects.equals(noticeSent, t.noticeSent)
                && Objects.equals(builtinId, t.builtinId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, ownerKey, hash);
    }

    /** No hash here: the hash is not a secret, but there is no reason to spread it through logs either. */
    @Override
    public String toString() {
        return "AccessToken[id=" + id + ", owner=" + ownerKey + ", hint=" + hint + ", scope=" + scope.wireName()
                + ", expires=" + (expiresAt == null ? "never" : expiresAt) + "]";
    }

    public static final class Builder {
        private long id;
        private String ownerKey;
        private String name;
        private Instant createdAt;
        private Instant expiresAt;
        private Instant lastUsedAt;
        private String lastUsedIp;
        private Scope scope = Scope.WRITE;
        private List<IpRange> allowedIps = Collections.emptyList();
        private String createdBy;
        private String hash;
        private String hashAlgorithm = TokenHasher.ALGORITHM;
        private String hint;
        private NoticeStage noticeSent;
        private String builtinId;

        public Builder id(long id) {
            this.id = id;
            return this;
        }

        public Builder ownerKey(String ownerKey) {
            this.ownerKey = ownerKey;
            return this;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        /** Null for never. */
        public Builder expiresAt(Instant expiresAt) {
            this.expiresAt = expiresAt;
            return this;
        }

        public Builder lastUsed(Instant at, String ip) {
            this.lastUsedAt = at;
            this.lastUsedIp = ip;
            return this;
        }

        public Builder scope(Scope scope) {
            this.scope = scope;
            return this;
        }

        public Builder allowedIps(List<IpRange> allowedIps) {
            this.allowedIps = allowedIps;
            return this;
        }

        public Builder createdBy(String createdBy) {
            this.createdBy = createdBy;
            return this;
        }

        public Builder hash(String hash, String algorithm) {
            this.hash = hash;
            this.hashAlgorithm = algorithm;
            return this;
        }

        public Builder hint(String hint) {
            this.hint = hint;
            return this;
        }

        /** Null: no expiry notice sent for the current expiry (a new or rotated token). */
        public Builder noticeSent(NoticeStage stage) {
            this.noticeSent = stage;
            return this;
        }

        /** The built-in app's {@code TOKEN_ID} of an imported token; null for a token of ours. */
        public Builder builtinId(String builtinId) {
            this.builtinId = builtinId;
            return this;
        }

        public AccessToken build() {
            return new AccessToken(this);
        }
    }
}
