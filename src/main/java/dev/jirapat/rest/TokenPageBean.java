package dev.jirapat.rest;

import java.util.List;

/**
 * One page of the admin search: {@code {values, page, size, isLastPage, totalPages}} as the built-in app, plus
 * {@code "totalPagesAtLeast": true} when the count stopped early (a large result): then {@code totalPages} is a
 * lower bound and {@code isLastPage} false.
 */
public final class TokenPageBean implements JsonWritable {
    private final List<AdminTokenBean> values;
    private final int page;
    private final int size;
    private final boolean lastPage;
    private final int totalPages;
    private final boolean exact;

    TokenPageBean(List<AdminTokenBean> values, int page, int size, boolean lastPage, int totalPages, boolean exact) {
        this.values = values;
        this.page = page;
        this.size = size;
        this.lastPage = lastPage;
        this.totalPages = totalPages;
        this.exact = exact;
    }

    @Override
    public void writeJson(JsonWriter out) {
        out.beginObject()
                .field("values", values)
                .field("page", page)
                .field("size", size)
                .field("isLastPage", lastPage)
                .field("totalPages", totalPages);
        if (!exact) {
            out.field("totalPagesAtLeast", true); // omitted when totalPages is exact
        }
        out.endObject();
    }
}
