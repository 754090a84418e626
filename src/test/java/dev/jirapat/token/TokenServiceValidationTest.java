package dev.jirapat.token;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.Test;

/** The static input checks of token creation: names ({@link TokenNames}) and IP allowlists. */
public class TokenServiceValidationTest {
    private static final TokenPolicy DEFAULTS = TokenPolicy.defaults(); // nameMaxLength 40
    private static final String EMOJI = "\uD83D\uDE00"; // U+1F600: one code point, two chars, four UTF-8 bytes

    private static Optional<Rejection> name(String name) {
        return validateName(name, DEFAULTS);
    }

    private static Optional<Rejection> validateName(String name, TokenPolicy policy) {
        Outcome<String> validated = TokenNames.validate(name, policy.nameMaxLength());
        return validated.isRejected() ? Optional.of(validated.rejection()) : Optional.empty();
    }

    private static String hex(String text) {
        return text.codePoints().mapToObj(Integer::toHexString).toList().toString();
    }

    private static TokenPolicy nameMax(int max) {
        return DEFAULTS.withOverrides(Map.of("nameMaxLength", Integer.toString(max)), m -> {
            throw new AssertionError(m);
        });
    }

    // ---- names ----

    @Test
    public void validateNameWhenBlankThenNameBlank() {
        for (String blank : Arrays.asList(null, "", " ", "   ", "\t", "\n", " \t\r\n ", "\u0000",
                "\u00a0", "\u2003", "\u3000", " \u3000 \u00a0")) {
            assertEquals(blank == null ? "null" : hex(blank),
                    Optional.of(Rejection.NAME_BLANK), name(blank));
        }
    }

    @Test
    public void validateNameWhenNothingVisibleThenNameBlank() {
        for (String blank : Arrays.asList("\u200b", "\u200b\u200b\u200b", "\u200d", "\u200c", "\ufeff", "\u2060",
                "\u180e", "\u3164", "\u115f\u1160", "\uffa0", "\u034f", "\ufe0f", "\u00ad", "\u2800",
                "\udb40\udc20", "\udb40\udd00", " \u200b\u00a0\ufeff ", "\u2061\u2062\u2063\u2064",
                "\u202e", "\u2066\u2069", "\u200e\u200f")) {
            assertEquals(hex(blank), Optional.of(Rejection.NAME_BLANK), name(blank));
        }
    }

    @Test
    public void validateNameWhenOrdinaryThenAcceptedUnchanged() {
        for (String ok : Arrays.asList("ci", "Jenkins build bot", " padded ", "\u00e9t\u00e9 \u65e5\u672c\u8a9e",
                "x", EMOJI, "a" + EMOJI + "b", "tab-free name 123", "\u0645\u0631\u062d\u0628\u0627",
                "zero\u200bwidth inside", "\ud83d\udc68\u200d\ud83d\udc69\u200d\ud83d\udc67 family (ZWJ)",
                "\u2764\ufe0f", "\u05e9\u05dc\u05d5\u05dd")) {
            assertEquals(hex(ok), Optional.empty(), name(ok));
            assertEquals(ok, TokenNames.validate(ok, 40).value());
        }
    }

    @Test
    public void validateNameWhenItHoldsABidiControlThenInvalidCharacters() {
        List<String> failures = new ArrayList<>();
        for (int cp : new int[] {0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067,
                0x2068, 0x2069}) {
            String c = new String(Character.toChars(cp));
            for (String n : Arrays.asList(c + "txt.exe", "invoice" + c + "fdp.exe", "name" + c)) {
                if (!name(n).equals(Optional.of(Rejection.NAME_INVALID_CHARACTERS))) {
                    failures.add("U+" + Integer.toHexString(cp) + ": " + name(n));
                }
            }
        }
        assertTrue(String.join("\n", failures), failures.isEmpty());
    }

    @Test
    public void validateNameWhenDecomposedThenStoredInNfcAndCountedAfterNormalisation() {
        assertEquals("Caf\u00e9", TokenNames.validate("Cafe\u0301", 40).value());
        assertEquals("\ud55c\uad6d", TokenNames.validate("\u1112\u1161\u11ab\u1100\u116e\u11a8", 40).value());
        assertEquals("\u212b (angstrom sign) becomes A with ring", "\u00c5", TokenNames.validate("\u212b", 40).value());
        // Ten code points as sent, five characters once composed: within a limit of five.
        assertEquals("\u00e9".repeat(5), TokenNames.validate("e\u0301".repeat(5), 5).value());
        assertEquals(Rejection.NAME_TOO_LONG, TokenNames.validate("e\u0301".repeat(6), 5).rejection());
    }

    @Test
    public void validateNameWhenExactlyMaxCodePointsThenAcceptedAndOneMoreThenTooLong() {
        for (int max : new int[] {1, 5, 40, 100}) {
            TokenPolicy policy = nameMax(max);
            assertEquals("max " + max, Optional.empty(), validateName("a".repeat(max), policy));
            assertEquals("max " + max, Optional.of(Rejection.NAME_TOO_LONG), validateName("a".repeat(max + 1), policy));
        }
        assertEquals(Optional.empty(), name("n".repeat(40)));
        assertEquals(Optional.of(Rejection.NAME_TOO_LONG), name("n".repeat(41)));
    }

    @Test
    public void validateNameWhenFourByteEmojiThenCountsAsOneCodePoint() {
        // 40 emoji are 80 chars and 160 UTF-8 bytes, but 40 code points: allowed.
        String forty = EMOJI.repeat(40);
        assertEquals(80, forty.length());
        assertEquals(Optional.empty(), name(forty));
        assertEquals(Optional.of(Rejection.NAME_TOO_LONG), name(EMOJI.repeat(41)));
        assertEquals(Optional.empty(), name("a".repeat(39) + EMOJI));
        assertEquals(Optional.of(Rejection.NAME_TOO_LONG), name("a".repeat(40) + EMOJI));
    }

    @Test
    public void validateNameWhenControlOrLineSeparatorCharacterThenInvalidCharacters() {
        List<String> failures = new ArrayList<>();
        for (char c : new char[] {'\u0000', '\n', '\r', '\t', '\u0007', '\u001b', '\u001f', '\u007f', '\u0080', '\u0085',
                '\u009f', '\u2028', '\u2029'}) {
            for (String n : Arrays.asList("a" + c + "b", c + "abc", "abc" + c)) {
                Optional<Rejection> r = name(n);
                if (!r.equals(Optional.of(Rejection.NAME_INVALID_CHARACTERS))) {
                    failures.add("U+" + Integer.toHexString(c) + " in '" + n.replace(c, '?') + "': " + r);
                }
            }
        }
        assertTrue(String.join("\n", failures), failures.isEmpty());
    }

    @Test
    public void validateNameWhenLoneSurrogateThenInvalidCharacters() {
        String high = "\uD83D";
        String low = "\uDE00";
        for (String n : Arrays.asList(high, low, "a" + high, high + "a", "a" + low + "b", low + high, EMOJI + high,
                high + EMOJI, low + EMOJI, EMOJI + low, high + high, low + low, "a" + high + "\u0000")) {
            assertEquals(n.chars().mapToObj(Integer::toHexString).toList().toString(),
                    Optional.of(Rejection.NAME_INVALID_CHARACTERS), name(n));
        }
    }

    @Test
    public void validateNameWhenHtmlOrSqlTextThenAcceptedAsPlainText() {
        for (String n : Arrays.asList("<img src=x onerror=alert(1)>", "'; DROP TABLE x;--", "\" OR 1=1 --",
                "${jndi:ldap://x}", "{{7*7}}", "%s%n", "../../etc/passwd")) {
            assertEquals(n, Optional.empty(), name(n));
        }
    }

    // ---- IP allowlists ----

    private static List<String> distinctRanges(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add("10." + i + ".0.0/16");
        }
        return out;
    }

    @Test
    public void parseRangesWhenEmptyThenEmptyList() {
        Outcome<List<IpRange>> out = TokenTerms.parseRanges(Collections.emptyList());
        assertFalse(out.isRejected());
        assertEquals(Collections.emptyList(), out.value());
    }

    @Test
    public void parseRangesWhenAtMostMaxThenAllParsedInOrder() {
        List<String> texts = distinctRanges(TokenTerms.MAX_IP_RANGES);
        Outcome<List<IpRange>> out = TokenTerms.parseRanges(texts);
        assertFalse(out.isRejected());
        assertEquals(TokenTerms.MAX_IP_RANGES, out.value().size());
        for (int i = 0; i < texts.size(); i++) {
            assertEquals(texts.get(i), out.value().get(i).toString());
        }
    }

    @Test
    public void parseRangesWhenMoreThanMaxThenTooManyIpRanges() {
        assertEquals(10, TokenTerms.MAX_IP_RANGES);
        Outcome<List<IpRange>> out = TokenTerms.parseRanges(distinctRanges(TokenTerms.MAX_IP_RANGES + 1));
        assertTrue(out.isRejected());
        assertEquals(Rejection.TOO_MANY_IP_RANGES, out.rejection());
        assertEquals(Rejection.TOO_MANY_IP_RANGES, TokenTerms.parseRanges(distinctRanges(1000)).rejection());
    }

    @Test
    public void parseRangesWhenDuplicatesThenCollapsedKeepingFirstOrder() {
        Outcome<List<IpRange>> out = TokenTerms.parseRanges(Arrays.asList(
                "10.0.0.0/8", "192.168.0.1", "10.1.2.3/8", " 10.0.0.0/8 ", "192.168.0.1/32", "2001:db8::/32",
                "2001:DB8:0::/32"));
        assertFalse(out.isRejected());
        List<String> texts = new ArrayList<>();
        for (IpRange r : out.value()) {
            texts.add(r.toString());
        }
        assertEquals(Arrays.asList("10.0.0.0/8", "192.168.0.1/32", "2001:db8:0:0:0:0:0:0/32"), texts);
    }

    @Test
    public void parseRangesWhenSurroundedByWhitespaceThenTrimmed() {
        Outcome<List<IpRange>> out = TokenTerms.parseRanges(Arrays.asList(" 10.0.0.0/8", "192.168.0.0/16\n"));
        assertFalse(out.isRejected());
        assertEquals(2, out.value().size());
    }

    @Test
    public void parseRangesWhenAnyEntryInvalidThenInvalidIpRange() {
        for (String bad : Arrays.asList("10.0.0.0/33", "example.com", "", "  ", "256.0.0.1", "fe80::1%eth0", "10.0.0.0/08")) {
            Outcome<List<IpRange>> out = TokenTerms.parseRanges(Arrays.asList("10.0.0.0/8", bad, "192.168.0.0/16"));
            assertTrue(bad, out.isRejected());
            assertEquals(bad, Rejection.INVALID_IP_RANGE, out.rejection());
        }
    }

    @Test
    public void parseRangesWhenNullEntryThenInvalidIpRange() {
        Outcome<List<IpRange>> out = TokenTerms.parseRanges(Arrays.asList("10.0.0.0/8", null));
        assertTrue(out.isRejected());
        assertEquals(Rejection.INVALID_IP_RANGE, out.rejection());
        assertEquals(Rejection.INVALID_IP_RANGE, TokenTerms.parseRanges(Collections.singletonList(null)).rejection());
    }
}
