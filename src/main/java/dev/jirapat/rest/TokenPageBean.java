package dev.jirapat.rest;

import org.codehaus.jackson.annotate.JsonProperty;
import org.codehaus.jackson.annotate.JsonPropertyOrder;

import java.util.List;

/**
 * One page of the admin search: {@code {values, page, size, isLastPage, totalPages}} as the built-in app, plus
 * {@code "totalPagesAtLeast": true} when the count stopped early (a large result): then {@code totalPages} is a
 * lower bound and {@code isLastPage} false.
 */
@JsonPropertyOrder({"values", "page", "size", "isLastPage", "totalPages", "totalPagesAtLeast"})
public final class TokenPageBean {
    @JsonProperty("values")
    private final List<AdminTokenBean> values;
    @JsonProperty("page")
    private final int page;
    @JsonProperty("size")
    private final int size;
    @JsonProperty("isLastPage")
    private final boolean lastPage;
    @JsonProperty("totalPages")
    private final int totalPages;
    @JsonProperty("totalPagesAtLeast")
    private final Boolean totalPagesAtLeast; // null (omitted) when totalPages is exact

    TokenPageBean(List<AdminTokenBean> values, int page, int size, boolean lastPage, int totalPages, boolean exact) {
        this.values = values;
        this.page = page;
        this.size = size;
        this.lastPage = lastPage;
        this.totalPages = totalPages;
        this.totalPagesAtLeast = exact ? null : Boolean.TRUE;
    }
}
