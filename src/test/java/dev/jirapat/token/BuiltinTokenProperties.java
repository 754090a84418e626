package dev.jirapat.token;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.Optional;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

/** {@link BuiltinToken#parse} and {@link Pkcs5s2Hash#parse} over generated text: never throw, read exactly the shape. */
class BuiltinTokenProperties {
    private static final String BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    @Property(tries = 3000)
    void parseWhenAnyTextThenNeverThrows(@ForAll String text) {
        BuiltinToken.parse(text);
        Pkcs5s2Hash.parse(text);
        Pkcs5s2Hash.parse(Pkcs5s2Hash.PREFIX + text);
    }

    @Property(tries = 3000)
    void parseWhenBase64ShapeThenIdIsTwelveDigitsOfTheDecodedBytes(@ForAll("shape") String text) {
        Optional<BuiltinToken> token = BuiltinToken.parse(text);
        byte[] bytes = java.util.Base64.getDecoder().decode(text);
        boolean digits = true;
        for (int i = 0; i < 12; i++) {
            digits &= bytes[i] >= '0' && bytes[i] <= '9';
        }
        assertEquals(digits && bytes[12] == ':', token.isPresent());
    }

    @Property(tries = 1000)
    void parseWhenBuiltThenReadBackAndOneChangedCharacterIsAnotherToken(@ForAll("ids") String id, @ForAll byte[] seed,
                                                                         @ForAll("positions") int position) {
        byte[] secret = java.util.Arrays.copyOf(seed, 20);
        BuiltinToken token = BuiltinToken.of(id, secret);
        String text = token.reveal();
        assertEquals(id, BuiltinToken.parse(text).get().id());
        char other = text.charAt(position) == 'A' ? 'B' : 'A';
        String changed = text.substring(0, position) + other + text.substring(position + 1);
        Optional<BuiltinToken> parsed = BuiltinToken.parse(changed);
        assertTrue(!parsed.isPresent() || !parsed.get().id().equals(id) || !parsed.get().cacheKey().equals(token.cacheKey()));
        if (parsed.isPresent()) {
            assertNotEquals(text, parsed.get().reveal());
        }
    }

    @Provide
    Arbitrary<String> shape() {
        return Arbitraries.strings().withChars("MNO").ofLength(1)
                .flatMap(first -> Arbitraries.strings().withChars(BASE64).ofLength(43).map(rest -> first + rest));
    }

    @Provide
    Arbitrary<String> ids() {
        return Arbitraries.strings().numeric().ofLength(12);
    }

    @Provide
    Arbitrary<Integer> positions() {
        return Arbitraries.integers().between(0, BuiltinToken.LENGTH - 1);
    }
}
