package dev.jirapat.token;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

import java.text.Normalizer;
import java.util.stream.Collectors;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/**
 * {@link TokenNames#validate} over generated text: it never throws, and whatever it accepts shows something,
 * holds no control, line-break or text-direction character, is NFC and within the length limit.
 */
class TokenNameProperties {
    @Property(tries = 4000)
    void validateWhenMixedTrickyTextThenAnAcceptedNameIsVisibleNfcAndWithinTheLimit(
            @ForAll("tricky") String name, @ForAll @IntRange(min = 1, max = 100) int max) {
        Outcome<String> validated = assertAcceptedNamesAreSound(name, max);
        Statistics.label("outcome").collect(validated.isRejected() ? validated.rejection() : "accepted")
                .coverage(c -> {
                    c.check("accepted").count(n -> n >= 600); // the property must see many accepted names
                    c.check(Rejection.NAME_INVALID_CHARACTERS).count(n -> n >= 200);
                    c.check(Rejection.NAME_TOO_LONG).count(n -> n >= 100);
                });
    }

    @Property(tries = 3000)
    void validateWhenAnyTextThenNeverThrowsAndAnAcceptedNameIsSound(@ForAll String name,
                                                                    @ForAll @IntRange(min = 1, max = 100) int max) {
        assertAcceptedNamesAreSound(name, max);
    }

    @Property(tries = 3000)
    void validateWhenOneCodePointOfAnyKindBesideAVisibleWordThenAcceptedUnlessControlOrBidi(
            @ForAll @IntRange(min = 0, max = 0x10FFFF) int cp) {
        String name = "ci " + new String(Character.toChars(cp));
        Outcome<String> validated = TokenNames.validate(name, 40);
        boolean refusable = Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029 || TokenNames.isBidiControl(cp)
                || Character.getType(cp) == Character.SURROGATE;
        assertEquals(Integer.toHexString(cp), refusable, validated.isRejected());
        if (refusable) {
            assertEquals(Integer.toHexString(cp), Rejection.NAME_INVALID_CHARACTERS, validated.rejection());
        }
    }

    @Property(tries = 2000)
    void validateWhenOnlyInvisibleCharactersThenBlank(@ForAll("invisible") String name) {
        assertEquals(Rejection.NAME_BLANK, TokenNames.validate(name, 100).rejection());
    }

    private static Outcome<String> assertAcceptedNamesAreSound(String name, int max) {
        Outcome<String> validated = TokenNames.validate(name, max);
        if (validated.isRejected()) {
            return validated;
        }
        String stored = validated.value();
        String codes = hex(stored);
        assertTrue("a visible character in " + codes, stored.codePoints().anyMatch(TokenNames::isVisible));
        assertFalse("a bidi control in " + codes, stored.codePoints().anyMatch(TokenNames::isBidiControl));
        assertFalse("a control character in " + codes, stored.codePoints()
                .anyMatch(cp -> Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029
                        || Character.getType(cp) == Character.SURROGATE));
        assertTrue("NFC: " + codes, Normalizer.isNormalized(stored, Normalizer.Form.NFC));
        assertTrue("at most " + max + ": " + codes, stored.codePointCount(0, stored.length()) <= max);
        assertEquals("stable: validating the stored name keeps it", stored, TokenNames.validate(stored, max).value());
        return validated;
    }

    private static String hex(String text) {
        return text.codePoints().mapToObj(Integer::toHexString).collect(Collectors.joining(" ", "[", "]"));
    }

    /**
     * Names built from the characters that matter: letters, combining marks, invisible characters, conjoining
     * jamo, text that NFC changes, emoji, any code point, and (less often, so that many names pass) control,
     * line-break and text-direction characters and lone surrogates.
     */
    @Provide
    Arbitrary<String> tricky() {
        Arbitrary<String> piece = Arbitraries.frequencyOf(
                Tuple.of(30, Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(3)),
                Tuple.of(9, Arbitraries.strings().withCharRange('\u0300', '\u036f').ofLength(1)),
                Tuple.of(12, Arbitraries.of("\u200b", "\u200c", "\u200d", "\ufeff", "\u2060", "\u180e", "\u3164",
                        "\u115f", "\u1160", "\uffa0", "\u00ad", "\u034f", "\ufe0f", "\u2800", "\udb40\udc41", " ",
                        "\u00a0", "\u3000")),
                Tuple.of(6, Arbitraries.strings().withCharRange('\u1100', '\u11ff').ofLength(1)),
                Tuple.of(6, Arbitraries.of("e\u0301", "\u212b", "\u2126", "\ufb2c", "\u0344", "\u00e9", "\u1e9b\u0323")),
                Tuple.of(6, Arbitraries.of("\ud83d\ude00", "\ud83d\udc68\u200d\ud83d\udc69", "\uD835\uDD0A")),
                Tuple.of(6, Arbitraries.integers().between(0, 0x10FFFF).map(cp -> new String(Character.toChars(cp)))),
                Tuple.of(1, Arbitraries.of("\t", "\n", "\u0000", "\u007f", "\u0085", "\u2028", "\u2029", "\ud800",
                        "\udc00", "\u061c", "\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e",
                        "\u2066", "\u2067", "\u2068", "\u2069")));
        return piece.list().ofMaxSize(40).map(parts -> String.join("", parts));
    }

    @Provide
    Arbitrary<String> invisible() {
        return Arbitraries.of("\u200b", "\u200c", "\u200d", "\ufeff", "\u2060", "\u180e", "\u3164", "\u115f", "\u1160",
                "\uffa0", "\u00ad", "\u034f", "\ufe0f", "\u2800", "\udb40\udc41", "\udb40\udd00", " ", "\u00a0", "\u3000",
                "\u2003", "\u202f", "\u205f", "\u2061", "\u2062", "\u061c", "\u200e", "\u202e", "\u2066", "\u2069",
                "\t", "\n", "\u0000", "\u2028", "\u0085").list().ofMinSize(1).ofMaxSize(30).map(parts -> String.join("", parts));
    }
}
