package dev.jirapat.token;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * Atlassian's PKCS5S2 password hash, as Jira's built-in PAT app stores a token's secret:
 * {@code "{PKCS5S2}" + Base64(16-byte salt || 32-byte PBKDF2-HMAC-SHA1 key)}, 10,000 iterations; 73 characters.
 * Only verified here, never produced for new tokens (ours use SHA-256 of a 256-bit secret). Its text is
 * treated like a secret: {@link #toString()} does not show it.
 */
public final class Pkcs5s2Hash {
    public static final String PREFIX = "{PKCS5S2}";
    /** The stored algorithm name of an imported token whose hash is still the built-in app's. */
    public static final String ALGORITHM = "PKCS5S2";
    static final int ITERATIONS = 10_000;
    private static final int SALT_BYTES = 16;
    private static final int KEY_BYTES = 32;
    private static final int ENCODED_LENGTH = 64; // Base64 of 48 bytes, no padding needed

    private final String text;
    private final byte[] salt;
    private final byte[] key;

    private Pkcs5s2Hash(String text, byte[] salt, byte[] key) {
        this.text = text;
        this.salt = salt;
        this.key = key;
    }

    /** The hash for exactly this text, or empty for anything not of this format. Never throws. */
    public static Optional<Pkcs5s2Hash> parse(String text) {
        if (text == null || text.length() != PREFIX.length() + ENCODED_LENGTH || !text.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String encoded = text.substring(PREFIX.length());
        if (!BuiltinToken.isStandardBase64(encoded)) {
            return Optional.empty();
        }
        byte[] both = Base64.getDecoder().decode(encoded);
        return Optional.of(new Pkcs5s2Hash(text, Arrays.copyOf(both, SALT_BYTES),
                Arrays.copyOfRange(both, SALT_BYTES, SALT_BYTES + KEY_BYTES)));
    }

    /** Hashes {@code secret} with {@code salt} (for tests that build the built-in app's rows themselves). */
    static Pkcs5s2Hash of(String secret, byte[] salt) {
        byte[] both = Arrays.copyOf(salt, SALT_BYTES + KEY_BYTES);
        System.arraycopy(derive(secret, salt), 0, both, SALT_BYTES, KEY_BYTES);
        return parse(PREFIX + Base64.getEncoder().encodeToString(both)).orElseThrow(IllegalStateException::new);
    }

    /** Whether {@code secret} hashes to this value; compares in constant time. */
    public boolean matches(String secret) {
        return secret != null && MessageDigest.isEqual(key, derive(secret, salt));
    }

    /** The stored text, for the store only. */
    public String text() {
        return text;
    }

    private static byte[] derive(String secret, byte[] salt) {
        // The JDK encodes the characters as UTF-8, as the built-in app's PBKDF2 does; a secret's Base64 text is ASCII.
        PBEKeySpec spec = new PBEKeySpec(secret.toCharArray(), salt, ITERATIONS, KEY_BYTES * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA1").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform must provide PBKDF2WithHmacSHA1", e);
        } finally {
            spec.clearPassword();
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Pkcs5s2Hash && TokenHasher.same(text, ((Pkcs5s2Hash) o).text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return "Pkcs5s2Hash[redacted]";
    }
}
