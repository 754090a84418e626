package dev.jirapat.token;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** One page of an admin search. */
public final class TokenPage {
    private final List<AccessToken> values;
    private final int page;
    private final int limit;
    private final int total;
    private final boolean totalExact;

    public TokenPage(List<AccessToken> values, int page, int limit, int total) {
        this(values, page, limit, total, true);
    }

    /**
     * {@code totalExact} false: the store stopped counting, {@code total} is a lower bound (more tokens match) and
     * this page is not the last.
     */
    public TokenPage(List<AccessToken> values, int page, int limit, int total, boolean totalExact) {
        this.values = Collections.unmodifiableList(new ArrayList<>(values));
        this.page = page;
        this.limit = limit;
        this.total = total;
        this.totalExact = totalExact;
    }

    public List<AccessToken> values() {
        return values;
    }

    public int page() {
        return page;
    }

    /** How many tokens this page holds. */
    public int size() {
        return values.size();
    }

    /** How many tokens match; at least this many when not {@link #totalExact()}. */
    public int total() {
        return total;
    }

    public boolean totalExact() {
        return totalExact;
    }

    public int totalPages() {
        return (total + limit - 1) / limit;
    }

    public boolean isLastPage() {
        return totalExact && (long) (page + 1) * limit >= total;
    }
}
