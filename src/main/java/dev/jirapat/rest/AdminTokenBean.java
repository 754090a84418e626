package dev.jirapat.rest;

import dev.jirapat.token.AccessToken;
import dev.jirapat.token.TokenStatus;
import org.codehaus.jackson.annotate.JsonProperty;
import org.codehaus.jackson.annotate.JsonPropertyOrder;

/** A token in the admin search: a {@link TokenBean} plus its owner as {@code userProfileResource}. */
@JsonPropertyOrder({"id", "name", "createdAt", "expiringAt", "lastAccessedAt", "lastAccessedIp", "scope", "allowedIps",
        "createdBy", "status", "neverExpires", "origin", "userProfileResource"})
public final class AdminTokenBean extends TokenBean {
    @JsonProperty("userProfileResource")
    private final UserBean userProfileResource;

    AdminTokenBean(AccessToken token, String createdBy, TokenStatus status, UserBean owner) {
        super(token, createdBy, status);
        this.userProfileResource = owner;
    }
}
