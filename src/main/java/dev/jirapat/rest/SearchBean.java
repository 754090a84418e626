package dev.jirapat.rest;

import org.codehaus.jackson.annotate.JsonAnySetter;
import org.codehaus.jackson.annotate.JsonProperty;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /tokens/search}, the built-in app's admin search (reference/anchors-pat.md §1.4). Every field is
 * optional; {@code tokenNameFilterExpression} is accepted and, as in the built-in app, not used.
 */
public final class SearchBean {
    @JsonProperty("userKeys")
    JsonInput userKeys;
    @JsonProperty("name")
    JsonInput name;
    @JsonProperty("tokenNameFilterExpression")
    JsonInput tokenNameFilterExpression;
    @JsonProperty("tokenCreatedDateFrom")
    JsonInput createdFrom;
    @JsonProperty("tokenCreatedDateTo")
    JsonInput createdTo;
    @JsonProperty("tokenExpiryDateFrom")
    JsonInput expiryFrom;
    @JsonProperty("tokenExpiryDateTo")
    JsonInput expiryTo;
    @JsonProperty("lastAuthenticatedDateFrom")
    JsonInput lastUsedFrom;
    @JsonProperty("lastAuthenticatedDateTo")
    JsonInput lastUsedTo;
    @JsonProperty("isUsed")
    JsonInput used;
    @JsonProperty("sortBy")
    JsonInput sortBy;
    @JsonProperty("orderBy")
    JsonInput orderBy;
    @JsonProperty("page")
    JsonInput page;
    @JsonProperty("limit")
    JsonInput limit;

    final List<String> unknown = new ArrayList<>();

    @JsonAnySetter
    public void unknown(String field, JsonInput value) {
        unknown.add(field);
    }
}
