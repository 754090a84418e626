package dev.jirapat.token;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.Test;

public class TokenStringTest {
    private static final Pattern SCANNER = Pattern.compile("jpat_[0-9A-Za-z]{49}");
    private static final int SECRET_START = TokenString.PREFIX.length();
    private static final int CHECKSUM_START = SECRET_START + TokenString.SECRET_LENGTH;

    /** A deterministic SecureRandom, so a failure can be reproduced. */
    static SecureRandom seeded(long seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            return random;
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** A SecureRandom that always yields the same byte: the extremes of the 256-bit secret. */
    static SecureRandom constant(byte b) {
        return new SecureRandom() {
            private static final long serialVersionUID = 1L;

            @Override
            public void nextBytes(byte[] bytes) {
                Arrays.fill(bytes, b);
            }
        };
    }

    private static List<String> mintRaw(long seed, int count) {
        TokenMint mint = new TokenMint(seeded(seed));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(mint.mint().reveal());
        }
        return out;
    }

    private static String valid() {
        return new TokenMint(seeded(42)).mint().reveal();
    }

    private static String withChar(String s, int index, char c) {
        return s.substring(0, index) + c + s.substring(index + 1);
    }

    /** A token-shaped text whose checksum is right for whatever body it has, so only the other rules can reject it. */
    private static String withRightChecksum(String body) {
        return body + TokenString.checksumOf(body);
    }

    // ---- minting and round trip ----

    @Test
    public void parseOfMintedTokenThenEqualsTokenForTenThousandTokens() {
        TokenMint seededMint = new TokenMint(seeded(20240601L));
        TokenMint freshMint = new TokenMint(new SecureRandom());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            TokenString token = (i % 2 == 0 ? seededMint : freshMint).mint();
            String raw = token.reveal();
            assertEquals(raw, 54, raw.length());
            assertEquals(TokenString.LENGTH, raw.length());
            assertTrue(raw, SCANNER.matcher(raw).matches());
            Optional<TokenString> parsed = TokenString.parse(raw);
            assertTrue(raw, parsed.isPresent());
            assertEquals(token, parsed.get());
            assertEquals(token.hashCode(), parsed.get().hashCode());
            assertEquals(raw, parsed.get().reveal());
            assertTrue("duplicate token " + i, seen.add(raw));
        }
    }

    @Test
    public void mintWhenRandomIsAllZeroBitsThenSecretIsAllZeroDigitsAndParses() {
        String raw = new TokenMint(constant((byte) 0)).mint().reveal();
        assertEquals("0".repeat(TokenString.SECRET_LENGTH), raw.substring(SECRET_START, CHECKSUM_START));
        assertTrue(TokenString.parse(raw).isPresent());
    }

    @Test
    public void mintWhenRandomIsAllOneBitsThenSecretStillFitsFixedWidthAndParses() {
        // 2^256 - 1 needs all 43 places (62^42 < 2^256 <= 62^43).
        String raw = new TokenMint(constant((byte) 0xff)).mint().reveal();
        assertEquals(54, raw.length());
        assertTrue(SCANNER.matcher(raw).matches());
        assertNotEquals('0', raw.charAt(SECRET_START));
        assertTrue(TokenString.parse(raw).isPresent());
    }

    @Test
    public void mintWhenSameSeedThenSameTokenAndDifferentSeedThenDifferentToken() {
        assertEquals(mintRaw(7, 3), mintRaw(7, 3));
        assertNotEquals(mintRaw(7, 1), mintRaw(8, 1));
    }

    @Test
    public void equalsWhenDifferentTokensThenFalse() {
        List<String> raws = mintRaw(3, 2);
        TokenString a = TokenString.parse(raws.get(0)).get();
        TokenString b = TokenString.parse(raws.get(1)).get();
        assertNotEquals(a, b);
        assertNotEquals(a, raws.get(0));
        assertNotEquals(a, null);
    }

    @Test
    public void fromSecretWhenKnownSecretThenMatchesIndependentlyComputedVector() {
        // Computed outside Java: zlib.crc32 over the ASCII body, big-endian base62, zero-padded to 6 places.
        assertEquals("jpat_00000000000000000000000000000000000000000002kc7wU",
                TokenString.fromSecret("0".repeat(43)).reveal());
        assertEquals("jpat_zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz4USOkJ",
                TokenString.fromSecret("z".repeat(43)).reveal());
        assertTrue(TokenString.parse("jpat_00000000000000000000000000000000000000000002kc7wU").isPresent());
        assertTrue(TokenString.parse("jpat_zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz4USOkJ").isPresent());
    }

    // ---- every single-character change is caught ----

    @Test
    public void parseWhenAnySingleCharacterReplacedByAnotherBase62CharThenEmpty() {
        int checked = 0;
        for (String raw : mintRaw(99, 4)) {
            for (int i = 0; i < raw.length(); i++) {
                for (char c : Base62.ALPHABET.toCharArray()) {
                    if (c == raw.charAt(i)) {
                        continue;
                    }
                    String mutated = withChar(raw, i, c);
                    assertFalse("position " + i + " -> " + c + ": " + mutated, TokenString.parse(mutated).isPresent());
                    checked++;
                }
            }
        }
        // 4 tokens x 54 positions x at least 61 other characters (62 at the non-base62 underscore).
        assertTrue(checked >= 4 * 54 * 61);
    }

    @Test
    public void checksumWhenAnySingleSecretCharacterSubstitutedThenChecksumDiffers() {
        // CRC32 detects every error burst of at most 32 bits, so every one-byte substitution in the body changes it:
        // assert that property of the checksum itself, not just that parse rejects.
        for (String raw : mintRaw(123, 4)) {
            String body = raw.substring(0, CHECKSUM_START);
            String checksum = TokenString.checksumOf(body);
            assertEquals(raw.substring(CHECKSUM_START), checksum);
            for (int i = SECRET_START; i < CHECKSUM_START; i++) {
                for (char c : Base62.ALPHABET.toCharArray()) {
                    if (c != body.charAt(i)) {
                        assertNotEquals("position " + i + " -> " + c, checksum, TokenString.checksumOf(withChar(body, i, c)));
                    }
                }
            }
        }
    }

    @Test
    public void parseWhenAdjacentCharactersSwappedThenEmpty() {
        for (String raw : mintRaw(5, 4)) {
            for (int i = SECRET_START; i < raw.length() - 1; i++) {
                if (raw.charAt(i) == raw.charAt(i + 1)) {
                    continue;
                }
                char[] cs = raw.toCharArray();
                cs[i] = raw.charAt(i + 1);
                cs[i + 1] = raw.charAt(i);
                assertFalse("swap at " + i, TokenString.parse(new String(cs)).isPresent());
            }
        }
    }

    @Test
    public void parseWhenChecksumWrongThenEmpty() {
        String raw = valid();
        String body = raw.substring(0, CHECKSUM_START);
        assertFalse(TokenString.parse(body + "000000").isPresent());
        assertFalse(TokenString.parse(body + "zzzzzz").isPresent());
        // The checksum of another token's body.
        String other = new TokenMint(seeded(43)).mint().reveal();
        assertFalse(TokenString.parse(body + other.substring(CHECKSUM_START)).isPresent());
    }

    // ---- each rule rejects on its own, even with a checksum that matches ----

    @Test
    public void parseWhenNonBase62CharacterButChecksumMatchesThenEmpty() {
        // checksumOf encodes as US-ASCII, so a non-ASCII char hashes like '?': only the alphabet check stops these.
        String raw = valid();
        for (char c : new char[] {'-', '_', '+', '/', '=', '?', '.', ' ', '\u00e9', '\uff10', '\u0430', '\u0661'}) {
            String body = withChar(raw.substring(0, CHECKSUM_START), SECRET_START + 3, c);
            String forged = withRightChecksum(body);
            assertEquals(54, forged.length());
            assertFalse("char U+" + Integer.toHexString(c), TokenString.parse(forged).isPresent());
        }
    }

    @Test
    public void parseWhenPrefixWrongButChecksumMatchesThenEmpty() {
        String secret = valid().substring(SECRET_START, CHECKSUM_START);
        for (String prefix : new String[] {"JPAT_", "jpat-", "Jpat_", "jpaT_", "xpat_", "jpat0"}) {
            String forged = withRightChecksum(prefix + secret);
            assertEquals(54, forged.length());
            assertFalse(prefix, TokenString.parse(forged).isPresent());
        }
    }

    @Test
    public void parseWhenLengthOffByOneButChecksumMatchesThenEmpty() {
        String secret = valid().substring(SECRET_START, CHECKSUM_START);
        String short53 = withRightChecksum(TokenString.PREFIX + secret.substring(1));
        String long55 = withRightChecksum(TokenString.PREFIX + secret + "a");
        assertEquals(53, short53.length());
        assertEquals(55, long55.length());
        assertFalse(TokenString.parse(short53).isPresent());
        assertFalse(TokenString.parse(long55).isPresent());
    }

    // ---- hostile input never throws and is never accepted ----

    @Test
    public void parseWhenHostileInputThenEmptyAndNoException() {
        String raw = valid();
        String body = raw.substring(0, CHECKSUM_START);
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("null", null);
        cases.put("empty", "");
        cases.put("space", " ");
        cases.put("1 MB of a", "a".repeat(1 << 20));
        cases.put("prefix + 1 MB of base62", TokenString.PREFIX + "A".repeat(1 << 20));
        cases.put("1 MB of tokens", raw.repeat((1 << 20) / 54));
        cases.put("prefix only", "jpat_");
        cases.put("prefix + secret, no checksum", body);
        cases.put("upper-case prefix", "JPAT_" + raw.substring(SECRET_START));
        cases.put("dash prefix", "jpat-" + raw.substring(SECRET_START));
        cases.put("no prefix", raw.substring(SECRET_START));
        cases.put("length 53 (last char dropped)", raw.substring(0, 53));
        cases.put("length 53 (first secret char dropped)", TokenString.PREFIX + raw.substring(SECRET_START + 1));
        cases.put("length 55 (char appended)", raw + "0");
        cases.put("length 55 (char inserted)", TokenString.PREFIX + "0" + raw.substring(SECRET_START));
        cases.put("token twice", raw + raw);
        for (char c : new char[] {'-', '_', '+', '/', '=', '\u00e9', '\uff10', '\uff21', '\u0430', '\u0000'}) {
            cases.put("secret char U+" + Integer.toHexString(c), withChar(raw, SECRET_START + 10, c));
            cases.put("checksum char U+" + Integer.toHexString(c), withChar(raw, CHECKSUM_START + 2, c));
        }
        String emoji = "\uD83D\uDE00";
        cases.put("emoji in secret (same length)", raw.substring(0, 20) + emoji + raw.substring(22));
        cases.put("emoji in checksum (same length)", raw.substring(0, 50) + emoji + raw.substring(52));
        cases.put("base64 of token", Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.US_ASCII)));
        cases.put("base64url of token", Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII)));
        cases.put("url-encoded underscore", raw.replace("_", "%5F"));
        cases.put("url-encoded token in a query", URLEncoder.encode("token=" + raw, StandardCharsets.UTF_8));
        StringBuilder percent = new StringBuilder();
        for (char c : raw.toCharArray()) {
            percent.append(String.format("%%%02X", (int) c));
        }
        cases.put("fully percent-encoded", percent.toString());
        cases.put("Jira built-in PAT", "NTg4OTI1Mzk1OTA1OiBb9S4WPEoK6cmOe6pq6VO0lt6M");
        cases.put("leading space", " " + raw);
        cases.put("trailing space", raw + " ");
        cases.put("trailing newline", raw + "\n");
        cases.put("trailing CRLF", raw + "\r\n");
        cases.put("leading newline", "\n" + raw);
        cases.put("leading tab", "\t" + raw);
        cases.put("Bearer scheme included", "Bearer " + raw);
        cases.put("quoted", "\"" + raw + "\"");
        cases.put("secret replaced by lookalike Cyrillic", raw.replace('a', '\u0430'));
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Optional<TokenString> parsed;
            try {
                parsed = TokenString.parse(c.getValue());
            } catch (RuntimeException e) {
                throw new AssertionError(c.getKey() + " threw " + e, e);
            }
            assertFalse(c.getKey(), parsed.isPresent());
        }
    }

    @Test
    public void parseWhenOneMegabyteInputThenReturnsQuickly() {
        String huge = TokenString.PREFIX + "A".repeat(1 << 20);
        long start = System.nanoTime();
        for (int i = 0; i < 1000; i++) {
            assertFalse(TokenString.parse(huge).isPresent());
        }
        // A length check first means no scan of the megabyte: a thousand calls take far less than a second.
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis + " ms", millis < 1000);
    }

    // ---- the secret never shows ----

    @Test
    public void toStringWhenCalledThenContainsHintButNeverTheTokenOrItsSecret() {
        for (String raw : mintRaw(11, 50)) {
            TokenString token = TokenString.parse(raw).get();
            String text = token.toString();
            String secret = raw.substring(SECRET_START, CHECKSUM_START);
            assertFalse(text, text.contains(raw));
            assertFalse(text, text.contains(secret));
            // Not even a recognisable piece of the secret.
            for (int i = 0; i + 8 <= secret.length(); i++) {
                assertFalse(text, text.contains(secret.substring(i, i + 8)));
            }
            assertTrue(text, text.contains(token.hint()));
            assertEquals(text, String.valueOf(token));
        }
    }

    @Test
    public void hintWhenCalledThenIsPrefixEllipsisAndLastFourCharacters() {
        for (String raw : mintRaw(12, 50)) {
            String hint = TokenString.parse(raw).get().hint();
            assertEquals("jpat_\u2026" + raw.substring(50), hint);
            assertEquals(10, hint.length());
            // The last four come from the checksum, so the hint holds nothing of the secret.
            assertTrue(raw.substring(CHECKSUM_START).endsWith(hint.substring(6)));
        }
    }
}
