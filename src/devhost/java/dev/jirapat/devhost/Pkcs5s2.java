package dev.jirapat.devhost;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * Jira's password hash (Atlassian PKCS5S2): PBKDF2-HMAC-SHA1, 10,000 rounds, 16-byte salt, 32-byte key,
 * stored as {@code {PKCS5S2}base64(salt || key)}. The fixture users' passwords cost here what they cost in Jira.
 */
public final class Pkcs5s2 {
    private static final String PREFIX = "{PKCS5S2}";
    private static final int ROUNDS = 10_000;

    private Pkcs5s2() {
    }

    public static String hash(String password) {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        byte[] key = derive(password, salt);
        byte[] both = Arrays.copyOf(salt, 48);
        System.arraycopy(key, 0, both, 16, 32);
        return PREFIX + Base64.getEncoder().encodeToString(both);
    }

    public static boolean verify(String password, String stored) {
        if (password == null || stored == null || !stored.startsWith(PREFIX)) {
            return false;
        }
        byte[] both = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        if (both.length != 48) {
            return false;
        }
        byte[] salt = Arrays.copyOf(both, 16);
        byte[] expected = Arrays.copyOfRange(both, 16, 48);
        return MessageDigest.isEqual(expected, derive(password, salt));
    }

    private static byte[] derive(String password, byte[] salt) {
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA1")
                    .generateSecret(new PBEKeySpec(password.toCharArray(), salt, ROUNDS, 256)).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
