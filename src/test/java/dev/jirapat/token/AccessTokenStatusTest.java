package dev.jirapat.token;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.junit.Test;

public class AccessTokenStatusTest {
    private static final Instant CREATED = Instant.parse("2024-01-01T00:00:00Z");
    private static final Instant EXPIRES = Instant.parse("2024-03-01T12:00:00Z");
    private static final Duration MS = Duration.ofMillis(1);

    private static AccessToken token(Instant expiresAt, List<IpRange> ranges) {
        return AccessToken.builder().id(1).ownerKey("u1").name("ci").createdAt(CREATED).expiresAt(expiresAt)
                .allowedIps(ranges).createdBy("u1").hash("0".repeat(64), TokenHasher.ALGORITHM).hint("jpat_\u2026abcd")
                .build();
    }

    private static AccessToken expiringAt(Instant expiresAt) {
        return token(expiresAt, Collections.emptyList());
    }

    private static List<IpRange> ranges(String... texts) {
        List<IpRange> out = new ArrayList<>();
        for (String t : texts) {
            out.add(IpRange.parse(t).get());
        }
        return out;
    }

    @Test
    public void statusAtBoundariesThenExpectedStatus() {
        AccessToken t = expiringAt(EXPIRES);
        Duration five = Duration.ofDays(5);
        Object[][] table = {
            // now, warning days, expected
            {EXPIRES, 5, TokenStatus.EXPIRED},
            {EXPIRES.plus(MS), 5, TokenStatus.EXPIRED},
            {EXPIRES.plus(Duration.ofDays(400)), 5, TokenStatus.EXPIRED},
            {EXPIRES.minus(MS), 5, TokenStatus.EXPIRES_SOON},
            {EXPIRES.minus(Duration.ofNanos(1)), 5, TokenStatus.EXPIRES_SOON},
            {EXPIRES.minus(five), 5, TokenStatus.EXPIRES_SOON},
            {EXPIRES.minus(five).minus(MS), 5, TokenStatus.ACTIVE},
            {EXPIRES.minus(five).plus(MS), 5, TokenStatus.EXPIRES_SOON},
            {CREATED, 5, TokenStatus.ACTIVE},
            // Warning window of zero days: active right up to the expiry instant.
            {EXPIRES.minus(MS), 0, TokenStatus.ACTIVE},
            {EXPIRES, 0, TokenStatus.EXPIRED},
            // One-day window.
            {EXPIRES.minus(Duration.ofDays(1)), 1, TokenStatus.EXPIRES_SOON},
            {EXPIRES.minus(Duration.ofDays(1)).minus(MS), 1, TokenStatus.ACTIVE},
            // A window longer than the token's whole life: soon from the start.
            {CREATED, 365, TokenStatus.EXPIRES_SOON},
        };
        List<String> failures = new ArrayList<>();
        for (Object[] row : table) {
            TokenStatus actual = t.status((Instant) row[0], (Integer) row[1]);
            if (actual != row[2]) {
                failures.add("now=" + row[0] + " warningDays=" + row[1] + ": " + actual + ", expected " + row[2]);
            }
        }
        assertTrue(String.join("\n", failures), failures.isEmpty());
    }

    @Test
    public void statusWhenNeverExpiresThenActiveAtAnyTime() {
        AccessToken t = expiringAt(null);
        for (Instant now : Arrays.asList(Instant.EPOCH, CREATED, EXPIRES, Instant.parse("9999-12-31T23:59:59Z"))) {
            for (int days : new int[] {0, 5, 365}) {
                assertEquals(now + "/" + days, TokenStatus.ACTIVE, t.status(now, days));
            }
        }
    }

    @Test
    public void isExpiredAtBoundariesThenTrueFromExpiryInstantOn() {
        AccessToken t = expiringAt(EXPIRES);
        assertTrue(t.isExpired(EXPIRES));
        assertTrue(t.isExpired(EXPIRES.plus(MS)));
        assertFalse(t.isExpired(EXPIRES.minus(MS)));
        assertFalse(t.isExpired(EXPIRES.minus(Duration.ofNanos(1))));
        assertFalse(t.isExpired(CREATED));
    }

    @Test
    public void isExpiredWhenNeverExpiresThenFalse() {
        AccessToken t = expiringAt(null);
        assertFalse(t.isExpired(Instant.parse("9999-12-31T23:59:59Z")));
        assertTrue(t.expiresAt().isEmpty());
    }

    @Test
    public void isExpiredAgreesWithStatus() {
        AccessToken t = expiringAt(EXPIRES);
        for (long offsetMs = -3; offsetMs <= 3; offsetMs++) {
            Instant now = EXPIRES.plusMillis(offsetMs);
            assertEquals(now.toString(), t.isExpired(now), t.status(now, 5) == TokenStatus.EXPIRED);
        }
    }

    @Test
    public void allowsAddressWhenNoRangesThenAnyAddressEvenGarbage() {
        AccessToken t = token(null, Collections.emptyList());
        for (String ip : Arrays.asList("10.0.0.1", "::1", "2001:db8::1", "garbage", "", null)) {
            assertTrue(String.valueOf(ip), t.allowsAddress(ip));
        }
    }

    @Test
    public void allowsAddressWhenRangesThenOnlyAddressesInsideAnyRange() {
        AccessToken t = token(null, ranges("10.0.0.0/8", "192.168.1.7", "2001:db8::/32"));
        Object[][] table = {
            {"10.0.0.1", true},
            {"10.255.255.255", true},
            {"11.0.0.0", false},
            {"192.168.1.7", true},
            {"192.168.1.8", false},
            {"2001:db8::1", true},
            {"2001:db9::1", false},
            {"::ffff:10.1.2.3", true},
            {"::1", false},
            {"127.0.0.1", false},
            {"garbage", false},
            {"", false},
            {null, false},
        };
        for (Object[] row : table) {
            assertEquals(String.valueOf(row[0]), row[1], t.allowsAddress((String) row[0]));
        }
    }

    @Test
    public void allowedIpsWhenBuilderListChangedLaterThenTokenUnchanged() {
        List<IpRange> list = ranges("10.0.0.0/8");
        AccessToken t = token(null, list);
        list.clear();
        assertEquals(1, t.allowedIps().size());
        assertFalse(t.allowsAddress("192.168.0.1"));
    }
}
