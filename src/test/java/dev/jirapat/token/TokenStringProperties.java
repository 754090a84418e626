package dev.jirapat.token;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.security.SecureRandom;
import java.util.Optional;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/** {@link TokenString#parse} over generated text: never throws, accepts exactly what was minted. */
class TokenStringProperties {
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    @Property(tries = 3000)
    void parseWhenAnyTextThenNeverThrowsAndAcceptsOnlyWellFormed(@ForAll String text) {
        Optional<TokenString> parsed = TokenString.parse(text);
        if (parsed.isPresent()) {
            assertEquals(TokenString.LENGTH, text.length());
            assertEquals(text, parsed.get().reveal());
        }
    }

    @Property(tries = 3000)
    void parseWhenOurShapeWithRandomBodyThenOnlyAMatchingChecksumPasses(@ForAll("ourShape") String text) {
        String body = text.substring(0, TokenString.LENGTH - TokenString.CHECKSUM_LENGTH);
        boolean checksumMatches = text.endsWith(TokenString.checksumOf(body));
        assertEquals(checksumMatches, TokenString.parse(text).isPresent());
    }

    @Property(tries = 2000)
    void parseWhenMintedThenAcceptedAndOneChangedCharacterRefused(@ForAll long seed,
                                                                  @ForAll("positions") int position,
                                                                  @ForAll("base62") char replacement) {
        SecureRandom random = TokenStringTest.seeded(seed);
        String minted = new TokenMint(random).mint().reveal();
        assertTrue(TokenString.parse(minted).isPresent());
        if (minted.charAt(position) == replacement) {
            return;
        }
        String changed = minted.substring(0, position) + replacement + minted.substring(position + 1);
        // CRC32 detects every single-character change of a 49-character base62 body.
        assertFalse(TokenString.parse(changed).isPresent());
    }

    @Provide
    Arbitrary<String> ourShape() {
        return Arbitraries.strings().withChars(BASE62.toCharArray()).ofLength(TokenString.LENGTH - TokenString.PREFIX.length())
                .map(rest -> TokenString.PREFIX + rest);
    }

    @Provide
    Arbitrary<Integer> positions() {
        return Arbitraries.integers().between(TokenString.PREFIX.length(), TokenString.LENGTH - 1);
    }

    @Provide
    Arbitrary<Character> base62() {
        return Arbitraries.of(BASE62.toCharArray()).map(c -> c);
    }
}
