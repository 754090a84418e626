package dev.jirapat.token;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Admin search criteria. Every date bound is inclusive; absent criteria do not filter. */
public final class TokenSearch {
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    private final Set<String> userKeys;
    private final String nameContains;
    private final Instant createdFrom;
    private final Instant createdTo;
    private final Instant expiresFrom;
    private final Instant expiresTo;
    private final Instant lastUsedFrom;
    private final Instant lastUsedTo;
    private final Boolean used;
    private final TokenStatus status;
    private final Instant statusExpiresAfter;
    private final Instant statusExpiresUntil;
    private final SortField sortBy;
    private final boolean ascending;
    private final int page;
    private final int limit;

    private TokenSearch(Builder b) {
        this.userKeys = Collections.unmodifiableSet(new LinkedHashSet<>(b.userKeys));
        this.nameContains = b.nameContains;
        this.createdFrom = b.createdFrom;
        this.createdTo = b.createdTo;
        this.expiresFrom = b.expiresFrom;
        this.expiresTo = b.expiresTo;
        this.lastUsedFrom = b.lastUsedFrom;
        this.lastUsedTo = b.lastUsedTo;
        this.used = b.used;
        this.status = b.status;
        Instant after = null;
        Instant until = null;
        if (b.status != null) {
            // AccessToken.status as bounds on the expiry, so a store can filter in its query: expired when the expiry
            // is at or before now, expiring soon up to the warning window after now, active beyond that.
            Instant soonUntil = b.statusAt.plus(Duration.ofDays(b.warningDays));
            switch (b.status) {
                case EXPIRED:
                    until = b.statusAt;
                    break;
                case EXPIRES_SOON:
                    after = b.statusAt;
                    until = soonUntil;
                    break;
                case ACTIVE:
                default:
                    after = soonUntil;
            }
        }
        this.statusExpiresAfter = after;
        this.statusExpiresUntil = until;
        this.sortBy = b.sortBy;
        this.ascending = b.ascending;
        this.page = Math.max(0, b.page);
        this.limit = Math.max(1, Math.min(MAX_LIMIT, b.limit));
    }

    public static Builder builder() {
        return new Builder();
    }

    public static TokenSearch all() {
        return builder().build();
    }

    public Set<String> userKeys() {
        return userKeys;
    }

    /** Case-insensitive substring of the token name. */
    public Optional<String> nameContains() {
        return Optional.ofNullable(nameContains);
    }

    public Optional<Instant> createdFrom() {
        return Optional.ofNullable(createdFrom);
    }

    public Optional<Instant> createdTo() {
        return Optional.ofNullable(createdTo);
    }

    public Optional<Instant> expiresFrom() {
        return Optional.ofNullable(expiresFrom);
    }

    public Optional<Instant> expiresTo() {
        return Optional.ofNullable(expiresTo);
    }

    public Optional<Instant> lastUsedFrom() {
        return Optional.ofNullable(lastUsedFrom);
    }

    public Optional<Instant> lastUsedTo() {
        return Optional.ofNullable(lastUsedTo);
    }

    /** True: only tokens used at least once; false: only never-used tokens. */
    public Optional<Boolean> used() {
        return Optional.ofNullable(used);
    }

    /** Only tokens with this status at the instant the criterion was given for. */
    public Optional<TokenStatus> status() {
        return Optional.ofNullable(status);
    }

    /**
     * The status criterion's lower bound on the expiry, exclusive: a store queries {@code expiry > bound}. A token
     * that never expires lies after every bound. Empty when the criterion has none (expired) or there is no status.
     */
    public Optional<Instant> statusExpiresAfter() {
        return Optional.ofNullable(statusExpiresAfter);
    }

    /**
     * The status criterion's upper bound on the expiry, inclusive: a store queries {@code expiry <= bound}. A token
     * that never expires is never within it. Empty when the criterion has none (active) or there is no status.
     */
    public Optional<Instant> statusExpiresUntil() {
        return Optional.ofNullable(statusExpiresUntil);
    }

    public SortField sortBy() {
        return sortBy;
    }

    public boolean ascending() {
        return ascending;
    }

    public int page() {
        return page;
    }

    public int limit() {
        return limit;
    }

    public static final class Builder {
        private Set<String> userKeys = Collections.emptySet();
        private String nameContains;
        private Instant createdFrom;
        private Instant createdTo;
        private Instant expiresFrom;
        private Instant expiresTo;
        private Instant lastUsedFrom;
        private Instant lastUsedTo;
        private Boolean used;
        private TokenStatus status;
        private Instant statusAt;
        private int warningDays;
        private SortField sortBy = SortField.NAME;
        private boolean ascending = true;
        private int page;
        private int limit = DEFAULT_LIMIT;

        public Builder userKeys(Set<String> userKeys) {
            this.userKeys = userKeys;
            return this;
        }

        public Builder nameContains(String nameContains) {
            this.nameContains = nameContains == null || nameContains.isEmpty() ? null : nameContains;
            return this;
        }

        public Builder created(Instant from, Instant to) {
            this.createdFrom = from;
            this.createdTo = to;
            return this;
        }

        public Builder expires(Instant from, Instant to) {
            this.expiresFrom = from;
            this.expiresTo = to;
            return this;
        }

        public Builder lastUsed(Instant from, Instant to) {
            this.lastUsedFrom = from;
            this.lastUsedTo = to;
            return this;
        }

        public Builder used(Boolean used) {
            this.used = used;
            return this;
        }

        /**
         * Only tokens whose {@link AccessToken#status} at {@code now} under a warning window of {@code warningDays}
         * is {@code status}; null for any status.
         */
        public Builder status(TokenStatus status, Instant now, int warningDays) {
            if (status != null) {
                Objects.requireNonNull(now, "now");
                if (warningDays < 0) {
                    throw new IllegalArgumentException("warningDays < 0: " + warningDays);
                }
            }
            this.status = status;
            this.statusAt = now;
            this.warningDays = warningDays;
            return this;
        }

        public Builder sort(SortField sortBy, boolean ascending) {
            this.sortBy = sortBy;
            this.ascending = ascending;
            return this;
        }

        public Builder page(int page, int limit) {
            this.page = page;
            this.limit = limit;
            return this;
        }

        public TokenSearch build() {
            return new TokenSearch(this);
        }
    }
}
