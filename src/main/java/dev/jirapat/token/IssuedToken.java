package dev.jirapat.token;

/**
 * A freshly created or rotated token together with its raw value. The only object that carries the raw token;
 * it lives for the one response that hands the token to its owner.
 */
public final class IssuedToken {
    private final AccessToken token;
    private final TokenString raw;

    IssuedToken(AccessToken token, TokenString raw) {
        this.token = token;
        this.raw = raw;
    }

    public AccessToken token() {
        return token;
    }

    public String rawToken() {
        return raw.reveal();
    }

    @Override
    public String toString() {
        return "IssuedToken[" + token + "]";
    }
}
