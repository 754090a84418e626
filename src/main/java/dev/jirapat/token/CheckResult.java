package dev.jirapat.token;

import java.util.Objects;
import java.util.Optional;

/** A {@link TokenCheck} with the stored token when one was found (so a failure can be logged by its hint). */
public final class CheckResult {
    private static final CheckResult MALFORMED = new CheckResult(TokenCheck.MALFORMED, null);
    private static final CheckResult UNKNOWN = new CheckResult(TokenCheck.UNKNOWN, null);

    private final TokenCheck outcome;
    private final AccessToken token;

    private CheckResult(TokenCheck outcome, AccessToken token) {
        this.outcome = outcome;
        this.token = token;
    }

    static CheckResult malformed() {
        return MALFORMED;
    }

    static CheckResult unknown() {
        return UNKNOWN;
    }

    static CheckResult of(TokenCheck outcome, AccessToken token) {
        return new CheckResult(outcome, Objects.requireNonNull(token));
    }

    public TokenCheck outcome() {
        return outcome;
    }

    public boolean isValid() {
        return outcome == TokenCheck.VALID;
    }

    public Optional<AccessToken> token() {
        return Optional.ofNullable(token);
    }

    @Override
    public String toString() {
        return "CheckResult[" + outcome + (token == null ? "" : ", " + token.hint()) + "]";
    }
}
