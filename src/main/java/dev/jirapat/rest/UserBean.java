package dev.jirapat.rest;

import dev.jirapat.token.UserAccount;
import org.codehaus.jackson.annotate.JsonProperty;
import org.codehaus.jackson.annotate.JsonPropertyOrder;
import org.codehaus.jackson.map.annotate.JsonSerialize;

/** A user as the built-in app's admin API shows one: {@code {userKey, username, fullName, email}}. */
@JsonPropertyOrder({"userKey", "username", "fullName", "email"})
public final class UserBean {
    @JsonProperty("userKey")
    @JsonSerialize(using = Utf8Text.class)
    private final String userKey;
    @JsonProperty("username")
    @JsonSerialize(using = Utf8Text.class)
    private final String username;
    @JsonProperty("fullName")
    @JsonSerialize(using = Utf8Text.class)
    private final String fullName;
    @JsonProperty("email")
    @JsonSerialize(using = Utf8Text.class)
    private final String email;

    UserBean(UserAccount user) {
        this.userKey = user.key();
        this.username = user.username();
        this.fullName = user.displayName();
        this.email = user.email();
    }

    /** A user Jira no longer knows: only the key the token row holds. */
    UserBean(String userKey) {
        this.userKey = userKey;
        this.username = null;
        this.fullName = null;
        this.email = null;
    }
}
