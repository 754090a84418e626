package dev.jirapat.token;

import java.util.Objects;
import java.util.Optional;

/** Who is calling a use case: a user key, and the token that authenticated the request, if any. */
public final class Actor {
    private final String userKey;
    private final AccessToken viaToken;

    private Actor(String userKey, AccessToken viaToken) {
        this.userKey = Objects.requireNonNull(userKey, "userKey");
        this.viaToken = viaToken;
    }

    public static Actor user(String userKey) {
        return new Actor(userKey, null);
    }

    public static Actor viaToken(AccessToken token) {
        return new Actor(token.ownerKey(), token);
    }

    public String userKey() {
        return userKey;
    }

    public Optional<AccessToken> viaToken() {
        return Optional.ofNullable(viaToken);
    }

    @Override
    public String toString() {
        return "Actor[" + userKey + (viaToken == null ? "" : " via " + viaToken.hint()) + "]";
    }
}
