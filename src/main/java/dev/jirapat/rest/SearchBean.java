package dev.jirapat.rest;

import java.util.Arrays;
import java.util.List;

/**
 * {@code POST /tokens/search}, the built-in app's admin search, read from the body's JSON object. Every field is
 * optional (null when absent or JSON {@code null}); {@code tokenNameFilterExpression} is accepted and, as in the
 * built-in app, not used. {@code status} ({@code active}, {@code expiresSoon}, {@code expired}) is this app's.
 */
final class SearchBean {
    private static final List<String> FIELDS = Arrays.asList("userKeys", "name", "tokenNameFilterExpression",
            "tokenCreatedDateFrom", "tokenCreatedDateTo", "tokenExpiryDateFrom", "tokenExpiryDateTo",
            "lastAuthenticatedDateFrom", "lastAuthenticatedDateTo", "isUsed", "status", "sortBy", "orderBy", "page", "limit");

    final JsonInput userKeys;
    final JsonInput name;
    final JsonInput tokenNameFilterExpression;
    final JsonInput createdFrom;
    final JsonInput createdTo;
    final JsonInput expiryFrom;
    final JsonInput expiryTo;
    final JsonInput lastUsedFrom;
    final JsonInput lastUsedTo;
    final JsonInput used;
    final JsonInput status;
    final JsonInput sortBy;
    final JsonInput orderBy;
    final JsonInput page;
    final JsonInput limit;
    /** Fields of the body that are not search criteria, in the order sent. */
    final List<String> unknown;

    SearchBean(JsonInput body) {
        this.userKeys = body.member("userKeys");
        this.name = body.member("name");
        this.tokenNameFilterExpression = body.member("tokenNameFilterExpression");
        this.createdFrom = body.member("tokenCreatedDateFrom");
        this.createdTo = body.member("tokenCreatedDateTo");
        this.expiryFrom = body.member("tokenExpiryDateFrom");
        this.expiryTo = body.member("tokenExpiryDateTo");
        this.lastUsedFrom = body.member("lastAuthenticatedDateFrom");
        this.lastUsedTo = body.member("lastAuthenticatedDateTo");
        this.used = body.member("isUsed");
        this.status = body.member("status");
        this.sortBy = body.member("sortBy");
        this.orderBy = body.member("orderBy");
        this.page = body.member("page");
        this.limit = body.member("limit");
        this.unknown = body.unknownMembers(FIELDS);
    }
}
