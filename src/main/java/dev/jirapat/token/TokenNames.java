package dev.jirapat.token;

import java.text.Normalizer;

/**
 * What a token name may be. A name is shown to people (the profile panel, the admin page, REST clients), so it
 * must show something and show what it is: it needs a visible character, may not hold control characters, line
 * breaks or text-direction controls (a right-to-left override makes {@code "\u202Etxt.exe"} display as
 * {@code "exe.txt"}), and is stored in Unicode NFC, so that one text has one stored form and its length is
 * counted as people see it.
 */
final class TokenNames {
    /**
     * Code points that display as nothing although not of an invisible general category: Unicode's
     * Default_Ignorable_Code_Point set (Hangul fillers, variation selectors, the combining grapheme joiner, …),
     * listed here so that the answer does not depend on the JDK's Unicode version, plus the blank Braille pattern.
     */
    private static final int[][] SHOW_NOTHING = {
            {0x00AD, 0x00AD}, {0x034F, 0x034F}, {0x061C, 0x061C}, {0x115F, 0x1160}, {0x17B4, 0x17B5},
            {0x180B, 0x180F}, {0x200B, 0x200F}, {0x202A, 0x202E}, {0x2060, 0x206F}, {0x2800, 0x2800},
            {0x3164, 0x3164}, {0xFE00, 0xFE0F}, {0xFEFF, 0xFEFF}, {0xFFA0, 0xFFA0}, {0xFFF0, 0xFFF8},
            {0x1BCA0, 0x1BCA3}, {0x1D173, 0x1D17A}, {0xE0000, 0xE0FFF},
    };

    private TokenNames() {
    }

    /** The name to store (NFC), or why it is refused. */
    static Outcome<String> validate(String name, int maxLength) {
        if (name == null) {
            return Outcome.rejected(Rejection.NAME_BLANK);
        }
        if (hasLoneSurrogate(name)) {
            return Outcome.rejected(Rejection.NAME_INVALID_CHARACTERS); // not text; nothing to normalise
        }
        String normalised = Normalizer.normalize(name, Normalizer.Form.NFC);
        if (normalised.codePoints().noneMatch(TokenNames::isVisible)) {
            return Outcome.rejected(Rejection.NAME_BLANK);
        }
        if (normalised.codePoints().anyMatch(TokenNames::isForbidden)) {
            return Outcome.rejected(Rejection.NAME_INVALID_CHARACTERS);
        }
        if (normalised.codePointCount(0, normalised.length()) > maxLength) {
            return Outcome.rejected(Rejection.NAME_TOO_LONG);
        }
        return Outcome.of(normalised);
    }

    /** Shows something: not a format, control or separator character, not whitespace, not one of {@link #SHOW_NOTHING}. */
    static boolean isVisible(int cp) {
        switch (Character.getType(cp)) {
            case Character.FORMAT:
            case Character.CONTROL:
            case Character.SPACE_SEPARATOR:
            case Character.LINE_SEPARATOR:
            case Character.PARAGRAPH_SEPARATOR:
            case Character.SURROGATE:
                return false;
            default:
                break;
        }
        if (Character.isWhitespace(cp)) {
            return false;
        }
        for (int[] range : SHOW_NOTHING) {
            if (cp >= range[0] && cp <= range[1]) {
                return false;
            }
        }
        return true;
    }

    /** Bidirectional formatting characters: marks, embeddings, overrides and isolates. */
    static boolean isBidiControl(int cp) {
        return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E)
                || (cp >= 0x2066 && cp <= 0x2069);
    }

    private static boolean isForbidden(int cp) {
        return Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029 || isBidiControl(cp);
    }

    private static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
