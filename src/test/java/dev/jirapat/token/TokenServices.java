package dev.jirapat.token;

import java.security.SecureRandom;
import java.time.Clock;

/** A {@link TokenService} for tests that do not look at its events (real mint, events dropped), and issued tokens. */
public final class TokenServices {
    private TokenServices() {
    }

    public static TokenService of(TokenStore store, Users users, InMemoryPolicy policy, Clock clock) {
        return new TokenService(store, users, policy, policy, new TokenMint(new SecureRandom()), event -> { }, clock);
    }

    /** A token as creation hands it out, with the raw token made from {@code secret} (43 Base62 characters). */
    public static IssuedToken issued(AccessToken token, String secret) {
        return new IssuedToken(token, TokenString.fromSecret(secret));
    }
}
