package dev.jirapat.token;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@link TokenChecker} decided: accepted, with the token and its owner (the account the request is logged in
 * as), or refused for one {@link TokenRefusal}, with the token when it was found (so the refusal can be logged by
 * its hint). Never holds the presented text.
 */
public final class CheckResult {
    private final TokenRefusal refusal;
    private final AccessToken token;
    private final UserAccount owner;

    private CheckResult(TokenRefusal refusal, AccessToken token, UserAccount owner) {
        this.refusal = refusal;
        this.token = token;
        this.owner = owner;
    }

    static CheckResult accepted(AccessToken token, UserAccount owner) {
        return new CheckResult(null, Objects.requireNonNull(token), Objects.requireNonNull(owner));
    }

    /** Refused before a token was found. */
    static CheckResult refused(TokenRefusal refusal) {
        return new CheckResult(Objects.requireNonNull(refusal), null, null);
    }

    /** Refused for what the found token may not do. */
    static CheckResult refused(TokenRefusal refusal, AccessToken found) {
        return new CheckResult(Objects.requireNonNull(refusal), Objects.requireNonNull(found), null);
    }

    public boolean isAccepted() {
        return refusal == null;
    }

    /** Why the token was refused; empty when it was accepted. */
    public Optional<TokenRefusal> refusal() {
        return Optional.ofNullable(refusal);
    }

    /** The token: always when accepted, when refused only if it was found. */
    public Optional<AccessToken> token() {
        return Optional.ofNullable(token);
    }

    /** The token's owner, active: only when accepted. */
    public Optional<UserAccount> owner() {
        return Optional.ofNullable(owner);
    }

    @Override
    public String toString() {
        return "CheckResult[" + (refusal == null ? "accepted" : refusal.name())
                + (token == null ? "" : ", " + token.hint()) + "]";
    }
}
