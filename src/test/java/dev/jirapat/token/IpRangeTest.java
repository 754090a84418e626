package dev.jirapat.token;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.Test;

public class IpRangeTest {

    private static IpRange range(String text) {
        return IpRange.parse(text).orElseThrow(() -> new AssertionError("should parse: " + text));
    }

    private static void assertNoFailures(List<String> failures) {
        assertTrue(String.join("\n", failures), failures.isEmpty());
    }

    // ---- parse: accepted, canonical form ----

    @Test
    public void parseWhenValidCidrThenCanonicalTextAndPrefix() {
        Object[][] table = {
            // input, canonical toString, prefix length
            {"10.0.0.0/8", "10.0.0.0/8", 8},
            {"192.168.1.7", "192.168.1.7/32", 32},
            {"192.168.1.7/32", "192.168.1.7/32", 32},
            {"0.0.0.0/0", "0.0.0.0/0", 0},
            {"172.16.0.0/12", "172.16.0.0/12", 12},
            {"255.255.255.255", "255.255.255.255/32", 32},
            {"10.1.2.3/8", "10.0.0.0/8", 8},
            {"10.255.255.255/9", "10.128.0.0/9", 9},
            {"192.168.1.255/31", "192.168.1.254/31", 31},
            {"200.1.2.3/1", "128.0.0.0/1", 1},
            {"2001:db8::/32", "2001:db8:0:0:0:0:0:0/32", 32},
            {"2001:DB8::/32", "2001:db8:0:0:0:0:0:0/32", 32},
            {"::1", "0:0:0:0:0:0:0:1/128", 128},
            {"::/0", "0:0:0:0:0:0:0:0/0", 0},
            {"fe80::1/10", "fe80:0:0:0:0:0:0:0/10", 10},
            {"2001:db8:1::/16", "2001:0:0:0:0:0:0:0/16", 16},
            {"1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8/128", 128},
            {"2001:db8::ffff/127", "2001:db8:0:0:0:0:0:fffe/127", 127},
            // An IPv4-mapped IPv6 literal is the IPv4 address.
            {"::ffff:10.1.2.3", "10.1.2.3/32", 32},
            {"::ffff:10.1.2.3/8", "10.0.0.0/8", 8},
        };
        List<String> failures = new ArrayList<>();
        for (Object[] row : table) {
            Optional<IpRange> parsed = IpRange.parse((String) row[0]);
            if (!parsed.isPresent()) {
                failures.add(row[0] + ": rejected");
            } else if (!parsed.get().toString().equals(row[1]) || parsed.get().prefixLength() != (Integer) row[2]) {
                failures.add(row[0] + ": got " + parsed.get() + " prefix " + parsed.get().prefixLength()
                        + ", expected " + row[1] + " prefix " + row[2]);
            }
        }
        assertNoFailures(failures);
    }

    @Test
    public void parseWhenHostBitsSetThenClearedAndEqualToNetworkForm() {
        assertEquals("10.0.0.0/8", range("10.1.2.3/8").toString());
        assertEquals(range("10.0.0.0/8"), range("10.1.2.3/8"));
        assertEquals(range("10.0.0.0/8").hashCode(), range("10.1.2.3/8").hashCode());
        assertEquals(range("2001:db8::/32"), range("2001:db8:abcd::1/32"));
        assertNotEquals(range("10.0.0.0/8"), range("10.0.0.0/9"));
        assertNotEquals(range("10.0.0.0/8"), range("11.0.0.0/8"));
    }

    @Test
    public void parseWhenCanonicalTextParsedAgainThenSameRange() {
        for (String text : new String[] {"10.1.2.3/8", "192.168.1.7", "2001:db8::1/48", "::1", "0.0.0.0/0"}) {
            IpRange once = range(text);
            assertEquals(text, once, range(once.toString()));
        }
    }

    // ---- parse: refused ----

    @Test
    public void parseWhenInvalidThenEmpty() {
        String[] table = {
            null,
            "",
            " ",
            "10.0.0.0/33",
            "2001:db8::/129",
            "::ffff:10.1.2.3/33", // mapped, so an IPv4 range: at most /32
            "256.1.1.1",
            "1.256.1.1",
            "01.2.3.4",
            "1.2.3.04",
            "1.2.3",
            "1.2.3.4.5",
            "1..2.3",
            ".1.2.3",
            "1.2.3.",
            "-1.2.3.4",
            "127.1",
            "2130706433",
            "0x0a.0.0.0",
            "10.0.0.0/",
            "/8",
            "/",
            "10.0.0.0/08",
            "10.0.0.0/00",
            "10.0.0.0/-1",
            "10.0.0.0/+8",
            "10.0.0.0/ 8",
            "10.0.0.0/8/8",
            "10.0.0.0/1000",
            "10.0.0.0/99999999999999999999",
            "10.0.0.0/8 ",
            " 10.0.0.0/8",
            "10.0.0.0\n",
            "1.2.3.4:80",
            "\uff11\uff10.0.0.0", // fullwidth digits
            "\u0661\u0660.0.0.0", // Arabic-Indic digits
            "example.com",
            "localhost",
            "a.b.c.d",
            "fe80::1%eth0",
            "fe80::1%1",
            "[::1]",
            "[::1]/128",
            "::1/",
            "2001:db8::/032",
            "1:2:3:4:5:6:7:8:9",
            "2001:db8:::1",
            "2001:db8::1::2",
            "gggg::",
            "::g",
            ".::1",
            ".1:2",
            "::ffff:1.2.3",
            "::ffff:256.1.1.1",
            "a".repeat(100),
            "1".repeat(100),
            "10.0.0.0/8" + " ".repeat(90),
            "0:".repeat(50),
        };
        List<String> failures = new ArrayList<>();
        for (String text : table) {
            try {
                Optional<IpRange> parsed = IpRange.parse(text);
                if (parsed.isPresent()) {
                    failures.add("accepted " + text + " as " + parsed.get());
                }
            } catch (RuntimeException e) {
                failures.add(text + " threw " + e);
            }
        }
        assertNoFailures(failures);
    }

    // ---- never a name lookup ----

    @Test
    public void parseWhenHostNameThenEmptyWithoutNameLookup() {
        String[] inputs = {"example.com", "example.com/8", "localhost", "a.b.c.d", ".::1", ".1:2", "..:", "fe80::1%eth0",
            "::1", "10.0.0.0/8", "2001:db8::/32", "::ffff:10.1.2.3", "1:2:3:4:5:6:7:8:9", "2001:db8:::1"};
        List<String> lookups = NameLookupSpy.lookupsDuring(() -> {
            for (String text : inputs) {
                IpRange.parse(text);
                IpRange.parseAddress(text);
            }
            return null;
        });
        assertEquals("name lookups made while parsing", Arrays.asList(), lookups);
        assertFalse(IpRange.parse("localhost").isPresent());
        assertFalse(IpRange.parse("example.com").isPresent());
    }

    @Test
    public void containsWhenRemoteIsHostNameThenFalseWithoutNameLookup() {
        IpRange v4 = range("0.0.0.0/0");
        IpRange v6 = range("::/0");
        String[] remotes = {"localhost", "example.com", ".::1", ".1:2", "::1", "10.0.0.1"};
        List<Boolean> results = new ArrayList<>();
        List<String> lookups = NameLookupSpy.lookupsDuring(() -> {
            for (String remote : remotes) {
                results.add(v4.contains(remote));
                results.add(v6.contains(remote));
            }
            return null;
        });
        assertEquals("name lookups made while matching", Arrays.asList(), lookups);
        // localhost, example.com, .::1, .1:2 match nothing; ::1 is in ::/0; 10.0.0.1 is in 0.0.0.0/0.
        assertEquals(Arrays.asList(false, false, false, false, false, false, false, false, false, true, true, false),
                results);
    }

    @Test
    public void parseWhenHostNameThenReturnsEmptyQuickly() {
        IpRange.parse("example.com"); // warm up
        long start = System.nanoTime();
        for (int i = 0; i < 1000; i++) {
            assertFalse(IpRange.parse("example.com").isPresent());
            assertFalse(IpRange.parse("no-such-host.invalid").isPresent());
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        // A single DNS timeout alone would take seconds.
        assertTrue(millis + " ms", millis < 1500);
    }

    // ---- contains ----

    @Test
    public void containsWhenRemoteAtOrBeyondBoundaryThenMatchesOnlyInside() {
        Object[][] table = {
            // range, remote, expected
            {"10.0.0.0/8", "10.0.0.0", true},
            {"10.0.0.0/8", "10.255.255.255", true},
            {"10.0.0.0/8", "11.0.0.0", false},
            {"10.0.0.0/8", "9.255.255.255", false},
            {"10.0.0.0/9", "10.127.255.255", true},
            {"10.0.0.0/9", "10.128.0.0", false},
            {"192.168.1.7", "192.168.1.7", true},
            {"192.168.1.7", "192.168.1.6", false},
            {"192.168.1.7", "192.168.1.8", false},
            {"192.168.1.6/31", "192.168.1.7", true},
            {"192.168.1.6/31", "192.168.1.8", false},
            {"0.0.0.0/0", "0.0.0.0", true},
            {"0.0.0.0/0", "255.255.255.255", true},
            {"2001:db8::/32", "2001:db8::", true},
            {"2001:db8::/32", "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff", true},
            {"2001:db8::/32", "2001:db9::", false},
            {"2001:db8::/32", "2001:db7:ffff:ffff:ffff:ffff:ffff:ffff", false},
            {"2001:db8::/32", "2001:0DB8:0:0:0:0:0:1", true},
            {"::1", "::1", true},
            {"::1", "0:0:0:0:0:0:0:1", true},
            {"::1", "::2", false},
            {"::/0", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", true},
            // An IPv4-mapped remote (how a dual-stack container may report a v4 client) matches IPv4 ranges.
            {"10.0.0.0/8", "::ffff:10.1.2.3", true},
            {"10.0.0.0/8", "::ffff:11.1.2.3", false},
            {"10.1.2.3", "::ffff:10.1.2.3", true},
            // Families never match each other.
            {"2001:db8::/32", "10.0.0.1", false},
            {"::/0", "10.0.0.1", false},
            {"0.0.0.0/0", "::1", false},
            {"0.0.0.0/0", "2001:db8::1", false},
            // Garbage remotes never match, not even the match-everything ranges.
            {"0.0.0.0/0", null, false},
            {"0.0.0.0/0", "", false},
            {"0.0.0.0/0", "garbage", false},
            {"0.0.0.0/0", "10.0.0.1/8", false},
            {"0.0.0.0/0", " 10.0.0.1", false},
            {"0.0.0.0/0", "10.0.0.1 ", false},
            {"0.0.0.0/0", "010.0.0.1", false},
            {"0.0.0.0/0", "10.0.0", false},
            {"0.0.0.0/0", "256.0.0.1", false},
            {"0.0.0.0/0", "1".repeat(100), false},
            {"::/0", "fe80::1%eth0", false},
            {"::/0", "[::1]", false},
            {"::/0", "::g", false},
            {"::/0", "a".repeat(100), false},
        };
        List<String> failures = new ArrayList<>();
        for (Object[] row : table) {
            IpRange r = range((String) row[0]);
            boolean actual;
            try {
                actual = r.contains((String) row[1]);
            } catch (RuntimeException e) {
                failures.add(row[0] + " contains " + row[1] + " threw " + e);
                continue;
            }
            if (actual != (Boolean) row[2]) {
                failures.add(row[0] + " contains " + row[1] + ": expected " + row[2]);
            }
        }
        assertNoFailures(failures);
    }

    @Test
    public void containsWhenRangeParsedWithHostBitsThenMatchesWholeNetwork() {
        IpRange r = range("10.1.2.3/8");
        assertTrue(r.contains("10.200.0.1"));
        assertFalse(r.contains("11.1.2.3"));
    }
}
