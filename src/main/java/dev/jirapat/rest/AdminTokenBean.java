package dev.jirapat.rest;

import dev.jirapat.token.AccessToken;
import dev.jirapat.token.TokenStatus;

/**
 * A token in the admin search: a {@link TokenBean} plus its owner as {@code userProfileResource} and, as an
 * extension, {@code ownerActive}: false when the owner is deactivated (the token is refused until the user is
 * active again) or no longer exists (the daily job removes such tokens).
 */
public final class AdminTokenBean extends TokenBean {
    private final UserBean userProfileResource;
    private final boolean ownerActive;

    AdminTokenBean(AccessToken token, String createdBy, TokenStatus status, UserBean owner, boolean ownerActive) {
        super(token, createdBy, status);
        this.userProfileResource = owner;
        this.ownerActive = ownerActive;
    }

    @Override
    void writeFields(JsonWriter out) {
        super.writeFields(out);
        out.field("userProfileResource", userProfileResource).field("ownerActive", ownerActive);
    }
}
