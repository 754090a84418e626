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

    public TokenPage(List<AccessToken> values, int page, int limit, int total) {
        this.values = Collections.unmodifiableList(new ArrayList<>(values));
        this.page = page;
        this.limit = limit;
        this.total = total;
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

    public int total() {
        return total;
    }

    public int totalPages() {
        return (total + limit - 1) / limit;
    }

    public boolean isLastPage() {
        return (long) (page + 1) * limit >= total;
    }
}
