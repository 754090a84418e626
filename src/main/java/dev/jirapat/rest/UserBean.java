package dev.jirapat.rest;

import dev.jirapat.token.UserAccount;

/**
 * A user as the built-in app's admin API shows one: {@code {userKey, username, fullName, email}}, each as text a
 * user chose ({@link JsonWriter#userTextField}): a user Jira no longer knows has {@code null} for the last three.
 */
public final class UserBean implements JsonWritable {
    private final String userKey;
    private final String username;
    private final String fullName;
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

    @Override
    public void writeJson(JsonWriter out) {
        out.beginObject()
                .userTextField("userKey", userKey)
                .userTextField("username", username)
                .userTextField("fullName", fullName)
                .userTextField("email", email)
                .endObject();
    }
}
