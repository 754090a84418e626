package dev.jirapat.token;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Tokens and table rows of Jira's built-in app, built from the documented structure, for tests in any package: a
 * token is Base64 of a 12-digit id, ':' and 20 random bytes; its row holds the id and a PKCS5S2 hash of the secret's
 * Base64 text.
 */
public final class BuiltinFixtures {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One issued built-in token: what its holder presents, and what the built-in app's table holds. */
    public static final class Issued {
        public final String tokenId;
        public final String presented;
        public final String hashedToken;

        Issued(String tokenId, String presented, String hashedToken) {
            this.tokenId = tokenId;
            this.presented = presented;
            this.hashedToken = hashedToken;
        }

        /** The same id with another secret: what a guesser who knows the id might present. */
        public String wrongSecret() {
            byte[] other = new byte[20];
            RANDOM.nextBytes(other);
            return BuiltinToken.of(tokenId, other).reveal();
        }
    }

    private BuiltinFixtures() {
    }

    /** A token with a random id (never starting with 0, so spreadsheets keep it) and its row's hash. */
    public static Issued issue() {
        return issue(randomId());
    }

    public static Issued issue(String tokenId) {
        byte[] secret = new byte[20];
        RANDOM.nextBytes(secret);
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        BuiltinToken token = BuiltinToken.of(tokenId, secret);
        return new Issued(tokenId, token.reveal(),
                Pkcs5s2Hash.of(Base64.getEncoder().encodeToString(secret), salt).text());
    }

    /** A row's hash without its token (for imports whose tokens are never presented): no PBKDF2 cost. */
    public static String someHash() {
        byte[] both = new byte[48];
        RANDOM.nextBytes(both);
        return Pkcs5s2Hash.PREFIX + Base64.getEncoder().encodeToString(both);
    }

    public static String randomId() {
        StringBuilder id = new StringBuilder().append((char) ('1' + RANDOM.nextInt(9)));
        while (id.length() < 12) {
            id.append((char) ('0' + RANDOM.nextInt(10)));
        }
        return id.toString();
    }

    /** The token an id would have with the secret of {@code other}: its row may share other's hash. */
    public static String issueWithSecretOf(Issued other, String tokenId) {
        byte[] bytes = java.util.Base64.getDecoder().decode(other.presented);
        byte[] secret = java.util.Arrays.copyOfRange(bytes, 13, 33);
        return BuiltinToken.of(tokenId, secret).reveal();
    }
}
