package dev.jirapat.token;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.Test;

public class TokenHasherTest {
    private static final Pattern LOWER_HEX_64 = Pattern.compile("[0-9a-f]{64}");

    private static String independentSha256Hex(String text) throws Exception {
        byte[] sum = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sum);
    }

    @Test
    public void hashWhenKnownTokenThenFixedSha256Vector() {
        // sha256sum of the 54 ASCII bytes, computed outside Java.
        TokenString token = TokenString.parse("jpat_00000000000000000000000000000000000000000002kc7wU").get();
        assertEquals("7ba66dc92cca01925b95c950bdf3c2fd582dd55384efa2120a19ac8a94fef428", TokenHasher.hash(token));
        TokenString other = TokenString.parse("jpat_zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz4USOkJ").get();
        assertEquals("c253583ebc830217c2d3eeee130bfda16b87f2d8dff9f6936e2f02dc67fcb525", TokenHasher.hash(other));
    }

    @Test
    public void hashWhenMintedTokensThenEqualsIndependentSha256AndIsSixtyFourLowerCaseHex() throws Exception {
        TokenMint mint = new TokenMint(TokenStringTest.seeded(17));
        for (int i = 0; i < 2000; i++) {
            TokenString token = mint.mint();
            String hash = TokenHasher.hash(token);
            assertTrue(hash, LOWER_HEX_64.matcher(hash).matches());
            assertEquals(independentSha256Hex(token.reveal()), hash);
        }
    }

    @Test
    public void hashWhenSameTokenTwiceThenSameHash() {
        TokenString token = new TokenMint(TokenStringTest.seeded(1)).mint();
        TokenString reparsed = TokenString.parse(token.reveal()).get();
        assertEquals(TokenHasher.hash(token), TokenHasher.hash(reparsed));
    }

    @Test
    public void hashWhenDifferentTokensThenDifferentHashes() {
        TokenMint mint = new TokenMint(TokenStringTest.seeded(18));
        Set<String> hashes = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertTrue("collision at " + i, hashes.add(TokenHasher.hash(mint.mint())));
        }
    }

    @Test
    public void hashWhenCalledThenDoesNotContainTheRawToken() {
        TokenString token = new TokenMint(TokenStringTest.seeded(19)).mint();
        String hash = TokenHasher.hash(token);
        assertFalse(hash.contains(token.reveal().substring(5, 15)));
        assertEquals("SHA-256", TokenHasher.ALGORITHM);
    }

    @Test
    public void sameWhenEqualStringsThenTrue() {
        String hash = TokenHasher.hash(new TokenMint(TokenStringTest.seeded(20)).mint());
        String[][] equal = {
            {hash, new String(hash.toCharArray())},
            {"", ""},
            {"abc", "abc"},
            {"\u00e9t\u00e9", "\u00e9t\u00e9"},
        };
        for (String[] row : equal) {
            assertTrue(row[0] + " vs " + row[1], TokenHasher.same(row[0], row[1]));
        }
    }

    @Test
    public void sameWhenStringsDifferThenFalse() {
        String hash = TokenHasher.hash(new TokenMint(TokenStringTest.seeded(21)).mint());
        String lastFlipped = hash.substring(0, 63) + (hash.charAt(63) == '0' ? '1' : '0');
        String firstFlipped = (hash.charAt(0) == '0' ? '1' : '0') + hash.substring(1);
        String[][] different = {
            {hash, lastFlipped},
            {hash, firstFlipped},
            {hash, hash.substring(0, 63)},
            {hash, hash + "0"},
            {hash, hash.toUpperCase()},
            {hash, ""},
            {"abc", "abd"},
            // Different non-ASCII text must not compare equal just because both encode to '?' in ASCII.
            {"\u00e9", "?"},
            {"\u00e9", "\u00e8"},
            {"a\uD800", "a?"},
            {"\uD83D\uDE00", "??"},
        };
        for (String[] row : different) {
            assertFalse(row[0] + " vs " + row[1], TokenHasher.same(row[0], row[1]));
            assertFalse(row[1] + " vs " + row[0], TokenHasher.same(row[1], row[0]));
        }
    }

    @Test
    public void sameWhenEitherIsNullThenFalse() {
        String hash = TokenHasher.hash(new TokenMint(TokenStringTest.seeded(22)).mint());
        assertFalse(TokenHasher.same(null, hash));
        assertFalse(TokenHasher.same(hash, null));
        assertFalse(TokenHasher.same(null, null));
        assertFalse(TokenHasher.same(null, ""));
        assertFalse(TokenHasher.same("", null));
    }
}
