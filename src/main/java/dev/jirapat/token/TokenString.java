package dev.jirapat.token;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * A token as a user holds it: {@code jpat_} + 43 base62 characters of secret + 6 base62 characters of CRC32
 * over everything before them. The checksum lets us (and secret scanners) reject a mistyped or forged string
 * without touching the database. Never printed: {@link #toString()} redacts.
 */
public final class TokenString {
    public static final String PREFIX = "jpat_";
    static final int SECRET_LENGTH = 43;
    static final int CHECKSUM_LENGTH = 6;
    public static final int LENGTH = PREFIX.length() + SECRET_LENGTH + CHECKSUM_LENGTH;

    private final String value;

    private TokenString(String value) {
        this.value = value;
    }

    /** The token for this exact text, or empty for anything that is not a well-formed token of ours. */
    public static Optional<TokenString> parse(String text) {
        if (text == null || text.length() != LENGTH || !text.startsWith(PREFIX)) {
            return Optional.empty();
        }
        for (int i = PREFIX.length(); i < LENGTH; i++) {
            if (!Base62.isBase62(text.charAt(i))) {
                return Optional.empty();
            }
        }
        String body = text.substring(0, LENGTH - CHECKSUM_LENGTH);
        String checksum = text.substring(LENGTH - CHECKSUM_LENGTH);
        return checksum.equals(checksumOf(body)) ? Optional.of(new TokenString(text)) : Optional.empty();
    }

    /** Builds a token from a 43-character base62 secret (used by {@link TokenMint}). */
    static TokenString fromSecret(String secret) {
        String body = PREFIX + secret;
        return new TokenString(body + checksumOf(body));
    }

    /** Whether the text claims to be one of ours (our prefix), well-formed or not: such a token is ours to refuse. */
    public static boolean looksLikeOurs(String text) {
        return text != null && text.startsWith(PREFIX);
    }

    static String checksumOf(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        return Base62.encode(crc.getValue(), CHECKSUM_LENGTH);
    }

    /** The raw token: only for hashing and for the one response that hands it to its owner. */
    public String reveal() {
        return value;
    }

    /** A short, non-secret label that lets a person recognise the token: prefix and last four characters. */
    public String hint() {
        return PREFIX + "\u2026" + value.substring(LENGTH - 4);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TokenString && java.security.MessageDigest.isEqual(
                value.getBytes(StandardCharsets.US_ASCII), ((TokenString) o).value.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "TokenString[" + hint() + "]";
    }
}
