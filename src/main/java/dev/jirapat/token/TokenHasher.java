package dev.jirapat.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-256 of the whole token, as lower-case hex. A 256-bit random secret cannot be brute-forced, so a slow
 * password hash would only cost every request milliseconds (Jira's built-in PBKDF2 verify costs about 4 ms; see
 * docs/benchmarks.md). The algorithm name is stored with each row so it can change later.
 */
public final class TokenHasher {
    public static final String ALGORITHM = "SHA-256";
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private TokenHasher() {
    }

    public static String hash(TokenString token) {
        return sha256Hex(token.reveal());
    }

    /** SHA-256 of the text's ASCII bytes as lower-case hex: our tokens, and presented built-in tokens' cache key. */
    static String sha256Hex(String text) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance(ALGORITHM);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
        byte[] sum = digest.digest(text.getBytes(StandardCharsets.US_ASCII));
        char[] out = new char[sum.length * 2];
        for (int i = 0; i < sum.length; i++) {
            out[2 * i] = HEX[(sum[i] >> 4) & 0xf];
            out[2 * i + 1] = HEX[sum[i] & 0xf];
        }
        return new String(out);
    }

    /**
     * Constant-time comparison of two hashes: true only for equal strings. Compares chars, not encoded bytes:
     * encoding would map every non-ASCII char (or lone surrogate) to '?', making unequal strings "same".
     */
    public static boolean same(String a, String b) {
        if (a == null || b == null || a.length() != b.length()) {
            return false;
        }
        int diff = 0;
        for (int i = 0; i < a.length(); i++) {
            diff |= a.charAt(i) ^ b.charAt(i);
        }
        return diff == 0;
    }
}
