package dev.jirapat.token;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.util.Optional;
import java.util.StringJoiner;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * {@link IpRange#parse} over generated text: it never throws, an accepted range's canonical text parses back to
 * the same range, and every well-formed IPv4 and IPv6 CIDR is accepted and contains its own address.
 */
class IpRangeProperties {
    @Property(tries = 3000)
    void parseWhenAnyTextThenNeverThrowsAndAnAcceptedRangeRoundTrips(@ForAll String text) {
        assertRoundTrips(text);
    }

    @Property(tries = 5000)
    void parseWhenAddressLikeTextThenNeverThrowsAndAnAcceptedRangeRoundTrips(@ForAll("addressLike") String text) {
        Statistics.label("parsed").collect(assertRoundTrips(text))
                .coverage(c -> c.check(true).count(n -> n >= 100)); // the property must see accepted ranges
    }

    @Property(tries = 3000)
    void parseWhenAnIpv4CidrThenAcceptedAndItContainsItsAddress(@ForAll("ipv4Cidr") String[] cidr) {
        IpRange range = IpRange.parse(cidr[0] + "/" + cidr[1]).orElseThrow(() -> new AssertionError(cidr[0] + "/" + cidr[1]));
        assertEquals(Integer.parseInt(cidr[1]), range.prefixLength());
        assertTrue(range.contains(cidr[0]));
        assertEquals(range, IpRange.parse(range.toString()).get());
        assertEquals("a bare address is one host", 32, IpRange.parse(cidr[0]).get().prefixLength());
    }

    @Property(tries = 3000)
    void parseWhenAnIpv6CidrInFullOrShortFormThenAcceptedAndItContainsItsAddress(@ForAll("ipv6Cidr") String[] cidr) {
        String text = cidr[0] + "/" + cidr[1];
        IpRange range = IpRange.parse(text).orElseThrow(() -> new AssertionError(text));
        assertEquals(Integer.parseInt(cidr[1]), range.prefixLength());
        assertTrue(text, range.contains(cidr[0]));
        assertEquals(text, range, IpRange.parse(range.toString()).get());
        assertEquals(text, range, IpRange.parse(cidr[2] + "/" + cidr[1]).get());
    }

    private static boolean assertRoundTrips(String text) {
        Optional<IpRange> parsed = IpRange.parse(text);
        if (parsed.isPresent()) {
            String canonical = parsed.get().toString();
            assertEquals(text + " -> " + canonical, parsed, IpRange.parse(canonical));
        }
        return parsed.isPresent();
    }

    /** Random text over the characters of addresses, and addresses with random damage (so some parse). */
    @Provide
    Arbitrary<String> addressLike() {
        Arbitrary<String> noise = Arbitraries.strings().withChars("0123456789abcdefABCDEF:./%").ofMaxLength(50);
        Arbitrary<String> damaged = Combinators.combine(Arbitraries.oneOf(ipv4Cidr(), ipv6Cidr()),
                Arbitraries.strings().withChars("0123456789af:./%").ofMaxLength(2), Arbitraries.integers().between(0, 60))
                .as((cidr, insert, at) -> {
                    String text = cidr[0] + "/" + cidr[1];
                    int cut = Math.min(at, text.length());
                    return text.substring(0, cut) + insert + text.substring(cut);
                });
        return Arbitraries.oneOf(noise, damaged);
    }

    /** {address, prefix} */
    @Provide
    Arbitrary<String[]> ipv4Cidr() {
        Arbitrary<Integer> octet = Arbitraries.integers().between(0, 255);
        return Combinators.combine(octet, octet, octet, octet, Arbitraries.integers().between(0, 32))
                .as((a, b, c, d, prefix) -> new String[] {a + "." + b + "." + c + "." + d, Integer.toString(prefix)});
    }

    /** {address in short form, prefix, the same address in full form}; never IPv4-mapped (that is IPv4). */
    @Provide
    Arbitrary<String[]> ipv6Cidr() {
        Arbitrary<Integer> group = Arbitraries.oneOf(Arbitraries.integers().between(0, 0xffff), Arbitraries.just(0));
        return Combinators.combine(group.array(int[].class).ofSize(8), Arbitraries.integers().between(0, 128),
                Arbitraries.of(true, false))
                .as((groups, prefix, upper) -> {
                    String full = full(groups);
                    String shorter = shortForm(groups);
                    return new String[] {upper ? shorter.toUpperCase() : shorter, Integer.toString(prefix), full};
                })
                .filter(cidr -> !isIpv4Mapped(cidr[2]));
    }

    private static String full(int[] groups) {
        StringJoiner out = new StringJoiner(":");
        for (int g : groups) {
            out.add(Integer.toHexString(g));
        }
        return out.toString();
    }

    /** RFC 5952: the longest run of two or more zero groups becomes "::". */
    private static String shortForm(int[] groups) {
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        if (bestStart < 0) {
            return full(groups);
        }
        StringJoiner head = new StringJoiner(":");
        for (int i = 0; i < bestStart; i++) {
            head.add(Integer.toHexString(groups[i]));
        }
        StringJoiner tail = new StringJoiner(":");
        for (int i = bestStart + bestLength; i < 8; i++) {
            tail.add(Integer.toHexString(groups[i]));
        }
        return head + "::" + tail;
    }

    private static boolean isIpv4Mapped(String full) {
        return full.startsWith("0:0:0:0:0:ffff:");
    }
}
