package dev.jirapat.rest;

import org.codehaus.jackson.annotate.JsonProperty;
import org.codehaus.jackson.annotate.JsonPropertyOrder;

import java.util.List;

/** One page of the admin search: {@code {values, page, size, isLastPage, totalPages}} as the built-in app. */
@JsonPropertyOrder({"values", "page", "size", "isLastPage", "totalPages"})
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

    TokenPageBean(List<AdminTokenBean> values, int page, int size, boolean lastPage, int totalPages) {
        this.values = values;
        this.page = page;
        this.size = size;
        this.lastPage = lastPage;
        this.totalPages = totalPages;
    }
}
