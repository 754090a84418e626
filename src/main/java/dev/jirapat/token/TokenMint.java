package dev.jirapat.token;

import java.math.BigInteger;
import java.security.SecureRandom;

/** Mints new tokens: 256 bits from an injected {@link SecureRandom}. */
public final class TokenMint {
    private static final int SECRET_BYTES = 32;

    private final SecureRandom random;

    public TokenMint(SecureRandom random) {
        this.random = random;
    }

    public TokenString mint() {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return TokenString.fromSecret(Base62.encode(new BigInteger(1, bytes), TokenString.SECRET_LENGTH));
    }
}
