package dev.jirapat.rest;

import dev.jirapat.token.AccessToken;
import dev.jirapat.token.TokenStatus;
import org.codehaus.jackson.annotate.JsonProperty;
import org.codehaus.jackson.annotate.JsonPropertyOrder;

/**
 * A token in the admin search: a {@link TokenBean} plus its owner as {@code userProfileResource} and, as an
 * extension, {@code ownerActive}: false when the owner is deactivated (the token is refused until the user is
 * active again) or no longer exists (the daily job removes such tokens).
 */
@JsonPropertyOrder({"id", "name", "createdAt", "expiringAt", "lastAccessedAt", "lastAccessedIp", "scope", "allowedIps",
        "createdBy", "status", "neverExpires", "origin", "userProfileResource", "ownerActive"})
public final class AdminTokenBean extends TokenBean {
    @JsonProperty("userProfileResource")
    private final UserBean userProfileResource;

    @JsonProperty("ownerActive")
    private final boolean ownerActive;

    AdminTokenBean(AccessToken token, String createdBy, TokenStatus status, UserBean owner, boolean ownerActive) {
        super(token, createdBy, status);
        this.userProfileResource = owner;
        this.ownerActive = ownerActive;
    }
}
