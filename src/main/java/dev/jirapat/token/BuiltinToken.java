package dev.jirapat.token;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * A token issued by Jira's built-in PAT app, as its holder presents it: standard Base64 (44 characters, no
 * padding) of 33 bytes, a 12-digit ASCII id, {@code ':'} and 20 random bytes. The app stores the id in clear and
 * a PKCS5S2 hash of the secret's own Base64 text, so the check is: find the row by id, verify the secret
 * against its hash ({@link Pkcs5s2Hash}). No checksum: any 44 characters of that shape may be one.
 * Never printed: {@link #toString()} shows the id only.
 */
public final class BuiltinToken {
    public static final int LENGTH = 44;
    static final int ID_LENGTH = 12;
    private static final int PREFIX_HINT_LENGTH = 8;
    private static final int SECRET_BYTES = 20;

    private final String presented;
    private final String id;
    private final String secretText;

    private BuiltinToken(String presented, String id, String secretText) {
        this.presented = presented;
        this.id = id;
        this.secretText = secretText;
    }

    /** The token for exactly this text, or empty for anything not of the built-in app's shape. Never throws. */
    public static Optional<BuiltinToken> parse(String text) {
        if (text == null || text.length() != LENGTH || text.charAt(0) < 'M' || text.charAt(0) > 'O') {
            return Optional.empty();
        }
        if (!isStandardBase64(text)) {
            return Optional.empty();
        }
        byte[] bytes = Base64.getDecoder().decode(text); // 44 alphabet characters: always 33 bytes, never throws
        for (int i = 0; i < ID_LENGTH; i++) {
            if (bytes[i] < '0' || bytes[i] > '9') {
                return Optional.empty();
            }
        }
        if (bytes[ID_LENGTH] != ':') {
            return Optional.empty();
        }
        // Base64 of 33 bytes has no spare bits, so this text is the only spelling of these bytes.
        String id = new String(bytes, 0, ID_LENGTH, StandardCharsets.US_ASCII);
        byte[] secret = Arrays.copyOfRange(bytes, ID_LENGTH + 1, ID_LENGTH + 1 + SECRET_BYTES);
        String secretText = Base64.getEncoder().encodeToString(secret);
        Arrays.fill(secret, (byte) 0);
        return Optional.of(new BuiltinToken(text, id, secretText));
    }

    /**
     * Whether every character is of the standard Base64 alphabet (RFC 4648, no padding): the built-in app's
     * formats, checked before decoding so that decoding never throws and no other spelling is accepted.
     */
    static boolean isStandardBase64(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/')) {
                return false;
            }
        }
        return true;
    }

    /** Builds a token from its parts, as the built-in app does (for tests and the dev host's fixtures). */
    static BuiltinToken of(String id, byte[] secret) {
        if (id.length() != ID_LENGTH || !id.chars().allMatch(c -> c >= '0' && c <= '9') || secret.length != SECRET_BYTES) {
            throw new IllegalArgumentException("a built-in token is a 12-digit id and 20 secret bytes");
        }
        byte[] bytes = new byte[ID_LENGTH + 1 + SECRET_BYTES];
        System.arraycopy(id.getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, ID_LENGTH);
        bytes[ID_LENGTH] = ':';
        System.arraycopy(secret, 0, bytes, ID_LENGTH + 1, SECRET_BYTES);
        return parse(Base64.getEncoder().encodeToString(bytes)).orElseThrow(IllegalStateException::new);
    }

    /** The built-in app's {@code TOKEN_ID}: not secret, the key an imported row is found by. */
    public String id() {
        return id;
    }

    /** Whether the secret matches the built-in app's stored hash (PBKDF2: milliseconds; cache the answer). */
    public boolean matches(Pkcs5s2Hash stored) {
        return stored.matches(secretText);
    }

    /**
     * The key a successful check is remembered by, like our own tokens: SHA-256 of the whole presented text, as
     * lower-case hex. Not the stored PKCS5S2 hash, which needs the salt to recompute.
     */
    public String cacheKey() {
        return TokenHasher.sha256Hex(presented);
    }

    /**
     * What the holder sees of it, for mail and lists: its first 8 characters (they encode 6 digits of the id,
     * which is not secret) and its last 4.
     */
    public String hint() {
        return presented.substring(0, PREFIX_HINT_LENGTH) + "\u2026" + presented.substring(LENGTH - 4);
    }

    /**
     * The hint of an imported token before its first use, from its id alone: the first 8 characters every token
     * with this id starts with (Base64 of the id's first 6 digits), so its holder can recognise it.
     */
    public static String hintOfId(String id) {
        if (id == null || id.length() != ID_LENGTH || !id.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("a built-in token id is 12 digits");
        }
        return Base64.getEncoder().encodeToString(id.substring(0, 6).getBytes(StandardCharsets.US_ASCII)) + "\u2026";
    }

    /** Whether {@code id} is a built-in app's token id: exactly 12 ASCII digits. */
    public static boolean isId(String id) {
        return id != null && id.length() == ID_LENGTH && id.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** The token as presented: only for a test that must send it. */
    String reveal() {
        return presented;
    }

    @Override
    public String toString() {
        return "BuiltinToken[id=" + id + "]";
    }
}
